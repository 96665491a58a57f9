import { readFileSync } from 'node:fs';
import { buildApp } from './app';
import { ConfigError, loadConfig, type Config } from './config/config';
import { type Database, openDatabase } from './db/database';
import { migrate } from './db/migrate';
import { JOB_POLL_MS, backgroundJobs } from './jobs/background';
import { startJobLoop } from './jobs/runner';
import { activeDemoAccounts } from './features/users/queries';
import { isEmpty, seedDemo, seedDemoDossiers } from './seed/demo';
import { seedDemoReform } from './seed/reform';
import { seedDemoInternalProcedures } from './seed/internal-procedures';
import { seedDemoWarehouse } from './seed/warehouse';
import { signingAuthority } from './features/eresults/authority';
import { generateHistory } from './features/index/generate';
import { blobStoreFrom } from './blobs/open';
import { notificationServices } from './features/notifications/services';
import { paymentDeps } from './features/payments/deps';
import { nationalSyncDeps } from './features/national-sync/sync';
import { startMailSink } from './sim/mail/sink';

export const VERSION: string = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')).version;

const say = (msg: string) => process.stdout.write(`[motcua] ${msg}\n`);

/** Opens the configured database and brings it up to date (see initialiseDatabase). */
export async function prepareDatabase(config: Config): Promise<Database> {
  const started = Date.now();
  say(config.databaseUrl ? 'connecting to PostgreSQL' : `opening embedded database in ${config.dataDir}/pglite (the first start initialises it, ~5 s)`);
  const database = await openDatabase({ databaseUrl: config.databaseUrl, dataDir: config.dataDir });
  try {
    await initialiseDatabase(database, config);
  } catch (err) {
    await database.close();
    throw err;
  }
  say(`database ready in ${((Date.now() - started) / 1000).toFixed(1)} s (${database.engine})`);
  return database;
}


/** Synthetic history of the demo: three years before the demo dossiers (which cover the last 91 days). */
const DEMO_HISTORY_DOSSIERS = 20_000;
const DEMO_HISTORY_GAP_MS = 92 * 86_400_000;
/** Migrates, seeds the demo on an empty database in demo mode, and refuses active demo accounts in production. */
export async function initialiseDatabase(database: Database, config: Config, log: (msg: string) => void = say): Promise<void> {
  const applied = await migrate(database.db, (v) => log(`applying migration ${v}`));
  if (applied.length === 0) log('database schema is up to date');
  if (config.demoMode && (await isEmpty(database.db))) {
    log('seeding demo data (Hải Phòng organisation, demo accounts)');
    await seedDemo(database.db, (m) => log(`  ${m}`));
    // blocking, before the violation sweep starts: it would judge half-simulated dossiers by the real clock
    log('seeding demo dossiers (through the dossier commands; ~10 s on the first start)');
    const blobs = blobStoreFrom(config);
    const issuing = { authority: signingAuthority(config.eresult), blobs, publicUrl: config.publicUrl };
    await seedDemoDossiers(database.db, { blobs, issuing, onProgress: (m) => log(`  ${m}`) });
    log(`  ${await seedDemoWarehouse(database.db, blobStoreFrom(config))} demo documents in the electronic data warehouse`);
    // the years before the system: imported history, so the index has a past to compare with (its trend, the ranking over a year)
    const history = await generateHistory(database.db, { dossiers: DEMO_HISTORY_DOSSIERS, seed: 766, now: new Date(Date.now() - DEMO_HISTORY_GAP_MS), allFinished: true, importedBy: 'demo' });
    log(`  ${history.dossiers} dossiers of demo history (${history.from} … ${history.to}), imported as read-only history for the index`);
    log(`  ${await seedDemoReform(database.db, { blobs: blobStoreFrom(config) })} demo reform tasks (Plans 259/KH-UBND and 242/KH-UBND)`);
    log(`  ${await seedDemoInternalProcedures(database.db)} demo internal procedures (Plan 242 / Decision 1085)`);
  }
  if (config.env === 'production') {
    const demo = await activeDemoAccounts(database.db);
    if (demo.length > 0) throw new ConfigError(`Refusing to start in production: demo accounts are active (${demo.join(', ')}). Disable them first.`);
  }
}

/** Starts the whole service and keeps it running until SIGINT/SIGTERM. */
export async function main(): Promise<void> {
  const t0 = Date.now();
  let config: Config;
  try {
    config = loadConfig();
  } catch (err) {
    if (err instanceof ConfigError) {
      console.error(err.message);
      process.exit(1);
    }
    throw err;
  }
  const database = await prepareDatabase(config).catch((err: unknown) => {
    console.error(err instanceof Error ? err.message : err);
    process.exit(1);
  });
  const app = await buildApp({ config, database, version: VERSION });
  // the local SMTP sink of the embedded default: applicants' e-mails land there, /sim/mail shows them
  const mailSink =
    config.mail.simPort === null
      ? null
      : await startMailSink(database.db, { port: config.mail.simPort, log: app.log }).catch((err: unknown) => {
          console.error(err instanceof Error ? err.message : err);
          process.exit(1);
        });
  await app.listen({ port: config.port, host: config.host });
  say(`ready in ${((Date.now() - t0) / 1000).toFixed(1)} s at ${config.publicUrl}  (API docs: ${config.publicUrl}/api/docs)`);
  if (config.payment.simulator) say(`payment SIMULATOR (CỔNG THANH TOÁN MÔ PHỎNG) at ${config.payment.simulator.publicUrl}, started beside the app by npm start`);
  if (config.national.simulator) say(`national portal SIMULATOR (CỔNG DỊCH VỤ CÔNG QUỐC GIA MÔ PHỎNG) at ${config.publicUrl}/sim/dvcqg: dossiers are synced there`);
  if (config.demoMode) say('demo accounts: admin, kiemsoat, chutich, giamdoc, lanhdao, chuyenvien, motcua, motcua.xa — password demo123');
  // background work (the violation sweep…) runs here, not in buildApp: tests build the app without it
  if (mailSink) say(`SMTP sink (simulator) on 127.0.0.1:${mailSink.port}; e-mails and SMS at ${config.publicUrl}/sim/mail`);
  const notify = notificationServices(config, database.db, app.log, mailSink?.port ?? null);
  const jobs = backgroundJobs(database.db, { notify, payments: paymentDeps(config, database.db, app.log), national: nationalSyncDeps(config, database.db, app.log), reform: { mail: notify.mail, publicUrl: config.publicUrl, log: app.log } });
  const stopJobs = startJobLoop(database.db, jobs.handlers, JOB_POLL_MS, { recurring: jobs.recurring, onError: (err) => app.log.error({ err }, 'background job poll failed') });
  const stop = async () => {
    await stopJobs();
    await notify.mail?.close();
    await mailSink?.close();
    await app.close();
    await database.close();
    process.exit(0);
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
}

if (import.meta.url === `file://${process.argv[1]}`) await main();
