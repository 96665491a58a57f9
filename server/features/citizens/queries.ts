import { type Kysely, type Transaction, sql } from 'kysely';
import type { DB } from '../../db/schema';

type Q = Kysely<DB> | Transaction<DB>;

/** A live portal session with its citizen and the organisations they may act for, in one round trip. */
export async function findLiveCitizenSession(db: Q, tokenHash: string, now: Date) {
  const r = await sql<{
    csrf_token: string;
    acting_for: string | null;
    created_at: Date;
    last_seen_at: Date;
    expires_at: Date;
    citizen_id: string;
    id_number: string;
    full_name: string;
    level: 'basic' | 'verified';
    email: string | null;
    phone: string | null;
    organisations: { tax_code: string; name: string }[];
  }>`SELECT s.csrf_token, s.acting_for, s.created_at, s.last_seen_at, s.expires_at,
      c.id AS citizen_id, c.id_number, c.full_name, c.level, c.email, c.phone,
      (SELECT coalesce(json_agg(json_build_object('tax_code', r.tax_code, 'name', r.organisation_name) ORDER BY r.tax_code), '[]')
        FROM citizen_representations r WHERE r.citizen_id = c.id) AS organisations
    FROM citizen_sessions s JOIN citizens c ON c.id = s.citizen_id
    WHERE s.token_hash = ${tokenHash} AND s.expires_at > ${now}`.execute(db);
  return r.rows[0];
}

export async function touchCitizenSession(db: Q, tokenHash: string, now: Date, expiresAt: Date) {
  await db.updateTable('citizen_sessions').set({ last_seen_at: now, expires_at: expiresAt }).where('token_hash', '=', tokenHash).execute();
}

export async function insertCitizenSession(
  trx: Transaction<DB>,
  s: { token_hash: string; citizen_id: string; csrf_token: string; acting_for: string | null; expires_at: Date; ip: string | null; user_agent: string | null },
) {
  await trx.insertInto('citizen_sessions').values(s).execute();
}

export async function deleteCitizenSession(trx: Transaction<DB>, tokenHash: string) {
  await trx.deleteFrom('citizen_sessions').where('token_hash', '=', tokenHash).execute();
}

/** What the identity provider asserted about a person at sign-in. */
export interface CitizenClaims {
  issuer: string;
  subject: string;
  idNumber: string;
  fullName: string;
  birthDate: string | null;
  email: string | null;
  phone: string | null;
  address: string | null;
  level: 'basic' | 'verified';
  organisations: { taxCode: string; name: string }[];
}

/** Creates or refreshes the citizen from the provider's claims (and the organisations they represent); returns the citizen id. */
export async function upsertCitizen(trx: Transaction<DB>, c: CitizenClaims, now: Date): Promise<string> {
  const row = await trx
    .insertInto('citizens')
    .values({
      issuer: c.issuer,
      subject: c.subject,
      id_number: c.idNumber,
      full_name: c.fullName,
      birth_date: c.birthDate,
      email: c.email,
      phone: c.phone,
      address: c.address,
      level: c.level,
      last_login_at: now,
    })
    .onConflict((oc) =>
      oc.columns(['issuer', 'subject']).doUpdateSet({
        id_number: c.idNumber,
        full_name: c.fullName,
        birth_date: c.birthDate,
        email: c.email,
        phone: c.phone,
        address: c.address,
        level: c.level,
        last_login_at: now,
        updated_at: now,
      }),
    )
    .returning('id')
    .executeTakeFirstOrThrow();
  await trx.deleteFrom('citizen_representations').where('citizen_id', '=', row.id).execute();
  if (c.organisations.length > 0)
    await trx
      .insertInto('citizen_representations')
      .values(c.organisations.map((o) => ({ citizen_id: row.id, tax_code: o.taxCode, organisation_name: o.name })))
      .execute();
  return row.id;
}

/** Sets the organisation a portal session acts for (null = for the person themselves). */
export async function updateCitizenSessionActingFor(trx: Transaction<DB>, tokenHash: string, actingFor: string | null) {
  await trx.updateTable('citizen_sessions').set({ acting_for: actingFor }).where('token_hash', '=', tokenHash).execute();
}
