import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type TestApp, createTestApp } from '../../../tests/support/app';
import { ENGINES } from '../../../tests/support/database';
import { verifyAuditChains } from './verify';

describe.each(ENGINES)('tamper-evident audit trail (%s)', (engine) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp(engine);
    // A few real events in one chain: three sign-ins of the same user.
    for (let i = 0; i < 3; i++) await t.login('giamdoc');
  });
  afterAll(() => t.close());

  const db = () => t.database.db;
  const giamdocChain = async () => (await t.login('giamdoc')).me.user.unitId as string;

  it('the seeded and new events verify end to end', async () => {
    const report = await verifyAuditChains(db());
    expect(report.ok).toBe(true);
    expect(report.events).toBeGreaterThan(50);
    const api = await (await t.login('kiemsoat')).get('/api/v1/audit/verify');
    expect(api.json()).toMatchObject({ ok: true, firstBroken: null });
  });

  it('the database refuses UPDATE and DELETE on audit events', async () => {
    await expect(sql`UPDATE audit_events SET action = 'x'`.execute(db())).rejects.toThrow(/append-only/);
    await expect(sql`DELETE FROM audit_events`.execute(db())).rejects.toThrow(/append-only/);
  });

  it('lists events newest first within the reader’s units, with a working cursor', async () => {
    const c = await t.login('kiemsoat');
    const first = (await c.get('/api/v1/audit/events?limit=5')).json();
    expect(first.events).toHaveLength(5);
    const second = (await c.get(`/api/v1/audit/events?limit=5&before=${first.nextCursor}`)).json();
    expect(second.events[0].occurredAt <= first.events[4].occurredAt).toBe(true);
    expect(second.events.map((e: { hash: string }) => e.hash)).not.toContain(first.events[4].hash);
    expect((await c.get('/api/v1/audit/events?before=not-a-cursor')).json().error.code).toBe('VALIDATION_FAILED');
  });

  it('detects an edited event (someone bypassed the trigger)', async () => {
    const chain = await giamdocChain();
    const original = await db().selectFrom('audit_events').select('actor_name').where('chain_key', '=', chain).where('seq', '=', 2).executeTakeFirstOrThrow();
    await sql`ALTER TABLE audit_events DISABLE TRIGGER audit_events_no_update`.execute(db());
    await sql`UPDATE audit_events SET actor_name = 'someone-else' WHERE chain_key = ${chain} AND seq = 2`.execute(db());
    const report = await verifyAuditChains(db());
    expect(report.ok).toBe(false);
    expect(report.firstBroken).toEqual({ chainKey: chain, seq: 2, reason: 'hash_mismatch' });
    await sql`UPDATE audit_events SET actor_name = ${original.actor_name} WHERE chain_key = ${chain} AND seq = 2`.execute(db());
    expect((await verifyAuditChains(db())).ok).toBe(true);
  });

  it('detects a deleted event in the middle and a truncated tail', async () => {
    const chain = await giamdocChain();
    await sql`DELETE FROM audit_events WHERE chain_key = ${chain} AND seq = 3`.execute(db());
    expect((await verifyAuditChains(db())).firstBroken).toEqual({ chainKey: chain, seq: 3, reason: 'seq_gap' });
    const last = await db().selectFrom('audit_chains').select('last_seq').where('chain_key', '=', chain).executeTakeFirstOrThrow();
    await sql`DELETE FROM audit_events WHERE chain_key = ${chain} AND seq >= 3`.execute(db());
    const report = await verifyAuditChains(db());
    expect(report.firstBroken).toEqual({ chainKey: chain, seq: 3, reason: 'head_mismatch' });
    expect(last.last_seq).toBeGreaterThan(3);
    await sql`ALTER TABLE audit_events ENABLE TRIGGER audit_events_no_update`.execute(db());
  });
});
