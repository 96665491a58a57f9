import { describe, expect, it } from 'vitest';
import { assertFormAvailable, availableForms } from './available-forms';
import { walk } from './testing';

describe('availableForms', () => {
  it('follows what happened to the dossier', () => {
    expect(availableForms(walk([]).dossier)).toEqual([]);
    expect(availableForms(walk(['refuse']).dossier)).toEqual(['mau_03']);
    expect(availableForms(walk(['accept', 'hand_over', 'assign', 'request_supplement_processing']).dossier)).toEqual(['mau_01', 'mau_02', 'mau_05']);
    expect(availableForms(walk(['accept', 'hand_over', 'apologise']).dossier)).toEqual(['mau_01', 'mau_04', 'mau_05']);
    expect(() => assertFormAvailable(walk(['accept']).dossier, 'mau_04')).toThrow(expect.objectContaining({ code: 'DOSSIER_FORM_NOT_AVAILABLE' }));
  });
});
