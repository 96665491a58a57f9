import { describe, expect, it } from 'vitest';
import { draftData } from './api';
import { type ComponentSpec, componentKind, draftChecklist, draftCompleteness, procedureStanding } from './checklist';

const spec = (over: Partial<ComponentSpec> = {}): ComponentSpec => ({ name: 'Tờ khai', originals: 1, copies: 0, required: true, condition: null, form: null, ...over });
const COMPONENTS = [spec(), spec({ name: 'Giấy ủy quyền (nếu có)', required: false, condition: 'Khi nộp thay' }), spec({ name: 'Ảnh', required: false })];
const complete = draftData.parse({ contact: { phone: '0912345678' }, receivingUnitCode: '000.00.30.H26', returnMethod: 'online', conditions: { 2: { applies: false } } });

describe('componentKind', () => {
  it('a stated case makes a component conditional, whatever its required flag', () => {
    expect(componentKind({ required: true, condition: null })).toBe('required');
    expect(componentKind({ required: false, condition: null })).toBe('optional');
    expect(componentKind({ required: false, condition: 'Khi nộp thay' })).toBe('conditional');
    expect(componentKind({ required: true, condition: 'Khi nộp thay' })).toBe('conditional');
    expect(componentKind({ required: true, condition: '  ' })).toBe('required');
  });
});

describe('draftChecklist', () => {
  it('numbers components from 1 and gives each its state', () => {
    const empty = draftChecklist(COMPONENTS, [], {});
    expect(empty.map((c) => [c.id, c.kind, c.state, c.fileCount])).toEqual([
      ['1', 'required', 'missing', 0],
      ['2', 'conditional', 'unanswered', 0],
      ['3', 'optional', 'optional', 0],
    ]);
    const answered = draftChecklist(COMPONENTS, [{ componentId: '1' }, { componentId: '1' }, { componentId: '3' }], { 2: { applies: true, note: null } });
    expect(answered.map((c) => [c.state, c.fileCount])).toEqual([
      ['attached', 2],
      ['missing', 0],
      ['attached', 1],
    ]);
    expect(draftChecklist(COMPONENTS, [], { 2: { applies: false, note: 'Tự nộp' } })[1]!.state).toBe('not_applicable');
    // a file settles a conditional component even if the answer says it does not apply
    expect(draftChecklist(COMPONENTS, [{ componentId: '2' }], { 2: { applies: false, note: null } })[1]!.state).toBe('attached');
  });
});

describe('draftCompleteness', () => {
  const files = [{ componentId: '1' }];
  const check = (data = complete, standing: 'current' | 'superseded' | 'withdrawn' = 'current', f = files) =>
    draftCompleteness({ checklist: draftChecklist(COMPONENTS, f, data.conditions), data, receivingUnits: ['000.00.30.H26'], standing });

  it('a complete draft has no problem', () => {
    expect(check()).toEqual({ complete: true, problems: [] });
  });

  it('lists every problem once, in form order', () => {
    const empty = draftData.parse({});
    expect(check(empty, 'superseded', []).problems).toEqual([
      { field: 'procedure', code: 'PORTAL_PROCEDURE_VERSION_SUPERSEDED' },
      { field: 'components.1', code: 'PORTAL_COMPONENT_MISSING' },
      { field: 'components.2', code: 'PORTAL_CONDITION_UNANSWERED' },
      { field: 'receivingUnitCode', code: 'PORTAL_RECEIVING_UNIT_REQUIRED' },
      { field: 'returnMethod', code: 'PORTAL_RETURN_METHOD_REQUIRED' },
      { field: 'contact.phone', code: 'PORTAL_CONTACT_REQUIRED' },
    ]);
  });

  it('checks the unit, the post address and the contact details', () => {
    expect(check({ ...complete, receivingUnitCode: '000.52.01.H26' }).problems).toEqual([{ field: 'receivingUnitCode', code: 'PORTAL_RECEIVING_UNIT_REQUIRED' }]);
    expect(check({ ...complete, returnMethod: 'post', postAddress: '  ' }).problems).toEqual([{ field: 'postAddress', code: 'PORTAL_POST_ADDRESS_REQUIRED' }]);
    expect(check({ ...complete, returnMethod: 'post', postAddress: 'Số 1 Lạch Tray' }).complete).toBe(true);
    expect(check({ ...complete, contact: { ...complete.contact, phone: '09x' } }).problems).toEqual([{ field: 'contact.phone', code: 'PORTAL_PHONE_INVALID' }]);
    expect(check({ ...complete, contact: { ...complete.contact, phone: null, email: 'a@b' } }).problems).toEqual([{ field: 'contact.email', code: 'PORTAL_EMAIL_INVALID' }]);
    expect(check({ ...complete, contact: { ...complete.contact, phone: null, email: 'an@example.vn' } }).complete).toBe(true);
    expect(check(complete, 'withdrawn').problems).toEqual([{ field: 'procedure', code: 'PORTAL_PROCEDURE_WITHDRAWN' }]);
  });
});

describe('procedureStanding', () => {
  it('tells current, superseded and withdrawn versions apart', () => {
    const base = { pinnedVersionId: 'v1', currentVersionId: 'v1', procedureStatus: 'active', currentOnlineLevel: 'full' };
    expect(procedureStanding(base)).toBe('current');
    expect(procedureStanding({ ...base, currentVersionId: 'v2' })).toBe('superseded');
    expect(procedureStanding({ ...base, currentVersionId: 'v2', currentOnlineLevel: 'none' })).toBe('withdrawn');
    expect(procedureStanding({ ...base, procedureStatus: 'abolished' })).toBe('withdrawn');
  });
});
