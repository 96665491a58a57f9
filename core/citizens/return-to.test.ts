import { describe, expect, it } from 'vitest';
import { safeReturnTo } from './return-to';

describe('safeReturnTo', () => {
  it('keeps a path of this site with its query and fragment', () => {
    expect(safeReturnTo('/ho-so/000.00.15.H26-261130-0001?tab=2#buoc')).toBe('/ho-so/000.00.15.H26-261130-0001?tab=2#buoc');
    expect(safeReturnTo('/')).toBe('/');
    expect(safeReturnTo('/thu-tuc/1.001612')).toBe('/thu-tuc/1.001612');
  });

  it.each([
    ['absent', undefined],
    ['empty', ''],
    ['another origin', 'https://evil.example/phish'],
    ['scheme-relative', '//evil.example/phish'],
    ['backslash', '/\\evil.example'],
    ['backslash later', '/a\\b'],
    ['tab before slash', '/\t/evil.example'],
    ['newline', '/a\n/b'],
    ['javascript', 'javascript:alert(1)'],
    ['relative', 'ho-so'],
    ['dot segments up to //', '/a/..//evil.example'],
    ['too long', `/${'a'.repeat(2001)}`],
  ])('refuses %s', (_, value) => {
    expect(safeReturnTo(value)).toBe('/');
  });
});
