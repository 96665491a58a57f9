import { mkdtempSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { FastifyInstance, InjectOptions } from 'fastify';
import { buildApp } from '../../server/app';
import { loadConfig } from '../../server/config/config';
import type { Database, Engine } from '../../server/db/database';
import { upsertCitizen } from '../../server/features/citizens/queries';
import { PORTAL_COOKIE, openCitizenSession } from '../../server/features/citizens/session';
import { DEMO_PASSWORD } from '../../server/seed/demo-org';
import { SIM_IDENTITIES } from '../../server/sim/idp/identities';
import { createTestDatabase } from './database';

export interface TestResponse {
  statusCode: number;
  headers: Record<string, unknown>;
  body: string;
  // biome-ignore lint/suspicious/noExplicitAny: test responses are inspected freely
  json(): any;
}

/** A signed-in client: sends its session cookie and CSRF token with every request. */
export interface Client {
  request(opts: InjectOptions): Promise<TestResponse>;
  get(url: string): Promise<TestResponse>;
  post(url: string, payload?: unknown): Promise<TestResponse>;
  patch(url: string, payload?: unknown): Promise<TestResponse>;
  csrfToken: string;
  cookie: string;
  // biome-ignore lint/suspicious/noExplicitAny: the `me` answer
  me: any;
}

export interface TestApp {
  app: FastifyInstance;
  database: Database;
  /** Signs in a demo account (password demo123). */
  login(username: string): Promise<Client>;
  /**
   * Opens a portal session for a simulator identity (by CCCD) directly in the database, as the OIDC
   * callback would after a successful sign-in (the OIDC flow itself is tested in server/features/citizens).
   * `actingFor` = a tax code the identity represents.
   */
  loginCitizen(idNumber: string, opts?: { actingFor?: string }): Promise<Client>;
  close(): Promise<void>;
}

/** The whole application on a fresh database of the given engine, driven in-process with `inject`. */
export async function createTestApp(engine: Engine, opts: { webDist?: string; env?: Record<string, string>; logStream?: { write(line: string): void }; now?: () => number } = {}): Promise<TestApp> {
  const database = await createTestDatabase(engine);
  const config = loadConfig({
    NODE_ENV: 'test',
    DATA_DIR: mkdtempSync(path.join(os.tmpdir(), 'motcua-test-')),
    SESSION_SECRET: 'test-secret-test-secret-test-secret-0123456789',
    LOG_LEVEL: process.env.TEST_LOG_LEVEL ?? 'silent',
    LOGIN_RATE_LIMIT: '10000',
    ...opts.env,
  });
  const app = await buildApp({ config, database, version: 'test', now: opts.now }, { webDist: opts.webDist ?? path.join(os.tmpdir(), 'no-web-client'), logStream: opts.logStream });
  await app.ready();

  async function login(username: string): Promise<Client> {
    const res = await app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { username, password: DEMO_PASSWORD } });
    if (res.statusCode !== 200) throw new Error(`login ${username}: ${res.statusCode} ${res.body}`);
    const setCookie = res.cookies.find((c) => c.name === 'motcua_session');
    if (!setCookie) throw new Error('no session cookie');
    const cookie = `motcua_session=${setCookie.value}`;
    const me = res.json();
    const request = (o: InjectOptions) =>
      app.inject({ ...o, headers: { cookie, 'x-csrf-token': me.csrfToken, ...(o.headers ?? {}) } }) as unknown as Promise<TestResponse>;
    return {
      request,
      get: (url) => request({ method: 'GET', url }),
      post: (url, payload) => request({ method: 'POST', url, payload: payload as InjectOptions['payload'] }),
      patch: (url, payload) => request({ method: 'PATCH', url, payload: payload as InjectOptions['payload'] }),
      csrfToken: me.csrfToken,
      cookie,
      me,
    };
  }

  async function loginCitizen(idNumber: string, o: { actingFor?: string } = {}): Promise<Client> {
    const who = SIM_IDENTITIES.find((i) => i.idNumber === idNumber);
    if (!who) throw new Error(`no simulator identity ${idNumber}`);
    const session = await database.db.transaction().execute(async (trx) => {
      const citizenId = await upsertCitizen(trx, { issuer: 'test', subject: who.sub, ...who, birthDate: who.birthDate }, new Date());
      return openCitizenSession(trx, citizenId, { actingFor: o.actingFor ?? null, ip: null, userAgent: 'test' });
    });
    const cookie = `${PORTAL_COOKIE}=${app.signCookie(session.token)}`;
    const request = (r: InjectOptions) =>
      app.inject({ ...r, headers: { cookie, 'x-csrf-token': session.csrfToken, ...(r.headers ?? {}) } }) as unknown as Promise<TestResponse>;
    return {
      request,
      get: (url) => request({ method: 'GET', url }),
      post: (url, payload) => request({ method: 'POST', url, payload: payload as InjectOptions['payload'] }),
      patch: (url, payload) => request({ method: 'PATCH', url, payload: payload as InjectOptions['payload'] }),
      csrfToken: session.csrfToken,
      cookie,
      me: { idNumber: who.idNumber, fullName: who.fullName, level: who.level },
    };
  }

  return {
    app,
    database,
    login,
    loginCitizen,
    close: async () => {
      await app.close();
      await database.close();
    },
  };
}
