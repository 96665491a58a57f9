import { describe, expect, it } from 'vitest';
import { actionBody, actionParams, dossierView, listQuery, presentDossier } from './api';
import { at, CAL, POLICY, walk } from './testing';
import { dossierTiming } from './timing';
import { detectViolations } from './violations';
import { availableActions } from './workflow';

describe('dossier API schemas', () => {
  it('the view of a dossier in processing satisfies its schema, instants in +07:00', () => {
    const { dossier } = walk(['accept', 'hand_over', 'assign']);
    const now = at('2026-03-17T09:00:00+07:00');
    const view = presentDossier(dossier, {
      procedureCode: '1.001612',
      timing: dossierTiming(dossier, CAL, POLICY, now),
      availableActions: availableActions(dossier, ['specialist']),
      violations: detectViolations(dossier, { calendar: CAL, policy: POLICY }, now),
    });
    expect(dossierView.parse(view)).toEqual(view);
    expect(view).toMatchObject({ status: 'processing', syncCode: 4, dueAt: '2026-03-16T09:15:00+07:00', timing: 'overdue' });
    expect(view.availableActions).toEqual(['submit_review', 'request_supplement_processing', 'await_fee']);
    expect(view.violations.map((v) => v.kind)).toEqual(['late_without_apology']);
  });

  it('refuses an unknown action, a missing version and a bad query', () => {
    expect(actionParams.safeParse({ code: '000.00.15.H26-260302-0001', action: 'delete' }).error?.issues[0]?.message).toBe('DOSSIER_ACTION_UNKNOWN');
    expect(actionBody.safeParse({ input: {} }).success).toBe(false);
    expect(actionBody.parse({ version: 3 })).toEqual({ version: 3, input: {} });
    expect(listQuery.safeParse({ queue: 'everything' }).success).toBe(false);
    expect(listQuery.parse({ queue: 'overdue', limit: '50' })).toMatchObject({ queue: 'overdue', limit: 50, offset: 0 });
  });
});
