import { describe, expect, it } from 'vitest';
import { foldDeadline } from '../calendar/deadline';
import { formatInstant } from '../calendar/time';
import { AppError } from '../errors/app-error';
import type { Action } from './actions';
import type { Actor } from './context';
import { decide } from './decide';
import { type Dossier, newDossier } from './dossier';
import { formatDossierCode } from './dossier-code';
import { actingUnit } from './workflow';
import { at, CAL, ctxAt, LEADER, ONESTOP, OTHER_UNIT, POLICY, SPECIALIST, UNIT, validInput, walk } from './testing';

/** One action at an instant, with a valid input unless given. */
const act = (d: Dossier, action: Action, who: Actor, iso: string, input?: unknown) => {
  const now = at(iso);
  return decide(d, action, who, input ?? validInput(action, d, now), ctxAt(now));
};
const errorOf = (fn: () => unknown): AppError => {
  try {
    fn();
  } catch (e) {
    if (e instanceof AppError) return e;
    throw e;
  }
  throw new Error('expected an AppError');
};
const due = (d: Dossier) => formatInstant(foldDeadline(CAL, POLICY, d.clock).dueAt!);
const fresh = () => newDossier({ unitCode: UNIT, channel: 'counter', returnMethod: 'counter', submittedAt: at('2026-03-02T09:00:00+07:00') });
// accepted Mon 2 Mar 09:15, handed over 09:30, assigned 09:45: due 10 working days later, Mon 16 Mar 09:15
const inProcessing = () => walk(['accept', 'hand_over', 'assign']).dossier;

describe('intake', () => {
  it('accept lists every missing required component once and changes nothing', () => {
    const d = fresh();
    const e = errorOf(() => act(d, 'accept', ONESTOP, '2026-03-02T09:15:00+07:00', { code: formatDossierCode(UNIT, at('2026-03-02T09:15:00+07:00'), 1), components: ['khac'] }));
    expect(e.code).toBe('DOSSIER_COMPONENTS_MISSING');
    expect(e.params.items).toBe('Đơn đề nghị cấp phép; Bản sao Căn cước công dân');
    expect(e.fields.map((f) => f.field)).toEqual(['components.don', 'components.cccd']);
    expect(d.status).toBe('new');
  });

  it('accept refuses an unknown component and a code of another unit or day', () => {
    const d = fresh();
    const now = '2026-03-02T09:15:00+07:00';
    expect(errorOf(() => act(d, 'accept', ONESTOP, now, { code: `${UNIT}-260302-0001`, components: ['don', 'cccd', 'x'] })).code).toBe('DOSSIER_COMPONENT_UNKNOWN');
    expect(errorOf(() => act(d, 'accept', ONESTOP, now, { code: `${OTHER_UNIT}-260302-0001`, components: ['don', 'cccd'] })).code).toBe('DOSSIER_CODE_INVALID');
    expect(errorOf(() => act(d, 'accept', ONESTOP, now, { code: `${UNIT}-260301-0001`, components: ['don', 'cccd'] })).code).toBe('DOSSIER_CODE_INVALID');
  });

  it('accept numbers the dossier, starts the clock and issues Mẫu 01', () => {
    const r = act(fresh(), 'accept', ONESTOP, '2026-03-02T09:15:00+07:00', { code: `${UNIT}-260302-0042`, components: ['cccd', 'don'] });
    expect(r.dossier).toMatchObject({ status: 'accepted', code: `${UNIT}-260302-0042`, receivedAt: at('2026-03-02T09:15:00+07:00'), receivedComponents: ['cccd', 'don'] });
    expect(r.clockEvents).toEqual([{ type: 'received', at: at('2026-03-02T09:15:00+07:00') }]);
    expect(r.forms).toEqual(['mau_01']);
    expect(formatInstant(r.deadline.dueAt!)).toBe('2026-03-16T09:15:00+07:00');
  });

  it('an immediate-result procedure issues a receipt only when asked', () => {
    const now = at('2026-03-02T09:15:00+07:00');
    const immediate = { ...POLICY, legal: { amount: 0, unit: 'working_days' as const }, steps: undefined };
    const input = { code: `${UNIT}-260302-0001`, components: ['don', 'cccd'] };
    const r = decide(fresh(), 'accept', ONESTOP, input, ctxAt(now, { policy: immediate }));
    expect(r.forms).toEqual([]);
    expect(formatInstant(r.deadline.dueAt!)).toBe('2026-03-02T17:00:00+07:00');
    expect(decide(fresh(), 'accept', ONESTOP, { ...input, receipt: true }, ctxAt(now, { policy: immediate })).forms).toEqual(['mau_01']);
  });

  it('an intake supplement request lists items once, then the dossier comes back as new', () => {
    const items = ['Bản sao CCCD', 'Đơn đề nghị', 'bản sao  CCCD', 'Đơn đề nghị'];
    const r = act(fresh(), 'request_supplement', ONESTOP, '2026-03-02T09:15:00+07:00', { items });
    expect(r.input).toEqual({ items: ['Bản sao CCCD', 'Đơn đề nghị'] });
    expect(r.entry.items).toEqual(['Bản sao CCCD', 'Đơn đề nghị']);
    expect(r.forms).toEqual(['mau_02']);
    expect(r.clockEvents).toEqual([]);
    expect(r.dossier).toMatchObject({ status: 'supplement_requested', priorStatus: 'new', intakeSupplementCount: 1 });
    const back = act(r.dossier, 'receive_supplement', ONESTOP, '2026-03-04T10:00:00+07:00');
    expect(back.dossier).toMatchObject({ status: 'new', priorStatus: null });
    expect(back.clockEvents).toEqual([]);
    expect(act(back.dossier, 'accept', ONESTOP, '2026-03-04T10:05:00+07:00').dossier.status).toBe('accepted');
  });

  it('refusal issues Mẫu 03 with the reason in the history', () => {
    const r = act(fresh(), 'refuse', ONESTOP, '2026-03-02T09:15:00+07:00', { reason: 'Không thuộc thẩm quyền giải quyết' });
    expect(r.forms).toEqual(['mau_03']);
    expect(r.entry.note).toBe('Không thuộc thẩm quyền giải quyết');
    expect(r.dossier.status).toBe('not_accepted');
  });
});

describe('supplement during processing', () => {
  it('stops the clock, and the complete supplement restarts the legal time from zero', () => {
    const asked = act(inProcessing(), 'request_supplement_processing', SPECIALIST, '2026-03-02T10:00:00+07:00');
    expect(asked.dossier).toMatchObject({ status: 'supplement_requested', priorStatus: 'processing', supplementCount: 1, stage: 'handling' });
    expect(asked.deadline.phase).toBe('awaiting_supplement');
    const back = act(asked.dossier, 'receive_supplement', ONESTOP, '2026-03-04T14:00:00+07:00');
    expect(back.dossier).toMatchObject({ status: 'processing', stage: 'handling', priorStatus: null });
    expect(back.clockEvents).toEqual([{ type: 'supplement_received', at: at('2026-03-04T14:00:00+07:00') }]);
    expect(due(back.dossier)).toBe('2026-03-18T14:00:00+07:00');
  });

  it('is allowed up to 3 working days after receipt, not after', () => {
    expect(act(inProcessing(), 'request_supplement_processing', SPECIALIST, '2026-03-05T09:15:00+07:00').dossier.status).toBe('supplement_requested');
    expect(errorOf(() => act(inProcessing(), 'request_supplement_processing', SPECIALIST, '2026-03-05T09:16:00+07:00')).code).toBe('DOSSIER_SUPPLEMENT_TOO_LATE');
  });

  it('a second request is recorded as a violation naming the officer', () => {
    let d = act(inProcessing(), 'request_supplement_processing', SPECIALIST, '2026-03-02T10:00:00+07:00').dossier;
    d = act(d, 'receive_supplement', ONESTOP, '2026-03-03T09:00:00+07:00').dossier;
    const r = act(d, 'request_supplement_processing', SPECIALIST, '2026-03-03T10:00:00+07:00');
    expect(r.dossier.supplementCount).toBe(2);
    expect(r.violations).toEqual([{ kind: 'repeated_supplement', at: at('2026-03-03T10:00:00+07:00'), unitCode: UNIT, officerId: SPECIALIST.id }]);
  });
});

describe('financial obligation', () => {
  it('pauses the clock; payment moves the due by the working time spent waiting', () => {
    const wait = act(inProcessing(), 'await_fee', SPECIALIST, '2026-03-02T10:00:00+07:00', { reason: 'Chờ nộp lệ phí trước bạ' });
    expect(wait.dossier).toMatchObject({ status: 'awaiting_fee', priorStatus: 'processing' });
    expect(wait.clockEvents).toEqual([{ type: 'paused', at: at('2026-03-02T10:00:00+07:00'), reason: 'Chờ nộp lệ phí trước bạ' }]);
    const paid = act(wait.dossier, 'fee_paid', ONESTOP, '2026-03-03T10:00:00+07:00');
    expect(paid.dossier.status).toBe('processing');
    expect(due(paid.dossier)).toBe('2026-03-17T09:15:00+07:00');
  });
});

describe('apology (Mẫu 04)', () => {

  const newDate = { reason: 'Cần xác minh thực địa', newDueAt: '2026-03-20T17:00:00+07:00' };

  it('by the working day before the due date: re-dates once and issues Mẫu 04', () => {
    // due Monday 16 March 09:15: the last working day before it is Friday 13 March
    const r = act(inProcessing(), 'apologise', LEADER, '2026-03-13T17:00:00+07:00', newDate);
    expect(r.forms).toEqual(['mau_04']);
    expect(r.dossier.redateUsed).toBe(true);
    expect(due(r.dossier)).toBe('2026-03-20T17:00:00+07:00');
    expect(errorOf(() => act(r.dossier, 'apologise', LEADER, '2026-03-13T17:00:00+07:00', newDate)).code).toBe('DOSSIER_APOLOGY_ALREADY_ISSUED');
  });

  it('on the due date, or after it, is too late', () => {
    expect(errorOf(() => act(inProcessing(), 'apologise', LEADER, '2026-03-13T17:01:00+07:00', newDate)).code).toBe('DOSSIER_APOLOGY_TOO_LATE');
    const e = errorOf(() => act(inProcessing(), 'apologise', LEADER, '2026-03-16T08:00:00+07:00', newDate));
    expect(e.code).toBe('DOSSIER_APOLOGY_TOO_LATE');
    expect(e.params.dueAt).toBe('09:15 16/03/2026');
    expect(errorOf(() => act(inProcessing(), 'apologise', LEADER, '2026-03-17T09:00:00+07:00', newDate)).code).toBe('DOSSIER_APOLOGY_TOO_LATE');
  });

  it('the new date must be later than the current due', () => {
    const earlier = { ...newDate, newDueAt: '2026-03-16T09:15:00+07:00' };
    expect(errorOf(() => act(inProcessing(), 'apologise', LEADER, '2026-03-10T09:00:00+07:00', earlier)).code).toBe('DEADLINE_REDATE_EARLIER');
  });

  it('is also possible while the clock is paused for a fee', () => {
    const wait = act(inProcessing(), 'await_fee', SPECIALIST, '2026-03-02T10:00:00+07:00').dossier;
    const r = act(wait, 'apologise', LEADER, '2026-03-03T10:00:00+07:00', newDate);
    expect(r.dossier.status).toBe('awaiting_fee');
    expect(r.deadline.redate?.reason).toBe('Cần xác minh thực địa');
  });
});

describe('processing steps', () => {
  it('review, rework back one step, review again, approve, issue, return: one control-slip line per hand-over', () => {
    let d = inProcessing();
    expect(d.stepIndex).toBe(1);
    d = act(d, 'submit_review', SPECIALIST, '2026-03-05T10:00:00+07:00').dossier;
    expect(d).toMatchObject({ stage: 'review', stepIndex: 2 });
    const rework = act(d, 'return_for_rework', LEADER, '2026-03-06T10:00:00+07:00', { reason: 'Bổ sung ý kiến thẩm định' });
    expect(rework.dossier).toMatchObject({ stage: 'handling', stepIndex: 1 });
    expect(rework.clockEvents).toEqual([{ type: 'step_started', at: at('2026-03-06T10:00:00+07:00'), step: 'handling' }]);
    expect(rework.dossier.handovers.at(-1)).toMatchObject({ giverId: LEADER.id, receiverId: SPECIALIST.id, step: 'review' });
    d = act(rework.dossier, 'submit_review', SPECIALIST, '2026-03-09T10:00:00+07:00').dossier;
    d = act(d, 'approve', LEADER, '2026-03-10T10:00:00+07:00').dossier;
    const issued = act(d, 'issue_result', SPECIALIST, '2026-03-11T10:00:00+07:00');
    expect(issued.dossier).toMatchObject({ status: 'processed', stage: null, result: { number: '15/GP-UBND', eResult: true } });
    expect(issued.deadline.phase).toBe('finished');
    expect(issued.forms).toEqual(['mau_05']);
    const returned = act(issued.dossier, 'return_result', ONESTOP, '2026-03-12T08:30:00+07:00');
    expect(returned.dossier.returned).toEqual({ at: at('2026-03-12T08:30:00+07:00'), method: 'counter', collectedBy: 'Nguyễn Thị Hường', trackingNumber: null });
    const lines = returned.dossier.handovers;
    expect(lines.map((l) => l.action)).toEqual(['hand_over', 'assign', 'submit_review', 'return_for_rework', 'submit_review', 'approve', 'issue_result']);
    expect(lines.map((l) => l.step)).toEqual(['reception', 'handling', 'handling', 'review', 'handling', 'review', 'approval']);
    expect(lines.every((l) => l.stepDueAt !== null)).toBe(true);
    expect(lines[0]!.onTime).toBe(true);
    expect(returned.violations).toEqual([]);
  });

  it('return by post needs a tracking number; online needs an e-result', () => {
    const processed = walk(['accept', 'hand_over', 'assign', 'submit_review', 'approve']).dossier;
    const noE = act(processed, 'issue_result', SPECIALIST, '2026-03-03T10:00:00+07:00', { eResult: false }).dossier;
    expect(errorOf(() => act(noE, 'return_result', ONESTOP, '2026-03-03T11:00:00+07:00', { method: 'post' })).params.field).toBe('trackingNumber');
    expect(errorOf(() => act(noE, 'return_result', ONESTOP, '2026-03-03T11:00:00+07:00', { method: 'online' })).code).toBe('DOSSIER_RETURN_DETAILS_REQUIRED');
    expect(errorOf(() => act(noE, 'return_result', ONESTOP, '2026-03-03T11:00:00+07:00', {})).fields[0]?.field).toBe('collectedBy');
    const post = act(noE, 'return_result', ONESTOP, '2026-03-03T11:00:00+07:00', { method: 'post', trackingNumber: 'EB123456789VN' });
    expect(post.dossier.returned).toMatchObject({ method: 'post', trackingNumber: 'EB123456789VN' });
  });
});

describe('hand-over to the processing unit', () => {
  it('moves the dossier to the department behind the service centre; the one-stop unit keeps it for return', () => {
    const d = walk(['accept']).dossier;
    const r = act(d, 'hand_over', ONESTOP, '2026-03-02T10:00:00+07:00', { toUnit: OTHER_UNIT, receiverId: LEADER.id });
    expect(r.dossier).toMatchObject({ unitCode: OTHER_UNIT, receivingUnitCode: UNIT, status: 'processing', stage: 'handling' });
    expect(r.dossier.handovers[0]).toMatchObject({ receiverUnit: OTHER_UNIT, receiverId: LEADER.id, onTime: true });
    expect(actingUnit(r.dossier, 'onestop_officer')).toBe(UNIT);
    expect(actingUnit(r.dossier, 'specialist')).toBe(OTHER_UNIT);
  });
});

describe('withdrawal, stop and inter-agency transfer', () => {
  it('withdrawal during processing ends the clock', () => {
    const r = act(inProcessing(), 'withdraw', ONESTOP, '2026-03-03T10:00:00+07:00', { reason: 'Công dân đề nghị rút' });
    expect(r.dossier.status).toBe('withdrawn');
    expect(r.deadline.phase).toBe('finished');
  });

  it('withdrawal of a new dossier records no clock event', () => {
    expect(act(fresh(), 'withdraw', ONESTOP, '2026-03-02T10:00:00+07:00').clockEvents).toEqual([]);
  });

  it('stop while awaiting a supplement is judged at the stop of the clock and issues Mẫu 03', () => {
    const asked = act(inProcessing(), 'request_supplement_processing', SPECIALIST, '2026-03-02T10:00:00+07:00').dossier;
    const r = act(asked, 'stop', LEADER, '2026-04-30T10:00:00+07:00', { reason: 'Quá hạn bổ sung hồ sơ' });
    expect(r.forms).toEqual(['mau_03']);
    expect(r.deadline.judgedEndAt).toBe(at('2026-03-02T10:00:00+07:00'));
    expect(r.violations).toEqual([]);
  });

  it('a transfer keeps one dossier and its code, moves it to the other unit with a reference', () => {
    const d = inProcessing();
    const r = act(d, 'transfer_interagency', LEADER, '2026-03-03T10:00:00+07:00', { toUnit: OTHER_UNIT, reference: 'LT-01' });
    expect(r.dossier).toMatchObject({ code: d.code, unitCode: OTHER_UNIT, receivingUnitCode: UNIT, assigneeId: null, status: 'processing' });
    expect(r.dossier.transfers).toEqual([{ at: at('2026-03-03T10:00:00+07:00'), fromUnit: UNIT, toUnit: OTHER_UNIT, reference: 'LT-01' }]);
    expect(r.dossier.handovers.at(-1)).toMatchObject({ receiverUnit: OTHER_UNIT, action: 'transfer_interagency' });
    expect(errorOf(() => act(r.dossier, 'transfer_interagency', LEADER, '2026-03-03T11:00:00+07:00', { toUnit: OTHER_UNIT })).code).toBe('DOSSIER_TRANSFER_TARGET_INVALID');
  });
});

describe('violations at the action that reveals them', () => {
  const approved = () => walk(['accept', 'hand_over', 'assign', 'submit_review', 'approve']).dossier;

  it('a result issued after the due with no apology', () => {
    const r = act(approved(), 'issue_result', SPECIALIST, '2026-03-17T10:00:00+07:00');
    expect(r.violations).toEqual([{ kind: 'late_without_apology', at: at('2026-03-16T09:15:00+07:00'), unitCode: UNIT, officerId: SPECIALIST.id }]);
  });

  it('none when an apology moved the date', () => {
    const d = act(approved(), 'apologise', LEADER, '2026-03-05T10:00:00+07:00', { reason: 'Xác minh', newDueAt: '2026-03-20T17:00:00+07:00' }).dossier;
    expect(act(d, 'issue_result', SPECIALIST, '2026-03-17T10:00:00+07:00').violations).toEqual([]);
  });

  it('a result issued in time but returned after the due is the one-stop unit’s late return', () => {
    const issued = act(approved(), 'issue_result', SPECIALIST, '2026-03-13T10:00:00+07:00').dossier;
    const r = act(issued, 'return_result', ONESTOP, '2026-03-16T10:00:00+07:00');
    expect(r.violations).toEqual([{ kind: 'late_return', at: at('2026-03-16T10:00:00+07:00'), unitCode: UNIT, officerId: ONESTOP.id }]);
  });
});
