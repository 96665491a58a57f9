import { describe, expect, it } from 'vitest';
import { addCalendarDays, addWorkingDays, addWorkingHours, computeDue, workingMinutesBetween } from './due';
import { formatInstant, parseInstant } from './time';
import { WorkingCalendar } from './working-calendar';

const cal = new WorkingCalendar();
const code = (c: string) => expect.objectContaining({ code: c });
// 2026-03-02 is a Monday; 2026-03-06 a Friday
const MON = (hm: string) => `2026-03-02T${hm}:00+07:00`;

describe('addWorkingHours', () => {
  it.each([
    [MON('08:00'), 4, '2026-03-02T12:00:00+07:00'], // exhausted at the end of the morning: 12:00, not 13:00
    [MON('08:00'), 8, '2026-03-02T17:00:00+07:00'],
    [MON('08:00'), 5, '2026-03-02T14:00:00+07:00'],
    [MON('10:00'), 4, '2026-03-02T15:00:00+07:00'],
    [MON('12:30'), 1, '2026-03-02T14:00:00+07:00'], // from the lunch break: counting starts 13:00
    [MON('07:00'), 2, '2026-03-02T10:00:00+07:00'], // before opening
    [MON('17:00'), 1, '2026-03-03T09:00:00+07:00'], // at closing
    [MON('21:45'), 4, '2026-03-03T12:00:00+07:00'],
    ['2026-03-06T16:00:00+07:00', 2, '2026-03-09T09:00:00+07:00'], // over the weekend
    ['2026-03-07T10:00:00+07:00', 3, '2026-03-09T11:00:00+07:00'], // from a Saturday
    ['2026-03-02T01:00:00Z', 4, '2026-03-02T12:00:00+07:00'], // another offset, same instant as 08:00+07
    ['2026-03-02T09:00:00.500+07:00', 1, '2026-03-02T10:00:00.500+07:00'],
  ])('from %s + %i h → %s', (from, hours, due) => {
    expect(addWorkingHours(cal, from, hours).dueAt).toBe(due);
  });

  it('explains where counting started and which days were skipped', () => {
    const r = addWorkingHours(cal, '2026-03-07T10:00:00+07:00', 3);
    expect(r.explanation).toEqual({
      unit: 'working_hours',
      amount: 3,
      from: '2026-03-07T10:00:00+07:00',
      countingStartsAt: '2026-03-09T08:00:00+07:00',
      workingMinutes: 180,
      skipped: [
        { date: '2026-03-07', kind: 'weekend', name: 'Thứ Bảy' },
        { date: '2026-03-08', kind: 'weekend', name: 'Chủ nhật' },
      ],
    });
  });
});

describe('addWorkingDays', () => {
  it('counts N × the working day, from the instant given', () => {
    expect(addWorkingDays(cal, MON('10:00'), 1).dueAt).toBe('2026-03-03T10:00:00+07:00');
    expect(addWorkingDays(cal, MON('08:00'), 1).dueAt).toBe('2026-03-02T17:00:00+07:00');
    expect(addWorkingDays(cal, '2026-03-06T14:00:00+07:00', 3).dueAt).toBe('2026-03-11T14:00:00+07:00');
  });

  it('skips Tết 2026 (16–20 Feb) and the weekends around it, and says so', () => {
    const r = addWorkingDays(cal, '2026-02-13T10:00:00+07:00', 2);
    expect(r.dueAt).toBe('2026-02-24T10:00:00+07:00');
    expect(r.explanation.skipped.map((d) => `${d.date} ${d.kind}`)).toEqual([
      '2026-02-14 weekend',
      '2026-02-15 weekend',
      '2026-02-16 holiday',
      '2026-02-17 holiday',
      '2026-02-18 holiday',
      '2026-02-19 holiday',
      '2026-02-20 holiday',
      '2026-02-21 weekend',
      '2026-02-22 weekend',
    ]);
  });

  it('follows the unit’s overrides', () => {
    const withSwap = new WorkingCalendar({
      overrides: [
        { date: '2026-03-07', working: true, name: 'Làm bù' },
        { date: '2026-03-09', working: false, name: 'Nghỉ theo quyết định' },
      ],
    });
    const r = addWorkingDays(withSwap, '2026-03-06T14:00:00+07:00', 2);
    expect(r.dueAt).toBe('2026-03-10T14:00:00+07:00');
    expect(r.explanation.skipped).toEqual([
      { date: '2026-03-08', kind: 'weekend', name: 'Chủ nhật' },
      { date: '2026-03-09', kind: 'override_off', name: 'Nghỉ theo quyết định' },
    ]);
  });
});

describe('addCalendarDays (Civil Code art. 147–148)', () => {
  it('does not count the first day and ends at the close of the N-th day after', () => {
    expect(addCalendarDays(cal, MON('10:00'), 3).dueAt).toBe('2026-03-05T17:00:00+07:00');
    expect(addCalendarDays(cal, MON('23:30'), 1).dueAt).toBe('2026-03-03T17:00:00+07:00');
  });

  it('moves to the next working day when the N-th day is not one', () => {
    const r = addCalendarDays(cal, MON('10:00'), 5);
    expect(r.dueAt).toBe('2026-03-09T17:00:00+07:00');
    expect(r.explanation.countingStartsAt).toBe('2026-03-03T00:00:00+07:00');
    expect(r.explanation.skipped.map((d) => d.date)).toEqual(['2026-03-07', '2026-03-08']);
    // 24 Apr 2026 + 3 = Monday 27 Apr, compensatory for Hùng Kings' day → Tuesday
    expect(addCalendarDays(cal, '2026-04-24T09:00:00+07:00', 3).dueAt).toBe('2026-04-28T17:00:00+07:00');
  });
});

describe('bad input', () => {
  it.each([
    ['2026-03-02T08:00:00', 'CALENDAR_OFFSET_REQUIRED'],
    ['2026-03-02T08:00', 'CALENDAR_OFFSET_REQUIRED'],
    ['2026-03-02', 'CALENDAR_DATE_INVALID'],
    ['tomorrow', 'CALENDAR_DATE_INVALID'],
    ['2026-02-30T08:00:00+07:00', 'CALENDAR_DATE_INVALID'],
    ['2026-03-02T25:00:00+07:00', 'CALENDAR_DATE_INVALID'],
    ['2026-03-02T08:00:00+15:00', 'CALENDAR_DATE_INVALID'],
    ['1899-12-30T08:00:00+07:00', 'CALENDAR_YEAR_OUT_OF_RANGE'],
  ])('from %s → %s', (from, c) => {
    expect(() => computeDue(cal, { from, amount: 1, unit: 'working_days' })).toThrowError(code(c));
  });

  it.each([[0], [-1], [1.5], ['3'], [Number.NaN], [null], [2 ** 60]])('amount %s → CALENDAR_AMOUNT_INVALID', (amount) => {
    expect(() => computeDue(cal, { from: MON('08:00'), amount, unit: 'working_days' })).toThrowError(code('CALENDAR_AMOUNT_INVALID'));
  });

  it.each([['weeks'], [''], [undefined], ['WORKING_DAYS']])('unit %s → CALENDAR_UNIT_INVALID', (unit) => {
    expect(() => computeDue(cal, { from: MON('08:00'), amount: 1, unit })).toThrowError(code('CALENDAR_UNIT_INVALID'));
  });
});

describe('workingMinutesBetween', () => {
  it('is signed and ignores non-working time', () => {
    expect(workingMinutesBetween(cal, MON('08:00'), MON('17:00'))).toBe(480);
    expect(workingMinutesBetween(cal, MON('17:00'), MON('08:00'))).toBe(-480);
    expect(workingMinutesBetween(cal, '2026-03-06T16:00:00+07:00', '2026-03-09T09:00:00+07:00')).toBe(120);
    expect(workingMinutesBetween(cal, parseInstant(MON('11:30')), parseInstant(MON('13:30')))).toBe(60);
    expect(workingMinutesBetween(cal, '2026-02-13T17:00:00+07:00', '2026-02-23T08:00:00+07:00')).toBe(0);
  });
});

describe('instant formatting', () => {
  it('always answers in +07:00', () => {
    expect(formatInstant(parseInstant('2026-03-02T23:30:00-05:00'))).toBe('2026-03-03T11:30:00+07:00');
  });
});
