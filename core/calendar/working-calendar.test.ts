import { describe, expect, it } from 'vitest';
import { parseInstant } from './time';
import { WorkingCalendar } from './working-calendar';

const at = parseInstant;
const code = (c: string) => expect.objectContaining({ code: c });

describe('WorkingCalendar.days', () => {
  const cal = new WorkingCalendar({ overrides: [{ date: '2026-02-28', working: true, name: 'Làm bù' }] });

  it('lists every day with working flag, kind and name', () => {
    expect(cal.days('2026-02-13', '2026-02-17')).toEqual([
      { date: '2026-02-13', working: true, kind: 'workday', name: null },
      { date: '2026-02-14', working: false, kind: 'weekend', name: 'Thứ Bảy' },
      { date: '2026-02-15', working: false, kind: 'weekend', name: 'Chủ nhật' },
      { date: '2026-02-16', working: false, kind: 'holiday', name: 'Tết Nguyên đán' },
      { date: '2026-02-17', working: false, kind: 'holiday', name: 'Tết Nguyên đán' },
    ]);
    expect(cal.days('2026-02-28', '2026-02-28')).toEqual([{ date: '2026-02-28', working: true, kind: 'swapped_workday', name: 'Làm bù' }]);
    expect(cal.days('2026-04-27', '2026-04-27')[0]).toMatchObject({ working: false, kind: 'compensatory' });
  });

  it('spans years and accepts up to 10 years, refusing longer or reversed ranges', () => {
    expect(cal.days('2025-12-30', '2026-01-02').map((d) => d.kind)).toEqual(['workday', 'workday', 'holiday', 'workday']);
    expect(cal.days('2025-01-01', '2034-12-31')).toHaveLength(3652);
    expect(() => cal.days('2025-01-01', '2035-01-01')).toThrowError(code('CALENDAR_RANGE_TOO_LONG'));
    expect(() => cal.days('2026-01-02', '2026-01-01')).toThrowError(code('CALENDAR_RANGE_INVALID'));
    expect(() => cal.days('2026-13-01', '2026-12-01')).toThrowError(code('CALENDAR_DATE_INVALID'));
    expect(() => cal.days('2026-1-1', '2026-12-01')).toThrowError(code('CALENDAR_DATE_INVALID'));
  });

  it('refuses days outside 1900–2199', () => {
    expect(() => cal.days('1899-12-31', '1900-01-01')).toThrowError(code('CALENDAR_YEAR_OUT_OF_RANGE'));
    expect(() => cal.days('2199-12-31', '2200-01-01')).toThrowError(code('CALENDAR_YEAR_OUT_OF_RANGE'));
    expect(cal.days('1900-01-01', '1900-01-01')[0]!.kind).toBe('holiday');
  });
});

describe('working periods', () => {
  it('refuses malformed, reversed or overlapping periods', () => {
    for (const periods of [
      [],
      [{ start: '8:00', end: '12:00' }],
      [{ start: '12:00', end: '08:00' }],
      [{ start: '08:00', end: '12:00' }, { start: '11:00', end: '17:00' }],
      [{ start: '13:00', end: '17:00' }, { start: '08:00', end: '12:00' }],
      [{ start: '08:00', end: '24:30' }],
    ]) {
      expect(() => new WorkingCalendar({ periods }), JSON.stringify(periods)).toThrowError(code('CALENDAR_HOURS_INVALID'));
    }
  });

  it('uses a unit’s own hours: 07:30–11:30 and 13:30–17:30', () => {
    const cal = new WorkingCalendar({ periods: [{ start: '07:30', end: '11:30' }, { start: '13:30', end: '17:30' }] });
    expect(cal.dayLengthMs).toBe(8 * 3_600_000);
    expect(cal.addWorking(at('2026-03-02T07:00:00+07:00'), 4 * 3_600_000)).toBe(at('2026-03-02T11:30:00+07:00'));
    expect(cal.calendarDaysDue(at('2026-03-02T07:00:00+07:00'), 1)).toBe(at('2026-03-03T17:30:00+07:00'));
  });

  it('supports a single period and a working day ending at midnight', () => {
    const cal = new WorkingCalendar({ periods: [{ start: '20:00', end: '24:00' }] });
    expect(cal.addWorking(at('2026-03-02T23:00:00+07:00'), 2 * 3_600_000)).toBe(at('2026-03-03T21:00:00+07:00'));
    expect(cal.addWorking(at('2026-03-02T20:00:00+07:00'), 4 * 3_600_000)).toBe(at('2026-03-03T00:00:00+07:00'));
  });
});

describe('working position tables', () => {
  it('give the same answers whether years are preloaded or built lazily in any order', () => {
    const eager = new WorkingCalendar({ years: { from: 1990, to: 2040 } });
    const lazy = new WorkingCalendar();
    const probes = ['2030-06-03T09:15:00+07:00', '1995-01-02T16:59:00+07:00', '2039-12-31T10:00:00+07:00', '2026-02-13T10:00:00+07:00'];
    for (const p of probes) {
      expect(lazy.addWorking(at(p), 100 * 3_600_000), p).toBe(eager.addWorking(at(p), 100 * 3_600_000));
    }
    expect(lazy.workingMsBetween(at(probes[1]!), at(probes[0]!))).toBe(eager.workingMsBetween(at(probes[1]!), at(probes[0]!)));
  });

  it('extends past the last preloaded year when a due date runs over it, but never past 2199', () => {
    const cal = new WorkingCalendar({ years: { from: 2035, to: 2035 } });
    expect(cal.addWorking(at('2035-12-31T16:00:00+07:00'), 2 * 3_600_000)).toBe(at('2036-01-02T09:00:00+07:00'));
    expect(() => cal.addWorking(at('2199-12-30T10:00:00+07:00'), 80 * 3_600_000)).toThrowError(code('CALENDAR_YEAR_OUT_OF_RANGE'));
  });

  it('measures working time between instants, signed', () => {
    const cal = new WorkingCalendar();
    expect(cal.workingMsBetween(at('2026-03-06T16:00:00+07:00'), at('2026-03-09T09:00:00+07:00'))).toBe(2 * 3_600_000);
    expect(cal.workingMsBetween(at('2026-03-09T09:00:00+07:00'), at('2026-03-06T16:00:00+07:00'))).toBe(-2 * 3_600_000);
    expect(cal.workingMsBetween(at('2026-03-02T12:00:00+07:00'), at('2026-03-02T13:00:00+07:00'))).toBe(0);
  });
});
