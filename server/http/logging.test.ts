import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type TestApp, createTestApp } from '../../tests/support/app';

describe('request logs', () => {
  const lines: string[] = [];
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp('pglite', { env: { LOG_LEVEL: 'info' }, logStream: { write: (l) => lines.push(l) } });
  });
  afterAll(() => t.close());

  it('are JSON with the request id, mask CCCD numbers and never contain cookies, CSRF tokens or passwords', async () => {
    const c = await t.login('admin');
    await c.get('/api/v1/units?applicant=031203004567');
    await t.app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { username: 'admin', password: 'mat-khau-bi-mat-123' } });
    const text = lines.join('');
    const parsed = lines.map((l) => JSON.parse(l));
    expect(parsed.some((l) => l.reqId && l.req?.url === '/api/v1/units?applicant=031******567')).toBe(true);
    expect(text).not.toContain('031203004567');
    expect(text).not.toContain(c.csrfToken);
    expect(text).not.toContain(c.cookie.split('=')[1]!);
    expect(text).not.toContain('mat-khau-bi-mat-123');
  });
});
