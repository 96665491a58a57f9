import { describe, expect, it } from 'vitest';
import { checklistFor, deadlinePolicyFor } from './policy';

describe('deadlinePolicyFor', () => {
  it('splits the legal time by the catalogue step times, with unique step ids', () => {
    const steps = [
      { name: 'Tiếp nhận', time: 0.5 },
      { name: 'Thẩm định', time: 7.5 },
      { name: 'Thẩm định', time: 1 },
      { name: 'Trả kết quả', time: 1 },
    ];
    expect(deadlinePolicyFor({ amount: 10, unit: 'working_days' }, steps)).toEqual({
      legal: { amount: 10, unit: 'working_days' },
      steps: [
        { step: '1. Tiếp nhận', share: 0.5 },
        { step: '2. Thẩm định', share: 7.5 },
        { step: '3. Thẩm định', share: 1 },
        { step: '4. Trả kết quả', share: 1 },
      ],
    });
  });

  it('keeps only the whole clock for immediate procedures or steps without time', () => {
    expect(deadlinePolicyFor({ amount: 0, unit: 'immediate' }, [{ name: 'Tiếp nhận', time: 0 }])).toEqual({ legal: { amount: 0, unit: 'working_days' } });
    expect(deadlinePolicyFor({ amount: 5, unit: 'working_days' }, [{ name: 'A', time: 5 }, { name: 'B', time: 0 }])).toEqual({ legal: { amount: 5, unit: 'working_days' } });
  });
});

describe('checklistFor', () => {
  it('numbers the catalogue components', () => {
    expect(checklistFor([{ name: 'Đơn', required: true }, { name: 'Ảnh', required: false }])).toEqual([
      { id: '1', name: 'Đơn', required: true },
      { id: '2', name: 'Ảnh', required: false },
    ]);
  });
});
