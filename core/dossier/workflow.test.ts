import { describe, expect, it } from 'vitest';
import { ROLES } from '../access/roles';
import { AppError } from '../errors/app-error';
import { ACTIONS } from './actions';
import { decide } from './decide';
import { STAGES } from './dossier';
import { STATUSES } from './status';
import { actor, ctxAt, dossierIn, validInput } from './testing';
import { AVAILABLE_ACTIONS, availableActions, type Transition, targetStatus, transitionOf } from './workflow';

function codeOf(fn: () => unknown): string {
  try {
    fn();
  } catch (e) {
    if (e instanceof AppError) return e.code;
    throw e;
  }
  return 'OK';
}

// every status × action × role: the table's allowed cells succeed, every other cell is refused with the right code
const cells = STATUSES.flatMap((status) => ACTIONS.flatMap((action) => ROLES.map((role) => ({ status, action, role }))));

describe('the workflow table, cell by cell', () => {
  it.each(cells)('$status × $action × $role', ({ status, action, role }) => {
    const t = transitionOf(status, action);
    const { dossier, now } = dossierIn(status, t?.stages?.[0]);
    const outcome = () => decide(dossier, action, actor(role), validInput(action, dossier, now), ctxAt(now));
    if (!t) return expect(codeOf(outcome)).toBe('DOSSIER_ACTION_NOT_ALLOWED');
    if (!t.roles.includes(role)) return expect(codeOf(outcome)).toBe('DOSSIER_ROLE_NOT_ALLOWED');
    const r = outcome();
    expect(r.dossier.status).toBe(targetStatus(t, dossier));
    expect(r.dossier.version).toBe(dossier.version + 1);
    expect(r.entry).toMatchObject({ action, from: status, to: r.dossier.status, actorId: `u-${role}` });
  });

  it('covers every status × action × role', () => {
    expect(cells).toHaveLength(STATUSES.length * ACTIONS.length * ROLES.length);
  });
});

describe('processing stages', () => {
  const staged = Object.entries(AVAILABLE_ACTIONS.processing as Record<string, Transition>).filter(([, t]) => t.stages);
  const wrong = staged.flatMap(([action, t]) => STAGES.filter((s) => !t.stages!.includes(s)).map((stage) => ({ action, stage, role: t.roles[0]! })));

  it.each(wrong)('$action at stage $stage is refused with DOSSIER_STAGE_INVALID', ({ action, stage, role }) => {
    const { dossier, now } = dossierIn('processing', stage);
    expect(codeOf(() => decide(dossier, action, actor(role), validInput(action as never, dossier, now), ctxAt(now)))).toBe('DOSSIER_STAGE_INVALID');
  });
});

describe('availableActions', () => {
  it.each(STATUSES.flatMap((status) => ROLES.map((role) => ({ status, role }))))('$status for $role is the table row', ({ status, role }) => {
    const { dossier } = dossierIn(status);
    const expected = ACTIONS.filter((a) => {
      const t = transitionOf(status, a);
      return !!t?.roles.includes(role) && (!t.stages || t.stages.includes(dossier.stage!));
    });
    expect(availableActions(dossier, [role])).toEqual(expected);
  });

  it('gives nothing in the final statuses and nothing to roles that do not handle dossiers', () => {
    for (const s of ['not_accepted', 'withdrawn', 'stopped', 'returned'] as const) expect(availableActions({ status: s, stage: null }, ROLES)).toEqual([]);
    for (const s of STATUSES) expect(availableActions({ status: s, stage: 'handling' }, ['system_admin', 'control_officer'])).toEqual([]);
  });

  it('a person with several roles gets the union', () => {
    const d = { status: 'processing' as const, stage: 'handling' as const };
    expect(availableActions(d, ['specialist', 'unit_leader'])).toEqual(
      ACTIONS.filter((a) => availableActions(d, ['specialist']).includes(a) || availableActions(d, ['unit_leader']).includes(a)),
    );
  });
});

describe('decide refuses before changing anything', () => {
  it('an unknown action', () => {
    const { dossier, now } = dossierIn('new');
    expect(codeOf(() => decide(dossier, 'delete', actor('onestop_officer'), {}, ctxAt(now)))).toBe('DOSSIER_ACTION_UNKNOWN');
  });

  it('a stale version', () => {
    const { dossier, now } = dossierIn('accepted');
    const input = validInput('hand_over', dossier, now);
    expect(codeOf(() => decide(dossier, 'hand_over', actor('onestop_officer'), input, ctxAt(now, { expectedVersion: dossier.version - 1 })))).toBe(
      'DOSSIER_VERSION_STALE',
    );
    expect(decide(dossier, 'hand_over', actor('onestop_officer'), input, ctxAt(now, { expectedVersion: dossier.version })).dossier.status).toBe('processing');
  });

  it('a missing reason', () => {
    const { dossier, now } = dossierIn('new');
    expect(codeOf(() => decide(dossier, 'refuse', actor('onestop_officer'), { reason: '  ' }, ctxAt(now)))).toBe('DOSSIER_REASON_REQUIRED');
    expect(codeOf(() => decide(dossier, 'refuse', actor('onestop_officer'), {}, ctxAt(now)))).toBe('DOSSIER_REASON_REQUIRED');
  });

  it('a malformed input', () => {
    const { dossier, now } = dossierIn('processing');
    expect(codeOf(() => decide(dossier, 'assign', actor('unit_leader'), { assigneeId: 42 }, ctxAt(now)))).toBe('VALIDATION_FAILED');
  });
});
