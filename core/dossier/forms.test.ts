import { describe, expect, it } from 'vitest';
import { form02Schema, legalTimeText } from './forms';

describe('legalTimeText', () => {
  it('words the legal time for the receipt', () => {
    expect(legalTimeText({ amount: 10, unit: 'working_days' })).toBe('10 ngày làm việc');
    expect(legalTimeText({ amount: 8, unit: 'working_hours' })).toBe('8 giờ làm việc');
    expect(legalTimeText({ amount: 15, unit: 'calendar_days' })).toBe('15 ngày');
    expect(legalTimeText({ amount: 0, unit: 'immediate' })).toBe('Giải quyết ngay');
  });
});

describe('form schemas', () => {
  it('Mẫu 02 lists every item once', () => {
    const base = { agency: { name: 'UBND phường Lê Chân' }, issuedAt: 0, applicant: { name: 'Trần Quang Khải' }, procedure: { name: 'Đăng ký hộ kinh doanh' }, receivedAt: 0, officer: { title: 'Người hướng dẫn' } };
    expect(form02Schema.parse({ ...base, items: ['Bản vẽ mặt bằng', 'bản vẽ  mặt bằng', 'Văn bản PCCC'] }).items).toEqual(['Bản vẽ mặt bằng', 'Văn bản PCCC']);
  });
});
