import { describe, expect, it } from 'vitest';
import { controlSlipRows, handOverOutcome } from './control-slip';
import { at, walk } from './testing';

describe('control slip rows', () => {
  it('name giver and receiver and judge each step', () => {
    const d = walk(['accept', 'hand_over', 'assign', 'submit_review']).dossier;
    const rows = controlSlipRows(d, { person: (id) => `Cán bộ ${id}`, unit: (code) => `Đơn vị ${code}` });
    expect(rows.map((r) => [r.giver, r.receiver, r.outcome])).toEqual([
      ['Cán bộ u-onestop_officer', 'Cán bộ u-unit_leader', 'on_time'],
      ['Cán bộ u-unit_leader', 'Cán bộ u-specialist', 'early'],
      ['Cán bộ u-specialist', 'Cán bộ u-unit_leader', 'early'],
    ]);
  });

  it('early, on time, late and not judged', () => {
    const due = at('2026-03-03T12:00:00+07:00');
    expect(handOverOutcome({ at: at('2026-03-02T16:00:00+07:00'), stepDueAt: due })).toBe('early');
    expect(handOverOutcome({ at: due, stepDueAt: due })).toBe('on_time');
    expect(handOverOutcome({ at: due + 1, stepDueAt: due })).toBe('late');
    expect(handOverOutcome({ at: due, stepDueAt: null })).toBeNull();
  });
});
