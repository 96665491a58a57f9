import { describe, expect, it } from 'vitest';
import { corrections, editDistance } from './spelling';

describe('spelling tolerance', () => {
  it('counts one insertion, deletion, substitution or swap as one edit', () => {
    expect(editDistance('sinh', 'sinh')).toBe(0);
    expect(editDistance('sihn', 'sinh')).toBe(1);
    expect(editDistance('ki', 'ky')).toBe(1);
    expect(editDistance('khai', 'kha')).toBe(1);
    expect(editDistance('dang', 'ddang')).toBe(1);
    expect(editDistance('ket', 'hon')).toBe(3);
    expect(editDistance('', 'abc')).toBe(3);
  });

  it('keeps only near words, nearest first; short words get one edit, long words two', () => {
    expect(corrections('sihn', ['xinh', 'sinh', 'sinhh', 'khai'])).toEqual(['sinh']);
    expect(corrections('sinh', ['sinhh', 'sinh', 'xinh', 'sih'])).toEqual(['sinhh', 'xinh', 'sih']);
    expect(corrections('ki', ['ky', 'kinh', 'k'])).toEqual(['ky', 'k']);
    expect(corrections('a', ['b'])).toEqual([]);
    expect(corrections('chungnhan', ['chungnhna', 'chung'])).toEqual(['chungnhna']);
  });
});
