import { describe, expect, it } from 'vitest';
import { parseInstant } from '../calendar/time';
import { WorkingCalendar } from '../calendar/working-calendar';
import { countStates, countedOccurrences, yearTrend } from './board';
import { dueEndMs, occurrencesOf, planTaskDeadline } from './deadline';
import { parseDeadlineText, validateImportRows } from './import';
import { type TaskEvent, taskStatus } from './state';

const cal = new WorkingCalendar();
const at = (s: string) => parseInstant(`${s}+07:00`);
const code = (fn: () => unknown) => {
  try {
    fn();
  } catch (err) {
    return (err as { code?: string }).code;
  }
  return undefined;
};

describe('deadlines', () => {
  it('resolves monthly and quarterly reports, a due day off moving to the next working day', () => {
    const monthly = occurrencesOf({ kind: 'monthly', day: 20, from: '2026-01-01', to: '2026-04-30' }, cal);
    // 20 Jan 2026 is a Tuesday; 20 Feb is in the Tết break (16–20 Feb) → Monday 23 Feb; 20 Apr a Monday
    expect(monthly).toEqual([
      { period: '2026-01', due: '2026-01-20' },
      { period: '2026-02', due: '2026-02-23' },
      { period: '2026-03', due: '2026-03-20' },
      { period: '2026-04', due: '2026-04-20' },
    ]);
    const quarterly = occurrencesOf({ kind: 'quarterly', day: 15, from: '2026-01-01', to: '2026-12-31' }, cal);
    expect(quarterly.map((o) => o.period)).toEqual(['2026-Q1', '2026-Q2', '2026-Q3', '2026-Q4']);
    // 15 Mar 2026 is a Sunday → Monday 16 Mar
    expect(quarterly[0]!.due).toBe('2026-03-16');
    // day 31 in a 30-day month is its last day
    expect(occurrencesOf({ kind: 'monthly', day: 31, from: '2026-06-01', to: '2026-06-30' }, cal)[0]!.due).toBe('2026-06-30');
  });

  it('counts working days on the legal clock, the start day not counted', () => {
    // from Friday 24 Apr 2026: Mon 27 compensates Hùng Kings' day (Sun 26); Tue 28, Wed 29; 30 Apr and 1 May are holidays; Mon 4, Tue 5, Wed 6 May
    expect(occurrencesOf({ kind: 'working_days', days: 5, start: '2026-04-24' }, cal)).toEqual([{ period: 'once', due: '2026-05-06' }]);
  });

  it('refuses a deadline before the plan’s date and malformed rules', () => {
    expect(code(() => planTaskDeadline({ kind: 'date', date: '2026-02-01' }, '2026-03-01', cal))).toBe('REFORM_DEADLINE_BEFORE_PLAN');
    expect(code(() => planTaskDeadline({ kind: 'monthly', day: 5, from: '2026-02-01', to: '2026-12-31' }, '2026-03-01', cal))).toBe('REFORM_DEADLINE_BEFORE_PLAN');
    expect(code(() => planTaskDeadline({ kind: 'monthly', day: 5, from: '2026-12-01', to: '2026-03-01' }, '2026-01-01', cal))).toBe('REFORM_DEADLINE_INVALID');
    expect(code(() => planTaskDeadline({ kind: 'date', date: '2026-03-01' }, '2026-03-01', cal))).toBeUndefined();
  });
});

describe('task states', () => {
  const once = [{ period: 'once', due: '2026-03-31' }];
  const ev = (kind: TaskEvent['kind'], s: string, period = 'once'): TaskEvent => ({ kind, period, at: at(s) });

  it('moves from not started to overdue as the injected clock crosses the end of the due day', () => {
    expect(taskStatus(once, [], at('2026-03-31T23:59')).state).toBe('not_started');
    expect(taskStatus(once, [ev('report', '2026-03-10T09:00')], at('2026-03-31T23:59')).state).toBe('in_progress');
    expect(taskStatus(once, [], at('2026-04-01T00:00')).state).toBe('overdue');
    expect(dueEndMs('2026-03-31')).toBe(at('2026-04-01T00:00') - 1);
  });

  it('counts completion from the day it was marked, once accepted; a return voids the mark', () => {
    const onTime = [ev('completion_marked', '2026-03-30T10:00'), ev('completion_accepted', '2026-04-10T10:00')];
    expect(taskStatus(once, onTime.slice(0, 1), at('2026-04-05T10:00'))).toMatchObject({ state: 'in_progress', current: { awaitingAcceptance: true } });
    expect(taskStatus(once, onTime, at('2026-04-10T10:00')).state).toBe('completed_on_time');
    const late = [ev('completion_marked', '2026-04-02T10:00'), ev('completion_accepted', '2026-04-03T10:00')];
    expect(taskStatus(once, late.slice(0, 1), at('2026-04-02T11:00')).state).toBe('overdue');
    expect(taskStatus(once, late, at('2026-04-03T11:00')).state).toBe('completed_late');
    const returned = [ev('completion_marked', '2026-03-30T10:00'), ev('completion_returned', '2026-04-02T10:00')];
    expect(taskStatus(once, returned, at('2026-04-02T11:00'))).toMatchObject({ state: 'overdue', current: { returned: true, phase: 'open' } });
    expect(taskStatus(once, [ev('cancelled', '2026-03-01T10:00')], at('2026-05-01T10:00'))).toMatchObject({ state: 'cancelled', current: null });
  });

  it('judges each occurrence of a recurring task; the board counts the due ones and the next', () => {
    const occ = occurrencesOf({ kind: 'monthly', day: 20, from: '2026-01-01', to: '2026-06-30' }, cal);
    const events = [ev('completion_marked', '2026-01-19T10:00', '2026-01'), ev('completion_accepted', '2026-01-21T10:00', '2026-01'), ev('completion_marked', '2026-02-25T10:00', '2026-02'), ev('completion_accepted', '2026-02-26T10:00', '2026-02')];
    const s = taskStatus(occ, events, at('2026-03-10T10:00'));
    expect(s.occurrences.slice(0, 3).map((o) => o.state)).toEqual(['completed_on_time', 'completed_late', 'not_started']);
    // past work done, the next not begun: the task as a whole is under way
    expect(s.state).toBe('in_progress');
    expect(s.current?.period).toBe('2026-03');
    const counted = countedOccurrences(s, at('2026-03-10T10:00'));
    expect(counted.map((o) => o.period)).toEqual(['2026-01', '2026-02', '2026-03']);
    expect(countStates(counted)).toMatchObject({ total: 3, completed_on_time: 1, completed_late: 1, not_started: 1, onTimeRate: 50, lateRate: 50, overdueRate: 0 });
    expect(taskStatus(occ, events, at('2026-03-21T10:00')).state).toBe('overdue');
  });
});

describe('appendix import', () => {
  it('reads deadline texts with or without diacritics', () => {
    expect(parseDeadlineText('31/12/2026', '2026-01-15')).toEqual({ kind: 'date', date: '2026-12-31' });
    expect(parseDeadlineText('Hằng tháng, ngày 20', '2026-01-15')).toEqual({ kind: 'monthly', day: 20, from: '2026-01-15', to: '2026-12-31' });
    expect(parseDeadlineText('hang quy ngay 15', '2026-01-15')).toEqual({ kind: 'quarterly', day: 15, from: '2026-01-15', to: '2026-12-31' });
    expect(parseDeadlineText('10 ngày làm việc', '2026-01-15')).toEqual({ kind: 'working_days', days: 10, start: '2026-01-15' });
    expect(parseDeadlineText('Quý II', '2026-01-15')).toBeUndefined();
  });

  it('validates every row and answers every issue', () => {
    const units: Record<string, string> = { 'so tu phap': 'u1', stp: 'u1', 'so noi vu': 'u2' };
    const { tasks, issues } = validateImportRows(
      [
        { row: 3, cells: { content: 'Rà soát TTHC nội bộ', lead: 'Sở Tư pháp', supporting: 'Sở Nội vụ; STP', deadline: '30/06/2026' } },
        { row: 4, cells: { content: '', lead: 'Sở Không Có', deadline: '01/01/2025' } },
        { row: 5, cells: { content: 'Báo cáo', lead: 'STP', deadline: 'khi nào xong' } },
      ],
      { planDate: '2026-01-15', resolveUnit: (t) => units[t.normalize('NFD').replace(/\p{M}/gu, '').replace(/đ/g, 'd').toLowerCase()], calendar: cal },
    );
    expect(tasks).toEqual([{ row: 3, content: 'Rà soát TTHC nội bộ', leadUnitId: 'u1', supportingUnitIds: ['u2'], deadline: { kind: 'date', date: '2026-06-30' }, expectedOutput: '', completionMeasure: '' }]);
    expect(issues.map((i) => [i.row, i.field, i.code])).toEqual([
      [4, 'content', 'REFORM_TASK_CONTENT_REQUIRED'],
      [4, 'lead', 'REFORM_UNIT_UNKNOWN'],
      [4, 'deadline', 'REFORM_DEADLINE_BEFORE_PLAN'],
      [5, 'deadline', 'REFORM_DEADLINE_INVALID'],
    ]);
  });
});

describe('the year’s trend on the board', () => {
  it('counts the work due each month of the current year by where it stands, up to this month', () => {
    const now = parseInstant('2026-04-10T09:00:00+07:00');
    const trend = yearTrend(
      [
        { due: '2026-01-31', state: 'completed_on_time' },
        { due: '2026-01-31', state: 'completed_late' },
        { due: '2026-03-15', state: 'overdue' },
        { due: '2026-03-31', state: 'cancelled' },
        { due: '2026-04-30', state: 'in_progress' },
        { due: '2025-12-31', state: 'completed_late' },
        { due: '2026-05-31', state: 'not_started' },
      ],
      now,
    );
    expect(trend.map((m) => m.month)).toEqual(['2026-01', '2026-02', '2026-03', '2026-04']);
    expect(trend[0]).toEqual({ month: '2026-01', completed_on_time: 1, completed_late: 1, overdue: 0, open: 0 });
    expect(trend[2]).toEqual({ month: '2026-03', completed_on_time: 0, completed_late: 0, overdue: 1, open: 0 });
    expect(trend[3]).toEqual({ month: '2026-04', completed_on_time: 0, completed_late: 0, overdue: 0, open: 1 });
  });
});
