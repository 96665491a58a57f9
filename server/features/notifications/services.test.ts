import { mkdtempSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from '../../config/config';
import type { DB } from '../../db/schema';
import type { Kysely } from 'kysely';
import { notificationServices } from './services';

const base = () => ({ DATA_DIR: mkdtempSync(path.join(os.tmpdir(), 'motcua-mail-config-')) });
const production = () => ({ ...base(), NODE_ENV: 'production', SESSION_SECRET: 's'.repeat(40), PUBLIC_URL: 'https://dvc.example.vn', DEMO_MODE: 'false' });
const noDb = {} as Kysely<DB>;

describe('mail and SMS configuration', () => {
  it('embedded default: the local sink on 2525, no SMTP server, simulated SMS', () => {
    const c = loadConfig(base());
    expect(c.mail).toEqual({ smtp: null, from: 'Cổng Dịch vụ công Hải Phòng <no-reply@dichvucong.motcua.local>', simPort: 2525 });
    expect(c.sms.provider).toBe('simulated');
    expect(loadConfig({ ...base(), MAIL_SIM_PORT: '0' }).mail.simPort).toBe(0);
  });

  it('an SMTP server replaces the sink; 587 by default, 465 when secure; user and password go together', () => {
    const c = loadConfig({ ...base(), SMTP_HOST: 'smtp.haiphong.gov.vn', SMTP_USER: 'dvc', SMTP_PASS: 'pw', SMTP_FROM: 'DVC <dvc@haiphong.gov.vn>' });
    expect(c.mail).toEqual({ smtp: { host: 'smtp.haiphong.gov.vn', port: 587, secure: false, user: 'dvc', pass: 'pw' }, from: 'DVC <dvc@haiphong.gov.vn>', simPort: null });
    expect(loadConfig({ ...base(), SMTP_HOST: 'smtp.example.vn', SMTP_SECURE: 'true' }).mail.smtp?.port).toBe(465);
    expect(() => loadConfig({ ...base(), SMTP_HOST: 'smtp.example.vn', SMTP_USER: 'dvc' })).toThrow(ConfigError);
    expect(() => loadConfig({ ...base(), MAIL_SIM_PORT: '70000' })).toThrow(/MAIL_SIM_PORT/);
  });

  it('production never runs the sink: without SMTP_HOST there is no e-mail, only SMS (warned)', () => {
    const c = loadConfig(production());
    expect(c.mail.simPort).toBeNull();
    const warned: string[] = [];
    const services = notificationServices(c, noDb, { info: () => {}, warn: (_o, m) => void warned.push(m) }, null);
    expect(services.mail).toBeNull();
    expect(services.sms).not.toBeNull();
    expect(warned).toEqual(['no SMTP server configured (SMTP_HOST): notifications go by SMS only']);
    expect(notificationServices(loadConfig({ ...production(), SMS_PROVIDER: 'off', SMTP_HOST: 'smtp.example.vn' }), noDb, { info: () => {}, warn: () => {} }, null)).toMatchObject({ sms: null, portalUrl: 'https://dvc.example.vn' });
  });
});
