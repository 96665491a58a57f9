import { describe, expect, it } from 'vitest';
import { formatPoints, formatRate, formatSignedPoints, RANK_KEYS, rankUnits } from './report';
import { GROUPS } from './config';
import { targetStanding, targetsBody } from './targets';

const unit = (code: string, total: number, tdgq = 0, cityPoints = 0) => ({
  unit: { code, name: code },
  total,
  cityPoints,
  groups: GROUPS.map((g) => ({ code: g.code, score: g.code === 'TDGQ' ? tdgq : 0 })),
});

describe('ranking', () => {
  it('ranks highest first; equal figures share a rank and the next rank skips', () => {
    const ranked = rankUnits([unit('C', 70), unit('A', 90), unit('D', 70), unit('B', 80), unit('E', 10)]);
    expect(ranked.map((r) => [r.rank, r.unit.unit.code])).toEqual([
      [1, 'A'],
      [2, 'B'],
      [3, 'C'],
      [3, 'D'],
      [5, 'E'],
    ]);
  });

  it('ranks by a group or by the city rule’s points on request', () => {
    const units = [unit('A', 90, 5, -3), unit('B', 50, 20, 3)];
    expect(rankUnits(units, 'TDGQ').map((r) => r.unit.unit.code)).toEqual(['B', 'A']);
    expect(rankUnits(units, 'cityPoints').map((r) => r.unit.unit.code)).toEqual(['B', 'A']);
    expect(RANK_KEYS).toEqual(['total', ...GROUPS.map((g) => g.code), 'cityPoints']);
  });
});

describe('wording of figures', () => {
  it('writes points, signed points and rates the Vietnamese way, and the English way', () => {
    expect(formatPoints(85.25)).toBe('85,25');
    expect(formatPoints(85.25, 'en')).toBe('85.25');
    expect([formatSignedPoints(1), formatSignedPoints(-1), formatSignedPoints(0)]).toEqual(['+1', '−1', '0']);
    expect(formatRate(0.8533)).toBe('85,3 %');
    expect(formatRate(0.8533, 'en')).toBe('85.3%');
    expect(formatRate(null)).toBe('–');
  });
});

describe('targets', () => {
  it('compares an actual figure with its target to 4 decimals; nothing to compare without both', () => {
    expect(targetStanding(0.9, 0.9)).toBe('met');
    expect(targetStanding(0.89999, 0.9)).toBe('met');
    expect(targetStanding(0.8999, 0.9)).toBe('missed');
    expect(targetStanding(null, 0.9)).toBe('none');
    expect(targetStanding(0.5, undefined)).toBe('none');
  });

  it('accepts rates up to 1 for indicators and points up to 100 for the total, each code once', () => {
    expect(targetsBody.safeParse({ unit: 'X', year: 2026, targets: [{ code: 'total', value: 100 }, { code: 'TDGQ.1', value: 1 }] }).success).toBe(true);
    const issues = (b: unknown) => (targetsBody.safeParse(b).error?.issues ?? []).map((i) => i.message);
    expect(issues({ unit: 'X', year: 2026, targets: [{ code: 'TDGQ.1', value: 1.01 }] })).toEqual(['INDEX_TARGET_VALUE_INVALID']);
    expect(issues({ unit: 'X', year: 2026, targets: [{ code: 'total', value: 101 }] })).toEqual(['INDEX_TARGET_VALUE_INVALID']);
    expect(issues({ unit: 'X', year: 2026, targets: [{ code: 'total', value: 1 }, { code: 'total', value: null }] })).toEqual(['INDEX_TARGET_DUPLICATE']);
    expect(issues({ unit: 'X', year: 2026, targets: [{ code: 'R1', value: 0.5 }] })).toEqual(['INDEX_TARGET_CODE_UNKNOWN']);
  });
});
