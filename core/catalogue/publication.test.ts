import { describe, expect, it } from 'vitest';
import { cityDecisionDue, deadlineState, publiciseDue, shiftWorkingDays, workingDaysBetween } from './publication';
import { completenessRate, onTimePublication, onTimePublicising, publicityRatesByUnit } from './rates';

/** Weekends off, plus 1 January 2027 (a Friday). */
const isWorkingDay = (d: string) => {
  const wd = new Date(`${d}T00:00:00Z`).getUTCDay();
  return wd !== 0 && wd !== 6 && d !== '2027-01-01';
};

describe('publication deadlines', () => {
  it('counts working days forward and backward, skipping weekends and holidays', () => {
    expect(shiftWorkingDays('2026-12-04', 1, isWorkingDay)).toBe('2026-12-07'); // Fri → Mon
    expect(shiftWorkingDays('2026-12-31', 1, isWorkingDay)).toBe('2027-01-04'); // Thu → (holiday Fri, weekend) Mon
    expect(shiftWorkingDays('2026-12-07', -1, isWorkingDay)).toBe('2026-12-04');
    expect(workingDaysBetween('2026-12-04', '2026-12-11', isWorkingDay)).toBe(5);
    expect(workingDaysBetween('2026-12-11', '2026-12-04', isWorkingDay)).toBe(-5);
  });

  it('the city decision is due 5 working days before the law takes effect', () => {
    expect(cityDecisionDue('2027-01-01', isWorkingDay)).toBe('2026-12-25');
    expect(cityDecisionDue('2026-12-14', isWorkingDay)).toBe('2026-12-07');
  });

  it('publicising is due 5 working days after signing', () => {
    expect(publiciseDue('2026-12-28', isWorkingDay)).toBe('2027-01-05');
  });

  it('classifies an open obligation as due, at risk or late, with the working days', () => {
    expect(deadlineState('2026-12-11', '2026-12-04', isWorkingDay)).toEqual({ state: 'due', days: 5 });
    expect(deadlineState('2026-12-11', '2026-12-09', isWorkingDay)).toEqual({ state: 'at_risk', days: 2 });
    expect(deadlineState('2026-12-11', '2026-12-11', isWorkingDay)).toEqual({ state: 'at_risk', days: 0 });
    expect(deadlineState('2026-12-11', '2026-12-15', isWorkingDay)).toEqual({ state: 'late', days: 2 });
  });
});

describe('publicity rates', () => {
  const period = { from: '2026-10-01', to: '2026-12-31' };
  const d = (unitId: string, signedOn: string, publishDueOn: string | null, publiciseDueOn: string, publicisedOn: string | null) => ({ unitId, signedOn, publishDueOn, publiciseDueOn, publicisedOn });
  const decisions = [
    d('tp', '2026-10-10', '2026-10-12', '2026-10-17', '2026-10-15'), // on time, publicised on time
    d('tp', '2026-11-20', '2026-11-13', '2026-11-27', '2026-12-02'), // late, publicised late
    d('tp', '2026-12-20', null, '2026-12-27', null), // no ministry deadline; not publicised when its deadline passed
    d('yt', '2026-09-01', '2026-09-05', '2026-09-08', null), // outside the period
  ];

  it('on-time publication counts only decisions with a legal deadline signed in the period', () => {
    expect(onTimePublication(decisions, period)).toEqual({ numerator: 1, denominator: 2, rate: 0.5 });
  });

  it('a ministry decision left unanswered past its deadline counts as late publication', () => {
    const pending = [{ unitId: 'tp', publishDueOn: '2026-11-02', procedures: 2 }, { unitId: 'tp', publishDueOn: '2027-01-10' }];
    expect(onTimePublication(decisions, period, pending)).toEqual({ numerator: 1, denominator: 4, rate: 0.25 });
    expect(onTimePublication([], period, pending).rate).toBe(0);
  });

  it('on-time publicising judges decisions publicised in the period or overdue in it', () => {
    expect(onTimePublicising(decisions, period)).toEqual({ numerator: 1, denominator: 3, rate: 1 / 3 });
    expect(onTimePublicising([], period).rate).toBeNull();
  });

  it('completeness is the share of complete procedures; rates are grouped per unit', () => {
    expect(onTimePublication([{ ...decisions[0]!, procedures: 3 }, { ...decisions[1]!, procedures: 1 }], period).rate).toBe(0.75);
    expect(completenessRate([{ complete: true }, { complete: false }, { complete: true }, { complete: true }]).rate).toBe(0.75);
    const byUnit = publicityRatesByUnit(decisions, [{ unitId: 'yt', complete: true }], period);
    expect([...byUnit.keys()]).toEqual(['tp', 'yt']);
    expect(byUnit.get('yt')).toEqual({ publication: { numerator: 0, denominator: 0, rate: null }, publicising: { numerator: 0, denominator: 0, rate: null }, completeness: { numerator: 1, denominator: 1, rate: 1 } });
  });
});
