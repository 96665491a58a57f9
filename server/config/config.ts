import { createHmac, randomBytes } from 'node:crypto';
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
  BLOB_STORE: z.enum(['local', 's3']).default('local'),
  S3_ENDPOINT: z.string().url().optional(),
  S3_BUCKET: z.string().min(1).optional(),
  S3_REGION: z.string().min(1).optional(),
  S3_ACCESS_KEY_ID: z.string().min(1).optional(),
  S3_SECRET_ACCESS_KEY: z.string().min(1).optional(),
  DATABASE_URL: z.string().url().optional(),
  PUBLIC_URL: z.string().url().optional(),
  SESSION_SECRET: z.string().min(32).optional(),
  DEMO_MODE: z.enum(['true', 'false']).optional(),
  LOGIN_RATE_LIMIT: z.coerce.number().int().min(1).max(100000).default(20),
  FEEDBACK_ANSWER_WORKING_DAYS: z.coerce.number().int().min(1).max(60).default(10),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  SMTP_HOST: z.string().min(1).optional(),
  SMTP_PORT: z.coerce.number().int().min(1).max(65535).optional(),
  SMTP_SECURE: z.enum(['true', 'false']).optional(),
  SMTP_USER: z.string().min(1).optional(),
  SMTP_PASS: z.string().min(1).optional(),
  SMTP_FROM: z.string().min(3).default('Cổng Dịch vụ công Hải Phòng <no-reply@dichvucong.motcua.local>'),
  MAIL_SIM_PORT: z.coerce.number().int().min(0).max(65535).default(2525),
  SMS_PROVIDER: z.enum(['simulated', 'off']).default('simulated'),
  OIDC_ISSUER: z.string().url().optional(),
  OIDC_CLIENT_ID: z.string().min(1).default('motcua-portal'),
  OIDC_CLIENT_SECRET: z.string().min(1).optional(),
  OIDC_SCOPES: z.string().default('openid profile email phone address citizen'),
  OIDC_SIMULATOR: z.enum(['true', 'false']).optional(),
  PAYMENT_GATEWAY_URL: z.string().url().optional(),
  PAYMENT_MERCHANT_ID: z.string().regex(/^[A-Za-z0-9_-]{1,40}$/).default('MOTCUA-HP'),
  PAYMENT_SECRET: z.string().min(32).optional(),
  PAYMENT_SIM_PORT: z.coerce.number().int().min(0).max(65535).default(3100),
  PAYMENT_SIM_PUBLIC_URL: z.string().url().optional(),
  PAYMENT_ORDER_TTL_MINUTES: z.coerce.number().int().min(1).max(1440).default(15),
  PAYMENT_RECONCILE_AFTER_MINUTES: z.coerce.number().int().min(1).max(1440).default(5),
  ERESULT_CA_P12: z.string().min(1).optional(),
  ERESULT_CA_PASSPHRASE: z.string().optional(),
  ERESULT_UNIT_P12_DIR: z.string().min(1).optional(),
  ERESULT_UNIT_P12_PASSPHRASE: z.string().optional(),
  VERIFY_RATE_LIMIT: z.coerce.number().int().min(1).max(100000).default(60),
  NATIONAL_PORTAL_URL: z.string().url().optional(),
  NATIONAL_PORTAL_SECRET: z.string().min(32).optional(),
  NATIONAL_PORTAL_SYSTEM_ID: z.string().regex(/^[A-Za-z0-9_-]{1,40}$/).default('MOTCUA-HP'),
});

/** An SMTP server to send e-mail through. */
export interface SmtpSettings {
  host: string;
  port: number;
  /** TLS from the first byte (port 465); otherwise STARTTLS when the server offers it. */
  secure: boolean;
  user: string | undefined;
  pass: string | undefined;
}

/** The validated configuration of one process. Only this module reads `process.env`. */
export interface Config {
  env: 'development' | 'production' | 'test';
  port: number;
  host: string;
  dataDir: string;
  blobDir: string;
  /** Where blobs (scans, results, forms) are kept: the local folder `blobDir` or an S3-compatible bucket. */
  blobStore: BlobStoreConfig;
  databaseUrl: string | undefined;
  publicUrl: string;
  sessionSecret: string;
  /** Demo accounts and seed data are allowed only outside production. */
  demoMode: boolean;
  logLevel: string;
  /** Sign-in attempts allowed per client address per minute (on top of the per-account lock-out). */
  loginRateLimit: number;
  /** Working days a unit has to answer a citizen's feedback (phản ánh, kiến nghị); docs/portal.md. */
  feedbackAnswerWorkingDays: number;
  /**
   * E-mail to applicants: through `smtp` when SMTP_HOST is set; otherwise, outside production, through
   * the local SMTP sink started on `simPort` (0 = any free port) and shown at /sim/mail; in production
   * without SMTP_HOST, no e-mail (both null).
   */
  mail: { smtp: SmtpSettings | null; from: string; simPort: number | null };
  /** SMS to applicants: the simulated gateway (stores and logs, masked) or none. */
  sms: { provider: 'simulated' | 'off' };
  /** The portal's OpenID Connect provider (citizens and business representatives; docs/portal.md, Identity). */
  oidc: OidcConfig;
  /** Fees paid online (docs/portal.md, Payments). */
  payment: PaymentConfig;
  /** Signed e-results (docs/results.md). */
  eresult: EresultConfig;
  /** The national portal's dossier sync (docs/national-sync.md). */
  national: NationalConfig;
}

/**
 * The national public-service portal the dossiers are synced to. By default (outside production,
 * no NATIONAL_PORTAL_URL) the NATIONAL PORTAL SIMULATOR mounted at the app's own /sim/dvcqg.
 */
export interface NationalConfig {
  /** Null = no sync (production without NATIONAL_PORTAL_URL). */
  portal: { url: string; secret: string; systemId: string } | null;
  /** Mount the simulator under /sim/dvcqg (never in production). */
  simulator: boolean;
}

/**
 * Where the e-result signing keys come from. By default a CA of the system is generated at first
 * use under `caDir` (mode 0600), and each unit's key and certificate on its first e-result. In
 * production: `caP12` an imported CA (PKCS#12) that issues the unit certificates, and/or
 * `unitP12Dir` holding `<unit code>.p12` files imported per unit (their chain ends at that CA).
 */
export interface EresultConfig {
  caDir: string;
  caP12: { file: string; passphrase: string } | null;
  unitP12Dir: { dir: string; passphrase: string } | null;
  /** Public verification requests allowed per client address per minute. */
  verifyRateLimit: number;
}

/** BLOB_STORE=local (default: the folder `blobDir`) or s3 (every S3_* setting required). */
export type BlobStoreConfig =
  | { kind: 'local' }
  | { kind: 's3'; endpoint: string; bucket: string; region: string; accessKeyId: string; secretAccessKey: string };

/** The payment platform and its local simulator. */
export interface PaymentConfig {
  /** The platform, server to server; null = no online payment (production without PAYMENT_GATEWAY_URL). */
  gateway: { url: string; merchantId: string; secret: string } | null;
  /** The PAYMENT SIMULATOR that `npm start` runs beside the app (outside production, when no PAYMENT_GATEWAY_URL is given). */
  simulator: { port: number; publicUrl: string } | null;
  /** An order not paid within this many minutes can no longer be paid. */
  orderTtlMinutes: number;
  /** The reconciliation asks the platform about payments pending longer than this. */
  reconcileAfterMinutes: number;
}

/** Where citizens sign in. `issuer` null = the built-in simulator at `${publicUrl}/sim/idp`, read when first used. */
export interface OidcConfig {
  issuer: string | null;
  clientId: string;
  /** Null = a public client (PKCE only); with the simulator, derived from the session secret. */
  clientSecret: string | null;
  scopes: string;
  /** Mount the identity-provider SIMULATOR under /sim/idp (never in production). */
  simulator: boolean;
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
  if ((e.SMTP_USER === undefined) !== (e.SMTP_PASS === undefined)) {
    throw new ConfigError('SMTP_USER and SMTP_PASS go together: set both or neither.');
  }
  if (production && !e.PUBLIC_URL) {
    throw new ConfigError('PUBLIC_URL is required in production (it is printed in QR codes and e-mails).');
  }
  const simulator = e.OIDC_SIMULATOR ? e.OIDC_SIMULATOR === 'true' : !e.OIDC_ISSUER && !production;
  if (production && simulator) {
    throw new ConfigError('OIDC_SIMULATOR=true is refused in production: anyone could sign in as any demo citizen. Set OIDC_ISSUER to the real provider.');
  }
  const blobStore = blobStoreOf(e);
  const sessionSecret = e.SESSION_SECRET ?? embeddedSecret(dataDir);
  if (production && e.PAYMENT_GATEWAY_URL && !e.PAYMENT_SECRET) {
    throw new ConfigError('PAYMENT_SECRET (at least 32 characters, shared with the payment platform) is required with PAYMENT_GATEWAY_URL in production.');
  }
  const paymentSimulator = production || e.PAYMENT_GATEWAY_URL ? null : { port: e.PAYMENT_SIM_PORT, publicUrl: (e.PAYMENT_SIM_PUBLIC_URL ?? `http://localhost:${e.PAYMENT_SIM_PORT}`).replace(/\/$/, '') };
  if (production && e.NATIONAL_PORTAL_URL && !e.NATIONAL_PORTAL_SECRET) {
    throw new ConfigError('NATIONAL_PORTAL_SECRET (at least 32 characters, shared with the national portal) is required with NATIONAL_PORTAL_URL in production.');
  }
  const nationalSimulator = !production && !e.NATIONAL_PORTAL_URL;
  const nationalUrl = e.NATIONAL_PORTAL_URL ?? (nationalSimulator ? `http://127.0.0.1:${e.PORT}/sim/dvcqg` : null);
  const paymentUrl = e.PAYMENT_GATEWAY_URL ?? (paymentSimulator ? `http://127.0.0.1:${paymentSimulator.port}` : null);

  return {
    env: e.NODE_ENV,
    port: e.PORT,
    host: e.HOST,
    dataDir,
    blobDir: path.resolve(e.BLOB_DIR ?? path.join(dataDir, 'blobs')),
    blobStore,
    databaseUrl: e.DATABASE_URL,
    publicUrl: (e.PUBLIC_URL ?? `http://localhost:${e.PORT}`).replace(/\/$/, ''),
    sessionSecret,
    demoMode,
    logLevel: e.LOG_LEVEL,
    loginRateLimit: e.LOGIN_RATE_LIMIT,
    feedbackAnswerWorkingDays: e.FEEDBACK_ANSWER_WORKING_DAYS,
    mail: {
      smtp: e.SMTP_HOST
        ? { host: e.SMTP_HOST, port: e.SMTP_PORT ?? (e.SMTP_SECURE === 'true' ? 465 : 587), secure: e.SMTP_SECURE === 'true', user: e.SMTP_USER, pass: e.SMTP_PASS }
        : null,
      from: e.SMTP_FROM,
      simPort: e.SMTP_HOST || production ? null : e.MAIL_SIM_PORT,
    },
    sms: { provider: e.SMS_PROVIDER },
    oidc: {
      // kept exactly as given: discovery compares it with the provider's `issuer` character for character
      issuer: e.OIDC_ISSUER ?? null,
      clientId: e.OIDC_CLIENT_ID,
      // The simulator's client shares the process: its secret is derived, never stored or configured.
      clientSecret: e.OIDC_CLIENT_SECRET ?? (e.OIDC_ISSUER ? null : createHmac('sha256', sessionSecret).update('sim-idp-client-secret').digest('base64url')),
      scopes: e.OIDC_SCOPES,
      simulator,
    },
    payment: {
      gateway: paymentUrl ? { url: paymentUrl.replace(/\/$/, ''), merchantId: e.PAYMENT_MERCHANT_ID, secret: e.PAYMENT_SECRET ?? embeddedSecret(dataDir, 'payment-secret') } : null,
      simulator: paymentSimulator,
      orderTtlMinutes: e.PAYMENT_ORDER_TTL_MINUTES,
      reconcileAfterMinutes: e.PAYMENT_RECONCILE_AFTER_MINUTES,
    },
    eresult: {
      caDir: path.join(dataDir, 'eresult-ca'),
      caP12: e.ERESULT_CA_P12 ? { file: path.resolve(e.ERESULT_CA_P12), passphrase: e.ERESULT_CA_PASSPHRASE ?? '' } : null,
      unitP12Dir: e.ERESULT_UNIT_P12_DIR ? { dir: path.resolve(e.ERESULT_UNIT_P12_DIR), passphrase: e.ERESULT_UNIT_P12_PASSPHRASE ?? '' } : null,
      verifyRateLimit: e.VERIFY_RATE_LIMIT,
    },
    national: {
      portal: nationalUrl ? { url: nationalUrl.replace(/\/$/, ''), secret: e.NATIONAL_PORTAL_SECRET ?? embeddedSecret(dataDir, 'national-portal-secret'), systemId: e.NATIONAL_PORTAL_SYSTEM_ID } : null,
      simulator: nationalSimulator,
    },
  };
}

/** The blob store settings; BLOB_STORE=s3 names every missing S3_* variable (never a value). */
function blobStoreOf(e: z.infer<typeof envSchema>): BlobStoreConfig {
  if (e.BLOB_STORE === 'local') return { kind: 'local' };
  const { S3_ENDPOINT: endpoint, S3_BUCKET: bucket, S3_REGION: region, S3_ACCESS_KEY_ID: accessKeyId, S3_SECRET_ACCESS_KEY: secretAccessKey } = e;
  if (!endpoint || !bucket || !region || !accessKeyId || !secretAccessKey) {
    const missing = Object.entries({ S3_ENDPOINT: endpoint, S3_BUCKET: bucket, S3_REGION: region, S3_ACCESS_KEY_ID: accessKeyId, S3_SECRET_ACCESS_KEY: secretAccessKey })
      .filter(([, v]) => !v)
      .map(([k]) => k);
    throw new ConfigError(`BLOB_STORE=s3 requires ${missing.join(', ')}.`);
  }
  return { kind: 's3', endpoint: endpoint.replace(/\/$/, ''), bucket, region, accessKeyId, secretAccessKey };
}

/** Outside production a secret (the session's, the payment platform's) is generated once and kept in the data folder (mode 0600). */
function embeddedSecret(dataDir: string, name = 'session-secret'): string {
  const file = path.join(dataDir, name);
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
