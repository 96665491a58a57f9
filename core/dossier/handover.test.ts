import { describe, expect, it } from 'vitest';
import { formatInstant } from '../calendar/time';
import type { Channel } from './channel';
import { decide } from './decide';
import { newDossier } from './dossier';
import { handOverDueAt, plannedHandOverAt } from './handover';
import { at, CAL, ctxAt, ONESTOP, UNIT, validInput } from './testing';

const due = (channel: Channel, iso: string) => formatInstant(handOverDueAt(CAL, channel, at(iso)));
const planned = (channel: Channel, iso: string) => formatInstant(plannedHandOverAt(CAL, channel, at(iso)));

describe('hand-over rule (15:00)', () => {
  it('paper received before 15:00 goes the same day', () => {
    expect(planned('counter', '2026-03-02T14:59:00+07:00')).toBe('2026-03-02T14:59:00+07:00');
    expect(due('counter', '2026-03-02T14:59:00+07:00')).toBe('2026-03-02T17:00:00+07:00');
  });

  it('paper received at or after 15:00 goes at the start of the next working day', () => {
    expect(planned('postal', '2026-03-02T15:00:00+07:00')).toBe('2026-03-03T08:00:00+07:00');
    expect(due('postal', '2026-03-02T15:00:00+07:00')).toBe('2026-03-03T09:00:00+07:00');
  });

  it('Friday afternoon goes on Monday; before a holiday, after it', () => {
    expect(planned('counter', '2026-03-06T16:00:00+07:00')).toBe('2026-03-09T08:00:00+07:00');
    // Wed 29 Apr 2026 16:00: 30 Apr and 1 May are holidays, then the weekend
    expect(planned('counter', '2026-04-29T16:00:00+07:00')).toBe('2026-05-04T08:00:00+07:00');
  });

  it('paper received on a day off goes the next working day', () => {
    expect(planned('counter', '2026-03-07T09:00:00+07:00')).toBe('2026-03-09T08:00:00+07:00');
  });

  it('online dossiers move the same working day whatever the hour', () => {
    expect(planned('online', '2026-03-02T16:30:00+07:00')).toBe('2026-03-02T16:30:00+07:00');
    expect(due('online', '2026-03-02T16:30:00+07:00')).toBe('2026-03-02T17:00:00+07:00');
    expect(due('online', '2026-03-02T20:00:00+07:00')).toBe('2026-03-03T17:00:00+07:00');
  });
});

describe('hand-over at the desk', () => {
  const acceptedAt = (iso: string) => {
    const d = newDossier({ unitCode: UNIT, channel: 'counter', returnMethod: 'counter', submittedAt: at(iso) });
    return decide(d, 'accept', ONESTOP, validInput('accept', d, at(iso)), ctxAt(at(iso))).dossier;
  };
  const handOver = (iso: string) => {
    const d = acceptedAt('2026-03-02T15:30:00+07:00');
    return decide(d, 'hand_over', ONESTOP, { receiverId: 'u-leader' }, ctxAt(at(iso)));
  };

  it('received 15:30, handed over next morning 08:45: on time', () => {
    const r = handOver('2026-03-03T08:45:00+07:00');
    expect(r.dossier.handovers[0]).toMatchObject({ step: 'reception', stepDueAt: at('2026-03-03T09:00:00+07:00'), onTime: true });
    expect(r.violations).toEqual([]);
  });

  it('handed over at 09:30 the next day: a late hand-over naming the officer and unit', () => {
    const r = handOver('2026-03-03T09:30:00+07:00');
    expect(r.dossier.handovers[0]!.onTime).toBe(false);
    expect(r.violations).toEqual([{ kind: 'late_handover', at: at('2026-03-03T09:30:00+07:00'), unitCode: UNIT, officerId: ONESTOP.id }]);
  });
});
