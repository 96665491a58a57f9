import { describe, expect, it } from 'vitest';
import { at, CAL, POLICY, ONESTOP, SPECIALIST, UNIT, walk } from './testing';
import { detectViolations, VIOLATION_KINDS, VIOLATION_LABELS } from './violations';

const ctx = { calendar: CAL, policy: POLICY };

describe('detectViolations (sweep)', () => {
  it('has a label per kind', () => {
    expect(Object.keys(VIOLATION_LABELS)).toEqual([...VIOLATION_KINDS]);
  });

  it('an accepted dossier still at the desk after its hand-over due', () => {
    // accepted Mon 2 Mar 09:15: due at 17:00 that day
    const { dossier } = walk(['accept']);
    expect(detectViolations(dossier, ctx, at('2026-03-02T17:00:00+07:00'))).toEqual([]);
    expect(detectViolations(dossier, ctx, at('2026-03-02T17:01:00+07:00'))).toEqual([
      { kind: 'late_handover', at: at('2026-03-02T17:00:00+07:00'), unitCode: UNIT, officerId: ONESTOP.id },
    ]);
  });

  it('an open dossier past its due with no apology, answered by its specialist', () => {
    const { dossier } = walk(['accept', 'hand_over', 'assign']);
    expect(detectViolations(dossier, ctx, at('2026-03-16T09:15:00+07:00'))).toEqual([]);
    expect(detectViolations(dossier, ctx, at('2026-03-16T09:16:00+07:00'))).toEqual([
      { kind: 'late_without_apology', at: at('2026-03-16T09:15:00+07:00'), unitCode: UNIT, officerId: SPECIALIST.id },
    ]);
  });

  it('a dossier that never started its clock has none', () => {
    expect(detectViolations(walk(['refuse']).dossier, ctx, at('2027-01-01T00:00:00+07:00'))).toEqual([]);
  });
});
