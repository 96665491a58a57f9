import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { classifyDeadline, foldDeadline, splitBudget } from './deadline';
import type { ClockEvent, DeadlinePolicy } from './deadline-events';
import { formatInstant, parseInstant } from './time';
import { WorkingCalendar } from './working-calendar';

const cal = new WorkingCalendar();
const code = (c: string) => expect.objectContaining({ code: c });
/** `2026-03-DDTHH:MM` in +07:00; 2 March 2026 is a Monday. */
const t = (dhm: string) => parseInstant(`2026-03-${dhm}:00+07:00`);
const iso = (ms: number | null) => (ms === null ? null : formatInstant(ms));
const THREE_DAYS: DeadlinePolicy = { legal: { amount: 3, unit: 'working_days' } };
const received = (at = t('02T08:00')): ClockEvent => ({ type: 'received', at });

describe('deadline engine: start and classification', () => {
  it('starts on receipt and classifies early / on time / late with the margin in working time', () => {
    const base = [received()];
    expect(iso(foldDeadline(cal, THREE_DAYS, base).dueAt)).toBe('2026-03-04T17:00:00+07:00');
    const judge = (end: string) => classifyDeadline(cal, foldDeadline(cal, THREE_DAYS, [...base, { type: 'finished', at: t(end) }]), t(end));
    expect(judge('03T10:00')).toMatchObject({ status: 'early', marginWorkingMinutes: 840, marginWorkingHours: 14 });
    expect(judge('04T10:00')).toMatchObject({ status: 'on_time', marginWorkingMinutes: 360 });
    expect(judge('04T17:00')).toMatchObject({ status: 'on_time', marginWorkingMinutes: 0 });
    expect(judge('05T09:00')).toMatchObject({ status: 'late', marginWorkingMinutes: -60, marginWorkingHours: -1 });
  });

  it('judges an open dossier at the given instant: pending before the due, late after', () => {
    const s = foldDeadline(cal, THREE_DAYS, [received()]);
    expect(classifyDeadline(cal, s, t('04T16:00'))).toMatchObject({ status: 'pending', marginWorkingMinutes: 60 });
    expect(classifyDeadline(cal, s, t('06T10:00'))).toMatchObject({ status: 'late', marginWorkingMinutes: -600, indexLate: true });
    expect(classifyDeadline(cal, foldDeadline(cal, THREE_DAYS, []), t('04T16:00')).status).toBe('not_started');
  });

  it('gives an immediate procedure (0) until the close of the day counting starts on', () => {
    const now: DeadlinePolicy = { legal: { amount: 0, unit: 'working_days' } };
    expect(iso(foldDeadline(cal, now, [received(t('02T10:00'))]).dueAt)).toBe('2026-03-02T17:00:00+07:00');
    expect(iso(foldDeadline(cal, now, [received(t('06T18:00'))]).dueAt)).toBe('2026-03-09T17:00:00+07:00');
  });

  it('uses the procedure’s unit', () => {
    const hours: DeadlinePolicy = { legal: { amount: 4, unit: 'working_hours' } };
    expect(iso(foldDeadline(cal, hours, [received(t('02T10:00'))]).dueAt)).toBe('2026-03-02T15:00:00+07:00');
    const days: DeadlinePolicy = { legal: { amount: 5, unit: 'calendar_days' } };
    expect(iso(foldDeadline(cal, days, [received(t('02T10:00'))]).dueAt)).toBe('2026-03-09T17:00:00+07:00');
  });
});

describe('deadline engine: supplement, pause, re-dating', () => {
  it('restarts from zero when the requested supplement arrives', () => {
    const s = foldDeadline(cal, THREE_DAYS, [
      received(),
      { type: 'supplement_requested', at: t('03T10:00') },
      { type: 'supplement_received', at: t('09T08:00') },
    ]);
    expect(iso(s.dueAt)).toBe('2026-03-11T17:00:00+07:00');
    expect(s.supplementRequests).toBe(1);
    expect(classifyDeadline(cal, s, t('10T08:00')).indexLate).toBe(false);
  });

  it('does not judge a dossier late while it waits for a supplement, and counts a second request as late for the index', () => {
    const waiting = foldDeadline(cal, THREE_DAYS, [received(), { type: 'supplement_requested', at: t('03T10:00') }]);
    expect(classifyDeadline(cal, waiting, t('20T10:00')).status).toBe('pending');
    const twice = foldDeadline(cal, THREE_DAYS, [
      received(),
      { type: 'supplement_requested', at: t('02T10:00') },
      { type: 'supplement_received', at: t('02T11:00') },
      { type: 'supplement_requested', at: t('02T14:00') },
      { type: 'supplement_received', at: t('02T15:00') },
      { type: 'finished', at: t('03T09:00') },
    ]);
    expect(classifyDeadline(cal, twice, 0)).toMatchObject({ status: 'early', indexLate: true });
  });

  it('pauses while waiting for the applicant and carries the remaining time over', () => {
    const s = foldDeadline(cal, THREE_DAYS, [
      received(),
      { type: 'paused', at: t('03T08:00'), reason: 'fee_payment' },
      { type: 'resumed', at: t('05T08:00') },
    ]);
    expect(iso(s.dueAt)).toBe('2026-03-06T17:00:00+07:00');
    expect(s.pausedWorkingMs).toBe(16 * 3_600_000);
  });

  it('judges a dossier that ends while paused at the pause', () => {
    const s = foldDeadline(cal, THREE_DAYS, [received(), { type: 'paused', at: t('04T16:00'), reason: 'fee_payment' }, { type: 'finished', at: t('20T10:00') }]);
    expect(classifyDeadline(cal, s, t('20T10:00'))).toMatchObject({ status: 'on_time', marginWorkingMinutes: 60 });
  });

  it('allows one re-dating, never earlier than the current due', () => {
    const apology: ClockEvent = { type: 'redated', at: t('04T09:00'), newDueAt: t('06T17:00'), reason: 'Cần xác minh thực địa' };
    const s = foldDeadline(cal, THREE_DAYS, [received(), apology]);
    expect(iso(s.dueAt)).toBe('2026-03-06T17:00:00+07:00');
    expect(s.redate?.previousDueAt).toBe(t('04T17:00'));
    expect(() => foldDeadline(cal, THREE_DAYS, [received(), apology, { ...apology, newDueAt: t('10T17:00') }])).toThrowError(code('DEADLINE_REDATE_ALREADY_USED'));
    expect(() => foldDeadline(cal, THREE_DAYS, [received(), { ...apology, newDueAt: t('04T16:59') }])).toThrowError(code('DEADLINE_REDATE_EARLIER'));
  });

  it('refuses events the clock cannot take', () => {
    const cases: ClockEvent[][] = [
      [{ type: 'paused', at: t('02T08:00'), reason: 'x' }],
      [received(), received()],
      [received(), { type: 'resumed', at: t('02T09:00') }],
      [received(), { type: 'supplement_received', at: t('02T09:00') }],
      [received(t('03T08:00')), { type: 'finished', at: t('02T09:00') }],
      [received(), { type: 'finished', at: t('02T09:00') }, { type: 'finished', at: t('02T10:00') }],
      [received(), { type: 'paused', at: t('02T09:00'), reason: 'x' }, { type: 'supplement_requested', at: t('02T10:00') }],
    ];
    for (const events of cases) expect(() => foldDeadline(cal, THREE_DAYS, events), JSON.stringify(events)).toThrowError(code('DEADLINE_EVENT_INVALID'));
    expect(() => foldDeadline(cal, { legal: { amount: -1, unit: 'working_days' } }, [])).toThrowError(code('DEADLINE_BUDGET_INVALID'));
  });
});

describe('deadline engine: per-step budgets', () => {
  const policy: DeadlinePolicy = {
    legal: { amount: 3, unit: 'working_days' },
    steps: [
      { step: 'reception', share: 1 },
      { step: 'processing', share: 4 },
      { step: 'approval', share: 1 },
    ],
  };

  it('splits the legal time by share and gives each step its own due from when it starts', () => {
    const s = foldDeadline(cal, policy, [
      received(),
      { type: 'step_started', at: t('02T11:00'), step: 'processing' },
      { type: 'step_started', at: t('04T14:00'), step: 'approval' },
      { type: 'finished', at: t('04T16:00') },
    ]);
    expect(s.steps.map((x) => [x.step, x.budgetMs / 60_000, iso(x.dueAt)])).toEqual([
      ['reception', 240, '2026-03-02T12:00:00+07:00'],
      ['processing', 960, '2026-03-04T11:00:00+07:00'],
      ['approval', 240, '2026-03-05T09:00:00+07:00'],
    ]);
    const c = classifyDeadline(cal, s, t('04T16:00'));
    expect(c).toMatchObject({ status: 'on_time', marginWorkingMinutes: 60 });
    expect(c.steps.map((x) => [x.step, x.status, x.marginWorkingMinutes])).toEqual([
      ['reception', 'on_time', 60],
      ['processing', 'late', -120],
      ['approval', 'early', 120],
    ]);
  });

  it('restarts the current step’s budget with the supplement and shifts it with a pause', () => {
    const s = foldDeadline(cal, policy, [
      received(),
      { type: 'step_started', at: t('02T09:00'), step: 'processing' },
      { type: 'supplement_requested', at: t('02T10:00') },
      { type: 'supplement_received', at: t('09T08:00') },
      { type: 'paused', at: t('09T10:00'), reason: 'fee_payment' },
      { type: 'resumed', at: t('10T10:00') },
    ]);
    // processing restarts on 9 Mar 08:00 with 16 h (→ 10 Mar 17:00), then moves by the 8 working hours paused
    expect(iso(s.steps[1]!.dueAt)).toBe('2026-03-11T17:00:00+07:00');
    expect(iso(s.dueAt)).toBe('2026-03-12T17:00:00+07:00');
  });

  it('refuses a step outside the workflow, and budgets always sum to the whole', () => {
    expect(() => foldDeadline(cal, policy, [received(), { type: 'step_started', at: t('02T09:00'), step: 'signing' }])).toThrowError(code('DEADLINE_STEP_UNKNOWN'));
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 10_000 }), fc.array(fc.integer({ min: 1, max: 50 }), { minLength: 1, maxLength: 8 }), (minutes, shares) => {
        const parts = splitBudget(minutes * 60_000, shares.map((share, i) => ({ step: `s${i}`, share })));
        expect(parts.reduce((a, b) => a + b, 0)).toBe(minutes * 60_000);
        for (const p of parts) expect(p % 60_000).toBe(0);
      }),
    );
  });
});

describe('deadline engine: pausing for zero time changes nothing (property)', () => {
  it('holds for any receipt instant, legal time and pause instant', () => {
    const lo = parseInstant('2025-01-01T00:00:00+07:00');
    const span = 3 * 365 * 86_400_000;
    fc.assert(
      fc.property(
        fc.integer({ min: lo, max: lo + span }),
        fc.integer({ min: 0, max: 30 }),
        fc.constantFrom('working_days' as const, 'working_hours' as const, 'calendar_days' as const),
        fc.integer({ min: 0, max: 40 * 86_400_000 }),
        fc.boolean(),
        (start, amount, unit, delay, redate) => {
          const policy: DeadlinePolicy = { legal: { amount, unit }, steps: [{ step: 'a', share: 1 }, { step: 'b', share: 2 }] };
          const before: ClockEvent[] = [received(start)];
          if (redate) before.push({ type: 'redated', at: start, newDueAt: start + 90 * 86_400_000 + 123, reason: 'x' });
          const end: ClockEvent = { type: 'finished', at: start + delay + 1 };
          const plain = foldDeadline(cal, policy, [...before, end]);
          const paused = foldDeadline(cal, policy, [...before, { type: 'paused', at: start + delay, reason: 'x' }, { type: 'resumed', at: start + delay }, end]);
          expect(paused.dueAt).toBe(plain.dueAt);
          expect(paused.steps).toEqual(plain.steps);
          expect(classifyDeadline(cal, paused, end.at)).toEqual(classifyDeadline(cal, plain, end.at));
        },
      ),
      { numRuns: 500 },
    );
  });
});
