import { describe, expect, it } from 'vitest';
import { maskCccd, maskPersonalNumbers } from './mask';

describe('maskPersonalNumbers', () => {
  it('masks a CCCD inside a URL or message', () => {
    expect(maskPersonalNumbers('/api/v1/people/031203004567?x=1')).toBe('/api/v1/people/031******567?x=1');
    expect(maskPersonalNumbers('CCCD 031203004567 nộp hồ sơ')).toBe('CCCD 031******567 nộp hồ sơ');
  });
  it('masks an old 9-digit CMND', () => {
    expect(maskPersonalNumbers('CMND 031203004')).toBe('CMND 03*****04');
  });
  it('leaves other numbers alone (dossier codes, dates, 13-digit tax codes)', () => {
    expect(maskPersonalNumbers('000.00.15.H26-261130-0001')).toBe('000.00.15.H26-261130-0001');
    expect(maskPersonalNumbers('0200123456001')).toBe('0200123456001');
  });
  it('maskCccd keeps three digits each side', () => {
    expect(maskCccd('031203004567')).toBe('031******567');
  });
});
