import { describe, expect, it } from 'vitest';
import { type CalendarOverride, classifyYear, DAY_KINDS, HOLIDAY_NAMES, indexOverrides, statutoryHolidays } from './holidays';
import { formatDate, parseDate } from './time';

/** Every non-weekend, non-workday date of a year by the rules: `date kind name`. */
function offDays(year: number, overrides: CalendarOverride[] = []): string[] {
  const t = classifyYear(year, indexOverrides(overrides));
  const out: string[] = [];
  t.kinds.forEach((k, i) => {
    const kind = DAY_KINDS[k]!;
    if (kind !== 'workday' && kind !== 'weekend') out.push(`${formatDate(t.firstDay + i)} ${kind} ${t.names[i]}`);
  });
  return out;
}

function kindOf(date: string, overrides: CalendarOverride[] = []): string {
  const day = parseDate(date);
  const t = classifyYear(+date.slice(0, 4), indexOverrides(overrides));
  return `${DAY_KINDS[t.kinds[day - t.firstDay]!]} ${t.names[day - t.firstDay]}`;
}

const TET = HOLIDAY_NAMES.tet;
const R = HOLIDAY_NAMES.reunification;

describe('holiday rules (Labour Code 2019 art. 112)', () => {
  it('2026: every holiday on a weekday except Hùng Kings on Sunday, compensated on Monday', () => {
    expect(offDays(2026)).toEqual([
      '2026-01-01 holiday Tết Dương lịch',
      `2026-02-16 holiday ${TET}`,
      `2026-02-17 holiday ${TET}`,
      `2026-02-18 holiday ${TET}`,
      `2026-02-19 holiday ${TET}`,
      `2026-02-20 holiday ${TET}`,
      '2026-04-26 holiday Giỗ Tổ Hùng Vương',
      '2026-04-27 compensatory Nghỉ bù Giỗ Tổ Hùng Vương',
      `2026-04-30 holiday ${R}`,
      '2026-05-01 holiday Quốc tế Lao động',
      '2026-09-01 holiday Quốc khánh',
      '2026-09-02 holiday Quốc khánh',
    ]);
    expect(kindOf('2026-02-14')).toBe('weekend Thứ Bảy');
    expect(kindOf('2026-02-22')).toBe('weekend Chủ nhật');
    expect(kindOf('2026-02-23')).toBe('workday null');
  });

  it('2024: Tết over a weekend chains its two compensatory days; 2 Sep on a Monday takes 3 Sep', () => {
    expect(offDays(2024).filter((d) => d.startsWith('2024-02') || d.startsWith('2024-09'))).toEqual([
      `2024-02-09 holiday ${TET}`,
      `2024-02-10 holiday ${TET}`,
      `2024-02-11 holiday ${TET}`,
      `2024-02-12 holiday ${TET}`,
      `2024-02-13 holiday ${TET}`,
      `2024-02-14 compensatory Nghỉ bù ${TET}`,
      `2024-02-15 compensatory Nghỉ bù ${TET}`,
      '2024-09-02 holiday Quốc khánh',
      '2024-09-03 holiday Quốc khánh',
    ]);
    expect(kindOf('2024-09-01')).toBe('weekend Chủ nhật');
    expect(kindOf('2024-02-16')).toBe('workday null');
  });

  it('2022: 1 Jan on Saturday, Hùng Kings on Sunday, 30/4 + 1/5 on Sat/Sun chain onto Monday and Tuesday', () => {
    expect(offDays(2022).filter((d) => !d.includes(TET) && !d.includes('Quốc khánh'))).toEqual([
      '2022-01-01 holiday Tết Dương lịch',
      '2022-01-03 compensatory Nghỉ bù Tết Dương lịch',
      '2022-04-10 holiday Giỗ Tổ Hùng Vương',
      '2022-04-11 compensatory Nghỉ bù Giỗ Tổ Hùng Vương',
      `2022-04-30 holiday ${R}`,
      '2022-05-01 holiday Quốc tế Lao động',
      `2022-05-02 compensatory Nghỉ bù ${R}`,
      '2022-05-03 compensatory Nghỉ bù Quốc tế Lao động',
    ]);
  });

  it('2023: Hùng Kings (Sat 29/4), 30/4 (Sun) and 1/5 (Mon) owe two days, paid Tue and Wed; 2 Sep on Saturday owes Monday', () => {
    const off = offDays(2023);
    expect(off.filter((d) => d >= '2023-04-29' && d < '2023-05-31')).toEqual([
      '2023-04-29 holiday Giỗ Tổ Hùng Vương',
      `2023-04-30 holiday ${R}`,
      '2023-05-01 holiday Quốc tế Lao động',
      '2023-05-02 compensatory Nghỉ bù Giỗ Tổ Hùng Vương',
      `2023-05-03 compensatory Nghỉ bù ${R}`,
    ]);
    expect(off.filter((d) => d.startsWith('2023-09'))).toEqual([
      '2023-09-01 holiday Quốc khánh',
      '2023-09-02 holiday Quốc khánh',
      '2023-09-04 compensatory Nghỉ bù Quốc khánh',
    ]);
    expect(off.filter((d) => d.startsWith('2023-01'))).toEqual([
      '2023-01-01 holiday Tết Dương lịch',
      '2023-01-02 compensatory Nghỉ bù Tết Dương lịch',
      `2023-01-21 holiday ${TET}`,
      `2023-01-22 holiday ${TET}`,
      `2023-01-23 holiday ${TET}`,
      `2023-01-24 holiday ${TET}`,
      `2023-01-25 holiday ${TET}`,
      `2023-01-26 compensatory Nghỉ bù ${TET}`,
      `2023-01-27 compensatory Nghỉ bù ${TET}`,
    ]);
  });

  it('2021: Tết from Thursday to Monday spans a weekend, compensated Tuesday and Wednesday', () => {
    expect(offDays(2021).filter((d) => d.startsWith('2021-02'))).toEqual([
      `2021-02-11 holiday ${TET}`,
      `2021-02-12 holiday ${TET}`,
      `2021-02-13 holiday ${TET}`,
      `2021-02-14 holiday ${TET}`,
      `2021-02-15 holiday ${TET}`,
      `2021-02-16 compensatory Nghỉ bù ${TET}`,
      `2021-02-17 compensatory Nghỉ bù ${TET}`,
    ]);
  });

  it('2029: 2 Sep on Sunday makes 1–2 Sep a weekend, compensated Monday 3 and Tuesday 4', () => {
    expect(offDays(2029).filter((d) => d.startsWith('2029-09'))).toEqual([
      '2029-09-01 holiday Quốc khánh',
      '2029-09-02 holiday Quốc khánh',
      '2029-09-03 compensatory Nghỉ bù Quốc khánh',
      '2029-09-04 compensatory Nghỉ bù Quốc khánh',
    ]);
  });

  it('Tết always has five consecutive days starting on the last day of the lunar year, for any year', () => {
    for (let y = 1900; y <= 2199; y++) {
      const tet = statutoryHolidays(y).filter((h) => h.name === TET);
      expect(tet.map((h) => h.day - tet[0]!.day)).toEqual([0, 1, 2, 3, 4]);
      expect(statutoryHolidays(y)).toHaveLength(11);
    }
  });

  it('gives every year as many days off in holidays + compensation as statutory holiday days (11)', () => {
    for (let y = 1990; y <= 2060; y++) {
      const t = classifyYear(y);
      let holidayOnWeekday = 0;
      let compensatory = 0;
      t.kinds.forEach((k, i) => {
        const dow = (((t.firstDay + i + 4) % 7) + 7) % 7;
        if (DAY_KINDS[k] === 'holiday' && dow !== 0 && dow !== 6) holidayOnWeekday++;
        if (DAY_KINDS[k] === 'compensatory') compensatory++;
      });
      expect(holidayOnWeekday + compensatory, String(y)).toBe(11);
    }
  });
});

describe('official overrides win over the rules', () => {
  // shaped like the government's 2024 notice: 8 Feb off, 15 Feb and Saturday 24 Feb worked
  const notice: CalendarOverride[] = [
    { date: '2024-02-08', working: false, name: 'Nghỉ Tết Giáp Thìn theo thông báo của Chính phủ' },
    { date: '2024-02-15', working: true, name: 'Đi làm theo thông báo' },
    { date: '2024-02-24', working: true, name: 'Làm bù cho ngày 08/02' },
    { date: '2024-02-25', working: false, name: 'Nghỉ hằng tuần' },
    { date: '2024-02-26', working: true, name: 'Ngày làm việc bình thường' },
  ];

  it('turns a workday off, a weekend or compensatory day into a working day, and keeps names', () => {
    expect(kindOf('2024-02-08', notice)).toBe('override_off Nghỉ Tết Giáp Thìn theo thông báo của Chính phủ');
    expect(kindOf('2024-02-15', notice)).toBe('swapped_workday Đi làm theo thông báo');
    expect(kindOf('2024-02-24', notice)).toBe('swapped_workday Làm bù cho ngày 08/02');
    expect(kindOf('2024-02-25', notice)).toBe('weekend Nghỉ hằng tuần');
    expect(kindOf('2024-02-26', notice)).toBe('workday Ngày làm việc bình thường');
    // untouched days keep their rule kind
    expect(kindOf('2024-02-14', notice)).toBe(`compensatory Nghỉ bù ${TET}`);
  });

  it('rejects an override on a malformed date', () => {
    expect(() => indexOverrides([{ date: '2024-02-30', working: false, name: 'x' }])).toThrowError(expect.objectContaining({ code: 'CALENDAR_DATE_INVALID' }));
  });

  it('refuses to classify years outside 1900–2199', () => {
    expect(() => classifyYear(1899)).toThrowError(expect.objectContaining({ code: 'CALENDAR_YEAR_OUT_OF_RANGE' }));
    expect(() => classifyYear(2200)).toThrowError(expect.objectContaining({ code: 'CALENDAR_YEAR_OUT_OF_RANGE' }));
  });
});
