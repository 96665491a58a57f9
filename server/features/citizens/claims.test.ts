import { describe, expect, it } from 'vitest';
import { simClaimsOf } from '../../sim/idp/provider';
import { SIM_IDENTITIES } from '../../sim/idp/identities';
import { citizenFromClaims } from './claims';
import { requireLevel } from './level';

const DUNG = SIM_IDENTITIES.find((i) => i.organisations.length > 0)!;
const base = simClaimsOf(DUNG);

describe('citizenFromClaims', () => {
  it('reads the simulator’s claims as the citizen and the organisations they represent', () => {
    expect(citizenFromClaims('https://idp.example', base)).toEqual({
      issuer: 'https://idp.example',
      subject: DUNG.sub,
      idNumber: DUNG.idNumber,
      fullName: DUNG.fullName,
      birthDate: DUNG.birthDate,
      email: DUNG.email,
      phone: DUNG.phone,
      address: DUNG.address,
      level: 'verified',
      organisations: DUNG.organisations,
    });
  });

  it('takes an unasserted level as basic, a plain-string address, and drops unusable optional claims', () => {
    const { identity_level: _, ...noLevel } = base;
    const c = citizenFromClaims('x', { ...noLevel, address: 'Số 1 Lạch Tray', birthdate: '1987-02-30', email: 42, phone_number: null });
    expect(c).toMatchObject({ level: 'basic', address: 'Số 1 Lạch Tray', birthDate: null, email: null, phone: null });
  });

  it('keeps one entry per organisation and normalises a dashed branch tax code', () => {
    const c = citizenFromClaims('x', {
      ...base,
      organisations: [
        { tax_code: '0201234569', name: 'A' },
        { tax_code: '0201234569', name: 'A again' },
        { tax_code: '0201234569-001', name: 'Chi nhánh' },
      ],
    });
    expect(c.organisations).toEqual([
      { taxCode: '0201234569', name: 'A' },
      { taxCode: '0201234569001', name: 'Chi nhánh' },
    ]);
  });

  it.each([
    ['no CCCD', { cccd: undefined }],
    ['a CCCD of the wrong shape', { cccd: '12345' }],
    ['a CCCD with an unknown province', { cccd: '999085012345' }],
    ['no name', { name: '  ' }],
    ['an unknown level', { identity_level: 'level-3' }],
    ['an invalid tax code', { organisations: [{ tax_code: '0201234560', name: 'X' }] }],
  ])('refuses %s with PORTAL_IDENTITY_CLAIMS_INVALID, without quoting the values', (_, change) => {
    let caught: unknown;
    try {
      citizenFromClaims('x', { ...base, ...change });
    } catch (err) {
      caught = err;
    }
    expect(caught).toMatchObject({ code: 'PORTAL_IDENTITY_CLAIMS_INVALID' });
    expect(String((caught as Error).message)).not.toContain(DUNG.idNumber);
  });
});

describe('requireLevel', () => {
  it('lets verified through everything and basic only through basic', () => {
    expect(() => requireLevel({ level: 'verified' }, 'verified')).not.toThrow();
    expect(() => requireLevel({ level: 'verified' }, 'basic')).not.toThrow();
    expect(() => requireLevel({ level: 'basic' }, 'basic')).not.toThrow();
    expect(() => requireLevel({ level: 'basic' }, 'verified')).toThrow(expect.objectContaining({ code: 'PORTAL_IDENTITY_LEVEL_REQUIRED', status: 403 }));
  });
});
