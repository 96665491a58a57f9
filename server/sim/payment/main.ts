/**
 * The PAYMENT SIMULATOR as its own process: `node --import tsx server/sim/payment/main.ts`, started
 * by `npm start` (scripts/start.ts) beside the app and stopped with it. Port PAYMENT_SIM_PORT
 * (3100); the merchant secret is the app's (PAYMENT_SECRET, or DATA_DIR/payment-secret).
 */
import path from 'node:path';
import { ConfigError, loadConfig } from '../../config/config';
import { DEMO_MERCHANT_NAME, startPaymentSimulator } from './server';

const say = (msg: string) => process.stdout.write(`[payment-sim] ${msg}\n`);

async function main(): Promise<void> {
  let config: ReturnType<typeof loadConfig>;
  try {
    config = loadConfig();
  } catch (err) {
    console.error(err instanceof ConfigError ? err.message : err);
    process.exit(1);
  }
  const { simulator, gateway } = config.payment;
  if (!simulator || !gateway) {
    console.error('The payment simulator runs only outside production and when no PAYMENT_GATEWAY_URL is configured.');
    process.exit(1);
  }
  const sim = await startPaymentSimulator({
    port: simulator.port,
    host: config.host,
    publicUrl: simulator.publicUrl,
    merchants: [{ id: gateway.merchantId, secret: gateway.secret, name: DEMO_MERCHANT_NAME }],
    ordersFile: path.join(config.dataDir, 'payment-sim', 'orders.json'),
    log: say,
  });
  say(`CỔNG THANH TOÁN MÔ PHỎNG (payment platform SIMULATOR, no real money) ready at ${simulator.publicUrl}`);
  let stopping = false;
  const stop = async () => {
    if (stopping) return;
    stopping = true;
    await sim.close();
    process.exit(0);
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
  // started with an IPC channel by scripts/start.ts: when the app's process ends, so does this one
  process.once('disconnect', stop);
}

await main();
