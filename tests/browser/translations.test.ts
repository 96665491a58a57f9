import { STAFF_NAVIGATION } from '@core/access/navigation';
import { describe, expect, it } from 'vitest';
import { TEXT } from './harness';

/** Every leaf of a nested resource, as "a.b.c" → text. */
function leaves(tree: object, prefix = ''): Map<string, string> {
  const out = new Map<string, string>();
  for (const [key, value] of Object.entries(tree)) {
    if (typeof value === 'string') out.set(prefix + key, value);
    else for (const [k, v] of leaves(value as object, `${prefix}${key}.`)) out.set(k, v);
  }
  return out;
}

describe('translations', () => {
  const vi = leaves(TEXT.vi);
  const en = leaves(TEXT.en);

  it('Vietnamese and English have the same keys and no empty text', () => {
    expect([...en.keys()].sort()).toEqual([...vi.keys()].sort());
    for (const [key, text] of [...vi, ...en]) expect(text.trim(), key).not.toBe('');
  });

  it('every navigation entry of the shared table has a label in both languages', () => {
    for (const item of STAFF_NAVIGATION) {
      expect(vi.get(`nav.${item.key}`), item.key).toBeTruthy();
      expect(en.get(`nav.${item.key}`), item.key).toBeTruthy();
    }
  });

  it('placeholders match between the languages', () => {
    const placeholders = (text: string) => [...text.matchAll(/\{\{(\w+)\}\}/g)].map((m) => m[1]).sort();
    for (const [key, text] of vi) expect(placeholders(en.get(key) ?? ''), key).toEqual(placeholders(text));
  });
});
