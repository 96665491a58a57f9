/** `npm run db:migrate`: applies pending migrations to the configured database (DATABASE_URL or the embedded one). */
import { loadConfig } from '../server/config/config';
import { openDatabase } from '../server/db/database';
import { migrate } from '../server/db/migrate';

const config = loadConfig();
const database = await openDatabase({ databaseUrl: config.databaseUrl, dataDir: config.dataDir });
const applied = await migrate(database.db, (v) => console.log(`applying ${v}`));
console.log(applied.length === 0 ? 'nothing to apply: schema is up to date' : `applied ${applied.length} migration(s)`);
await database.close();
