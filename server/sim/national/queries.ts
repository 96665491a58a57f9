/** The NATIONAL PORTAL SIMULATOR's SQL: the dossier versions it received, once per (code, version). */
import type { Kysely } from 'kysely';
import type { DB } from '../../db/schema';

/** A dossier version as the simulator keeps it. */
export interface ReceivedDossier {
  systemId: string;
  code: string;
  version: number;
  procedureCode: string;
  agencyCode: string;
  channel: number;
  status: number;
  payload: Record<string, unknown>;
}

/** Stores a version unless it is already held; answers when it was first received and whether this call stored it. */
export async function receiveSimNationalDossier(db: Kysely<DB>, d: ReceivedDossier): Promise<{ receivedAt: Date; duplicate: boolean }> {
  const inserted = await db
    .insertInto('sim_national_dossiers')
    .values({
      system_id: d.systemId,
      code: d.code,
      version: d.version,
      procedure_code: d.procedureCode,
      agency_code: d.agencyCode,
      channel: d.channel,
      status: d.status,
      payload: JSON.stringify(d.payload),
    })
    .onConflict((oc) => oc.columns(['code', 'version']).doNothing())
    .returning('received_at')
    .executeTakeFirst();
  if (inserted) return { receivedAt: inserted.received_at, duplicate: false };
  const held = await db.selectFrom('sim_national_dossiers').select('received_at').where('code', '=', d.code).where('version', '=', d.version).executeTakeFirstOrThrow();
  return { receivedAt: held.received_at, duplicate: true };
}

/** The newest receptions first, optionally of one dossier code; and how many are held in all. */
export async function listSimNationalDossiers(db: Kysely<DB>, opts: { code?: string; limit?: number } = {}) {
  let q = db.selectFrom('sim_national_dossiers').select(['id', 'code', 'version', 'procedure_code', 'agency_code', 'channel', 'status', 'payload', 'received_at']);
  if (opts.code) q = q.where('code', '=', opts.code);
  const rows = await q
    .orderBy('received_at', 'desc')
    .orderBy('code')
    .orderBy('version', 'desc')
    .limit(opts.limit ?? 200)
    .execute();
  const total = await db.selectFrom('sim_national_dossiers').select((eb) => eb.fn.countAll<string>().as('n')).executeTakeFirstOrThrow();
  return { rows, total: Number(total.n) };
}
