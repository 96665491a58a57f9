import { describe, expect, it } from 'vitest';
import { inQueue, QUEUES } from './queues';
import { at, CAL, POLICY, walk } from './testing';
import { dossierTiming } from './timing';

// accepted Mon 2 Mar 09:15, due Mon 16 Mar 09:15 (80 working hours): at risk under 16 h left
const processing = () => walk(['accept', 'hand_over', 'assign']).dossier;
const timingAt = (iso: string, d = processing()) => dossierTiming(d, CAL, POLICY, at(iso));

describe('dossierTiming', () => {
  it('on track, at risk under 20 % of the legal time, overdue after the due', () => {
    expect(timingAt('2026-03-03T09:00:00+07:00').status).toBe('on_track');
    expect(timingAt('2026-03-12T09:15:00+07:00')).toMatchObject({ status: 'on_track', remainingWorkingMinutes: 16 * 60 });
    expect(timingAt('2026-03-12T09:16:00+07:00').status).toBe('at_risk');
    expect(timingAt('2026-03-16T10:15:00+07:00')).toMatchObject({ status: 'overdue', remainingWorkingMinutes: -60 });
  });

  it('shows the open step with its own due', () => {
    const t = timingAt('2026-03-03T09:00:00+07:00');
    expect(t.step).toMatchObject({ step: 'handling' });
    expect(t.step!.dueAt).toBeGreaterThan(at('2026-03-03T09:00:00+07:00'));
  });

  it('a stopped clock, a new dossier and a finished one', () => {
    expect(timingAt('2026-03-03T09:00:00+07:00', walk(['accept', 'hand_over', 'assign', 'await_fee']).dossier).status).toBe('clock_stopped');
    expect(timingAt('2026-03-03T09:00:00+07:00', walk([]).dossier).status).toBe('not_started');
    expect(timingAt('2026-04-01T09:00:00+07:00', walk(['accept', 'hand_over', 'withdraw']).dossier).status).toBe('finished_on_time');
  });
});

describe('queues', () => {
  it('put each dossier where the officer expects it', () => {
    const d = processing();
    const risky = { status: 'at_risk' as const };
    const member = (t: { status: 'at_risk' | 'on_track' | 'overdue' }, dd = d, user = 'u-specialist') => QUEUES.filter((q) => inQueue(q, dd, t, user));
    expect(member(risky)).toEqual(['mine', 'due_soon']);
    expect(member({ status: 'overdue' }, d, 'someone-else')).toEqual(['overdue']);
    expect(member({ status: 'on_track' }, walk([]).dossier)).toEqual(['new']);
    expect(member({ status: 'on_track' }, walk(['accept', 'hand_over', 'assign', 'request_supplement_processing']).dossier)).toEqual(['mine', 'awaiting_applicant']);
    expect(member({ status: 'on_track' }, walk(['accept', 'hand_over', 'assign', 'await_fee']).dossier, 'x')).toEqual(['awaiting_fee']);
  });
});
