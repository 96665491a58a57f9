import { describe, expect, it } from 'vitest';
import { draftChecklist } from '../portal/checklist';
import { documentType } from './catalogue';
import { RESULT_DOCUMENT_TYPES, addMonths, resultDocumentType } from './results';

describe('results filed in the warehouse', () => {
  it('maps procedures to catalogue types; a type that expires has its months', () => {
    expect(resultDocumentType('2.000488')).toEqual({ typeCode: 'LLTP', validMonths: 6 });
    expect(resultDocumentType('1.001193')).toBeUndefined();
    for (const entry of Object.values(RESULT_DOCUMENT_TYPES)) {
      const type = documentType(entry.typeCode);
      expect(type).toBeDefined();
      expect(entry.validMonths !== null).toBe(type!.expires);
    }
  });

  it('adds months to a day, clamping to the month’s end', () => {
    expect(addMonths('2026-12-01', 6)).toBe('2027-06-01');
    expect(addMonths('2026-08-31', 6)).toBe('2027-02-28');
    expect(addMonths('2027-08-31', 6)).toBe('2028-02-29');
    expect(addMonths('2026-01-15', 0)).toBe('2026-01-15');
  });

  it('a component answered by a warehouse document counts as attached in the draft checklist', () => {
    const spec = { name: 'Phiếu lý lịch tư pháp', originals: 1, copies: 0, required: true, condition: null, form: null, documentType: 'LLTP' };
    const doc = '0b4c5a9e-1111-4222-8333-944455556666';
    expect(draftChecklist([spec], [], {})[0]).toMatchObject({ state: 'missing', documentType: 'LLTP', reusedDocumentId: null });
    expect(draftChecklist([spec], [], {}, { '1': doc })[0]).toMatchObject({ state: 'attached', fileCount: 0, reusedDocumentId: doc });
  });
});
