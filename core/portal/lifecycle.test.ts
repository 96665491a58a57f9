import { describe, expect, it } from 'vitest';
import { formatInstant } from '../calendar/time';
import type { Action } from '../dossier/actions';
import { decide } from '../dossier/decide';
import { type Dossier, newDossier } from '../dossier/dossier';
import { ONESTOP, UNIT as DESK, at, ctxAt, walk } from '../dossier/testing';
import { supplementAnsweredAt, supplementComponentId, openSupplementRequest } from './supplement';
import { dossierTimeline } from './timeline';
import { applicantTodo } from './todo';

const UNIT = { code: DESK, name: 'Bộ phận Một cửa' };
const fresh = () => newDossier({ unitCode: DESK, channel: 'online', returnMethod: 'counter', submittedAt: at('2026-02-27T20:00:00+07:00') });
const act = (d: Dossier, action: Action, iso: string, input: unknown) => decide(d, action, ONESTOP, input, ctxAt(at(iso)));
const todo = (d: Dossier, extra: { presence?: { reason: string } | null; answeredAt?: number | null } = {}) =>
  applicantTodo(d, { presence: extra.presence ?? null, unit: UNIT, supplementAnsweredAt: extra.answeredAt ?? null });

describe('an online dossier numbered at submission', () => {
  it('accept keeps its code on a later day and refuses another', () => {
    const d = { ...fresh(), code: '000.00.15.H26-260227-0007' };
    const later = '2026-03-02T10:00:00+07:00';
    const r = act(d, 'accept', later, { code: '000.00.15.H26-260227-0007', components: ['don', 'cccd'] });
    expect(r.dossier).toMatchObject({ code: '000.00.15.H26-260227-0007', status: 'accepted', receivedAt: at(later) });
    expect(() => act(d, 'accept', later, { code: '000.00.15.H26-260302-0001', components: ['don', 'cccd'] })).toThrow(expect.objectContaining({ code: 'DOSSIER_CODE_INVALID' }));
  });
});

describe('dossierTimeline', () => {
  it('lists the submission and every status entered, with applicant-facing notes for the owner only', () => {
    const d = walk(['request_supplement', 'receive_supplement', 'accept', 'hand_over', 'assign', 'apologise']).dossier;
    const own = dossierTimeline(d, { publicView: false });
    expect(own.map((e) => [e.status, e.action])).toEqual([
      ['new', null],
      ['supplement_requested', 'request_supplement'],
      ['new', 'receive_supplement'],
      ['accepted', 'accept'],
      ['processing', 'hand_over'],
      // an apology changes no status but gives a new date
      ['processing', 'apologise'],
    ]);
    expect(own[0]!.at).toBe(formatInstant(d.submittedAt));
    expect(own[1]!.items).toEqual(['Bản sao Căn cước công dân']);
    expect(own[5]!.note).toEqual(expect.any(String));
    expect(own[5]!.newDueAt).toEqual(expect.any(String));
    const pub = dossierTimeline(d, { publicView: true });
    expect(pub.every((e) => e.note === null && e.items === null)).toBe(true);
    expect(pub[5]!.newDueAt).toBe(own[5]!.newDueAt);
  });
});

describe('supplement answers and the to-do list', () => {
  it('the open request, its items and whether files answered it', () => {
    const d = walk(['request_supplement']).dossier;
    const req = openSupplementRequest(d)!;
    expect(req.items).toEqual(['Bản sao Căn cước công dân']);
    expect(todo(d)).toEqual([{ kind: 'supplement', requestedAt: formatInstant(req.at), items: [{ index: 1, text: 'Bản sao Căn cước công dân', componentId: 'supplement:1' }] }]);
    // files from before the request, or not supplement files, do not answer it
    expect(supplementAnsweredAt(d, [{ componentId: supplementComponentId(1), uploadedAt: req.at - 1 }, { componentId: '1', uploadedAt: req.at + 5 }])).toBeNull();
    const answered = supplementAnsweredAt(d, [{ componentId: 'supplement:1', uploadedAt: req.at + 5 }, { componentId: 'supplement:1', uploadedAt: req.at + 9 }]);
    expect(answered).toBe(req.at + 9);
    expect(todo(d, { answeredAt: answered })).toEqual([{ kind: 'supplement_answered', answeredAt: formatInstant(req.at + 9) }]);
    expect(openSupplementRequest(fresh())).toBeNull();
  });

  it('asks for the fee, the result and the rating in their statuses; presence while open', () => {
    const presence = { reason: 'Cần đối chiếu bản gốc' };
    expect(todo(fresh(), { presence })).toEqual([{ kind: 'presence', reason: 'Cần đối chiếu bản gốc' }]);
    expect(todo(walk(['accept']).dossier)).toEqual([]);
    expect(todo(walk(['accept', 'hand_over', 'assign', 'await_fee']).dossier)).toEqual([{ kind: 'pay_fee', amount: null, reason: 'Lý do theo quy định' }]);
    expect(todo(walk(['accept', 'hand_over', 'assign', 'submit_review', 'approve', 'issue_result']).dossier)).toEqual([{ kind: 'collect_result', method: 'counter', unit: UNIT }]);
    const returned = walk(['accept', 'hand_over', 'assign', 'submit_review', 'approve', 'issue_result', 'return_result']).dossier;
    expect(todo(returned, { presence })).toEqual([{ kind: 'rate' }]);
  });
});
