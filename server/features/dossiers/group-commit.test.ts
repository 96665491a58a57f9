import { describe, expect, it } from 'vitest';
import { GroupCommitter, type Outcome } from './group-commit';

/** A commit function that records its groups; `refuse` items get an error outcome, a `poison` item makes the whole commit throw. */
function recorder() {
  const groups: { key: string; items: string[] }[] = [];
  const commit = async (key: string, items: string[]): Promise<Outcome<string>[]> => {
    await Promise.resolve();
    groups.push({ key, items: [...items] });
    if (items.includes('poison')) throw new Error('the group failed');
    return items.map((i) => (i.startsWith('refuse') ? { ok: false, error: new Error(`refused ${i}`) } : { ok: true, value: `${key}:${i}` }));
  };
  return { groups, commit };
}

describe('GroupCommitter', () => {
  it('commits a lone item at once, and the items that arrive meanwhile together in the next group', async () => {
    const r = recorder();
    const g = new GroupCommitter(r.commit);
    const answers = await Promise.all(['a', 'b', 'c', 'd'].map((i) => g.submit('unit-1', i)));
    expect(answers).toEqual(['unit-1:a', 'unit-1:b', 'unit-1:c', 'unit-1:d']);
    expect(r.groups).toEqual([
      { key: 'unit-1', items: ['a'] },
      { key: 'unit-1', items: ['b', 'c', 'd'] },
    ]);
  });

  it('keeps keys apart and caps the size of a group', async () => {
    const r = recorder();
    const g = new GroupCommitter(r.commit, 2);
    await Promise.all([g.submit('x', '1'), g.submit('y', '1'), g.submit('x', '2'), g.submit('x', '3'), g.submit('x', '4'), g.submit('y', '2')]);
    expect(r.groups.filter((c) => c.key === 'x').map((c) => c.items)).toEqual([['1'], ['2', '3'], ['4']]);
    expect(r.groups.filter((c) => c.key === 'y').map((c) => c.items)).toEqual([['1'], ['2']]);
  });

  it('answers a refused item with its own error and its neighbours with their values', async () => {
    const r = recorder();
    const g = new GroupCommitter(r.commit);
    const results = await Promise.allSettled(['a', 'b', 'refuse-c', 'd'].map((i) => g.submit('u', i)));
    expect(results.map((x) => (x.status === 'fulfilled' ? x.value : (x.reason as Error).message))).toEqual(['u:a', 'u:b', 'refused refuse-c', 'u:d']);
  });

  it('retries each item of a failed group alone, so only the failing one fails', async () => {
    const r = recorder();
    const g = new GroupCommitter(r.commit);
    const results = await Promise.allSettled(['a', 'b', 'poison', 'c'].map((i) => g.submit('u', i)));
    expect(results.map((x) => (x.status === 'fulfilled' ? x.value : (x.reason as Error).message))).toEqual(['u:a', 'u:b', 'the group failed', 'u:c']);
    expect(r.groups.map((c) => c.items)).toEqual([['a'], ['b', 'poison', 'c'], ['b'], ['poison'], ['c']]);
  });

  it('starts a new group for an item that arrives after the queue emptied', async () => {
    const r = recorder();
    const g = new GroupCommitter(r.commit);
    expect(await g.submit('u', 'first')).toBe('u:first');
    expect(await g.submit('u', 'second')).toBe('u:second');
    expect(r.groups.map((c) => c.items)).toEqual([['first'], ['second']]);
  });
});
