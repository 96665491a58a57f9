import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { z } from 'zod';

/** Secrets a production deployment must never run with. */
const KNOWN_WEAK_SECRETS = new Set(['changeme', 'secret', 'demo', 'demo123', 'motcua']);

const envSchema = z.object({
  NODE_ENV: z.enum(['development', 'production', 'test']).default('development'),
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  HOST: z.string().default('0.0.0.0'),
  DATA_DIR: z.string().default('./data'),
  BLOB_DIR: z.string().optional(),
  DATABASE_URL: z.string().url().optional(),
  PUBLIC_URL: z.string().url().optional(),
  SESSION_SECRET: z.string().min(32).optional(),
  DEMO_MODE: z.enum(['true', 'false']).optional(),
  LOGIN_RATE_LIMIT: z.coerce.number().int().min(1).max(100000).default(20),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
});

/** The validated configuration of one process. Only this module reads `process.env`. */
export interface Config {
  env: 'development' | 'production' | 'test';
  port: number;
  host: string;
  dataDir: string;
  blobDir: string;
  databaseUrl: string | undefined;
  publicUrl: string;
  sessionSecret: string;
  /** Demo accounts and seed data are allowed only outside production. */
  demoMode: boolean;
  logLevel: string;
  /** Sign-in attempts allowed per client address per minute (on top of the per-account lock-out). */
  loginRateLimit: number;
}

export class ConfigError extends Error {
  override name = 'ConfigError';
}

/** Reads, validates and completes the configuration; throws ConfigError with every problem listed. */
export function loadConfig(env: Record<string, string | undefined> = process.env): Config {
  const parsed = envSchema.safeParse(env);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `  ${i.path.join('.')}: ${i.message}`);
    throw new ConfigError(`Invalid configuration:\n${lines.join('\n')}`);
  }
  const e = parsed.data;
  const production = e.NODE_ENV === 'production';
  const dataDir = path.resolve(e.DATA_DIR);
  const demoMode = e.DEMO_MODE ? e.DEMO_MODE === 'true' : !production;

  if (production && demoMode) {
    throw new ConfigError('DEMO_MODE=true is refused in production: demo accounts (password demo123) must never run there.');
  }
  if (production && !e.SESSION_SECRET) {
    throw new ConfigError('SESSION_SECRET (at least 32 characters) is required in production.');
  }
  if (production && e.SESSION_SECRET && KNOWN_WEAK_SECRETS.has(e.SESSION_SECRET.toLowerCase())) {
    throw new ConfigError('SESSION_SECRET is a well-known default and is refused in production.');
  }
  if (production && !e.PUBLIC_URL) {
    throw new ConfigError('PUBLIC_URL is required in production (it is printed in QR codes and e-mails).');
  }

  return {
    env: e.NODE_ENV,
    port: e.PORT,
    host: e.HOST,
    dataDir,
    blobDir: path.resolve(e.BLOB_DIR ?? path.join(dataDir, 'blobs')),
    databaseUrl: e.DATABASE_URL,
    publicUrl: (e.PUBLIC_URL ?? `http://localhost:${e.PORT}`).replace(/\/$/, ''),
    sessionSecret: e.SESSION_SECRET ?? embeddedSecret(dataDir),
    demoMode,
    logLevel: e.LOG_LEVEL,
    loginRateLimit: e.LOGIN_RATE_LIMIT,
  };
}

/** Outside production the session secret is generated once and kept in the data folder (mode 0600). */
function embeddedSecret(dataDir: string): string {
  const file = path.join(dataDir, 'session-secret');
  if (existsSync(file)) return readFileSync(file, 'utf8').trim();
  mkdirSync(dataDir, { recursive: true });
  const secret = randomBytes(48).toString('base64url');
  writeFileSync(file, secret, { mode: 0o600 });
  return secret;
}

/** PostgreSQL server the test suite also runs on, when set (tests only). */
export function testDatabaseUrl(env: Record<string, string | undefined> = process.env): string | undefined {
  return env.TEST_DATABASE_URL || undefined;
}

/** PostgreSQL server the benchmarks create scratch databases on (benchmarks only). */
export function benchDatabaseUrl(env: Record<string, string | undefined> = process.env): string {
  return env.BENCH_DATABASE_URL || env.TEST_DATABASE_URL || 'postgres://postgres@127.0.0.1:5432/postgres';
}
