import { parseInstant as at } from '@core/calendar/time';
import { type Action, decide, type Dossier, type DossierFormData, dossierFormData, type FormContext } from '@core/dossier';
import { form01Schema, form02Schema, form04Schema, form05Schema } from '@core/dossier/forms';
import { CAL, ctxAt, LEADER, ONESTOP, OTHER_UNIT, POLICY, SPECIALIST, validInput, walk } from '@core/dossier/testing';
import { describe, expect, it } from 'vitest';
import { FORM_RENDERERS } from './index';

// one dossier from counter intake to return, with a supplement during processing and an apology
function lifecycle(): Dossier {
  let d = walk(['accept']).dossier;
  const steps: [Action, typeof ONESTOP, string, unknown?][] = [
    ['hand_over', ONESTOP, '2026-03-02T10:00:00+07:00', { toUnit: OTHER_UNIT, receiverId: LEADER.id }],
    ['assign', LEADER, '2026-03-02T11:00:00+07:00'],
    ['request_supplement_processing', SPECIALIST, '2026-03-03T09:00:00+07:00', { items: ['Bản vẽ mặt bằng tỷ lệ 1/500', 'bản vẽ mặt bằng  tỷ lệ 1/500', 'Văn bản thẩm duyệt PCCC'] }],
    ['receive_supplement', ONESTOP, '2026-03-05T14:00:00+07:00'],
    ['apologise', LEADER, '2026-03-16T10:00:00+07:00', { reason: 'Chờ ý kiến phối hợp của Công an thành phố', newDueAt: '2026-03-24T16:00:00+07:00' }],
    ['submit_review', SPECIALIST, '2026-03-18T15:00:00+07:00', { receiverId: LEADER.id }],
    ['approve', LEADER, '2026-03-19T09:00:00+07:00'],
    ['issue_result', SPECIALIST, '2026-03-19T15:00:00+07:00'],
    ['return_result', ONESTOP, '2026-03-20T09:00:00+07:00'],
  ];
  for (const [action, who, iso, input] of steps) d = decide(d, action, who, input ?? validInput(action, d, at(iso)), ctxAt(at(iso))).dossier;
  return d;
}

const context: FormContext = {
  calendar: CAL,
  policy: POLICY,
  issuedAt: at('2026-03-20T09:00:00+07:00'),
  creationDate: new Date('2026-03-20T02:00:00Z'),
  agency: { parent: 'UBND thành phố Hải Phòng', name: 'Trung tâm Phục vụ hành chính công thành phố' },
  applicant: { name: 'Nguyễn Thị Hường', idNumber: '031******567', address: 'Số 18 Lạch Tray, Ngô Quyền, Hải Phòng' },
  procedure: { code: '1.001612', name: 'Cấp giấy phép xây dựng mới' },
  components: [
    { id: 'don', name: 'Đơn đề nghị cấp giấy phép xây dựng', kind: 'Bản chính' },
    { id: 'cccd', name: 'Bản sao Căn cước công dân', kind: 'Bản sao' },
    { id: 'khac', name: 'Giấy tờ khác' },
  ],
  legalTime: '10 ngày làm việc',
  trackingUrl: 'https://dichvucong.haiphong.gov.vn/tra-cuu/000.00.15.H26-260302-0001',
  names: { person: (id) => ({ 'u-onestop_officer': 'Trần Văn Đức', 'u-unit_leader': 'Lê Thị Mỹ', 'u-specialist': 'Vũ Đình Nghĩa' })[id] ?? id, unit: (code) => `Đơn vị ${code}` },
};

describe('forms of a dossier walked through its whole lifecycle', () => {
  const d = lifecycle();
  const data = <F extends keyof DossierFormData>(form: F) => dossierFormData(form, d, context);

  it('ends returned, with the forms it went through', () => {
    expect(d.status).toBe('returned');
  });

  it('Mẫu 01 keeps the due of the receipt and the components received', () => {
    const f = form01Schema.parse(data('mau_01'));
    expect(f.dueAt).toBe(at('2026-03-16T09:15:00+07:00'));
    expect(f.components.map((c) => c.name)).toEqual(['Đơn đề nghị cấp giấy phép xây dựng', 'Bản sao Căn cước công dân']);
    expect(f.receiver.name).toBe('Trần Văn Đức');
  });

  it('Mẫu 02 lists the items asked for, once', () => {
    expect(form02Schema.parse(data('mau_02')).items).toEqual(['Bản vẽ mặt bằng tỷ lệ 1/500', 'Văn bản thẩm duyệt PCCC']);
  });

  it('Mẫu 04 gives the due it replaces, the new date and the reason', () => {
    const f = form04Schema.parse(data('mau_04'));
    // the supplement restarted the clock on 5 March 14:00: 10 working days later
    expect(f.dueAt).toBe(at('2026-03-19T14:00:00+07:00'));
    expect(f.newDueAt).toBe(at('2026-03-24T16:00:00+07:00'));
    expect(f.reason).toBe('Chờ ý kiến phối hợp của Công an thành phố');
    expect(f.issuedAt).toBe(at('2026-03-16T10:00:00+07:00'));
  });

  it('Mẫu 05 has one row per hand-over, named and judged', () => {
    const f = form05Schema.parse(data('mau_05'));
    expect(f.processingUnit).toBe(`Đơn vị ${OTHER_UNIT}`);
    expect(f.rows.map((r) => [r.giver, r.receiver])).toEqual([
      ['Trần Văn Đức', 'Lê Thị Mỹ'],
      ['Lê Thị Mỹ', 'Vũ Đình Nghĩa'],
      ['Vũ Đình Nghĩa', 'Lê Thị Mỹ'],
      ['Lê Thị Mỹ', `Đơn vị ${OTHER_UNIT}`],
      ['Vũ Đình Nghĩa', 'Đơn vị 000.00.15.H26'],
    ]);
    expect(f.rows[0]!.outcome).toBe('on_time');
  });

  it('Mẫu 03 does not exist for this dossier', () => {
    expect(() => data('mau_03')).toThrow(expect.objectContaining({ code: 'DOSSIER_FORM_NOT_AVAILABLE' }));
  });

  it.each(['mau_01', 'mau_02', 'mau_04', 'mau_05'] as const)('%s renders', async (form) => {
    const pdf = await (FORM_RENDERERS[form] as (x: unknown) => Promise<Buffer>)(data(form));
    expect(pdf.subarray(0, 5).toString('latin1')).toBe('%PDF-');
  });
});
