import { mkdtempSync } from 'node:fs';
import { type AddressInfo, createServer } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { buildApp } from '../../server/app';
import { loadConfig } from '../../server/config/config';
import { openDatabase } from '../../server/db/database';
import { migrate } from '../../server/db/migrate';
import { seedDemo } from '../../server/seed/demo';
import { WEB_DIST } from '../../server/http/web-client';
import { DEMO_MERCHANT_NAME, type PaymentSimulator, startPaymentSimulator } from '../../server/sim/payment/server';

/** The merchant secret the app and the payment simulator share in browser tests. */
const PAYMENT_SECRET = 'browser-test-payment-secret-0123456789abcdef';
const MERCHANT_ID = 'MOTCUA-HP';

/** A loopback port free right now, so that PUBLIC_URL can name it before the app is built. */
async function freePort(): Promise<number> {
  const probe = createServer();
  await new Promise<void>((resolve) => probe.listen(0, '127.0.0.1', resolve));
  const { port } = probe.address() as AddressInfo;
  await new Promise<void>((resolve) => probe.close(() => resolve()));
  return port;
}

/** The running system of a browser test: the app and the payment simulator beside it. */
export interface TestServer {
  url: string;
  paymentSimulator: PaymentSimulator;
  close(): Promise<void>;
}

/**
 * The whole system on a fresh, demo-seeded in-memory database, listening on a free loopback port
 * and serving the built web client (`npm run build:web` first), with the payment simulator beside
 * it as `npm start` runs it. PUBLIC_URL names the app's real address: the identity-provider
 * simulator's issuer, the sign-in's redirect URI and the payment platform's return address use it.
 * For browser tests.
 */
export async function startTestServer(opts: { now?: () => number } = {}): Promise<TestServer> {
  const database = await openDatabase({ dataDir: null });
  await migrate(database.db);
  await seedDemo(database.db);
  const paymentSimulator = await startPaymentSimulator({
    port: 0,
    merchants: [{ id: MERCHANT_ID, secret: PAYMENT_SECRET, name: DEMO_MERCHANT_NAME }],
    retryDelaysMs: [200, 1_000],
  });
  const port = await freePort();
  const config = loadConfig({
    NODE_ENV: 'test',
    PORT: String(port),
    PUBLIC_URL: `http://127.0.0.1:${port}`,
    DATA_DIR: mkdtempSync(path.join(os.tmpdir(), 'motcua-browser-')),
    SESSION_SECRET: 'browser-test-secret-browser-test-secret-0123',
    LOG_LEVEL: 'silent',
    LOGIN_RATE_LIMIT: '10000',
    PAYMENT_MERCHANT_ID: MERCHANT_ID,
    PAYMENT_SECRET,
    PAYMENT_SIM_PORT: new URL(paymentSimulator.url).port,
    PAYMENT_SIM_PUBLIC_URL: paymentSimulator.url,
  });
  const app = await buildApp({ config, database, version: 'test', now: opts.now }, { webDist: WEB_DIST });
  await app.listen({ port, host: '127.0.0.1' });
  return {
    url: config.publicUrl,
    paymentSimulator,
    close: async () => {
      await app.close();
      await paymentSimulator.close();
      await database.close();
    },
  };
}
