/**
 * SQL of the Decision 766 index. The facts and counts are kept by the database itself (triggers in
 * migration 20261201_0400_index.sql); these functions read them, and rebuild them for the check.
 */
import { type Kysely, sql, type Transaction } from 'kysely';
import type { Grain } from '@core/index/facts';
import { MEASURES, type Measures } from '@core/index/facts';
import type { IndexSettings } from '@core/index/config';
import type { DB } from '../../db/schema';

type Q = Kysely<DB> | Transaction<DB>;

/** The day-period pieces of a query (core/index/facts.ts periodParts). */
export type PeriodParts = Record<Grain, string[]>;

const sumColumns = sql.raw(MEASURES.map((m) => `sum(${m})::bigint AS ${m}`).join(', '));

const measureColumns = sql.raw(MEASURES.join(', '));

/**
 * Sums per unit and procedure over a period, for a set of units: the folded counts (whole years,
 * months, days) and the deltas not yet folded (by day), in one statement, hence one snapshot.
 */
export async function countsByUnitProcedure(db: Q, unitIds: readonly string[], parts: PeriodParts, period: { from: string; to: string }): Promise<(Measures & { unit_id: string; procedure_id: string })[]> {
  if (unitIds.length === 0) return [];
  const { rows } = await sql<Record<string, string | number>>`
    SELECT unit_id, procedure_id, ${sumColumns}
    FROM (
      SELECT unit_id, procedure_id, ${measureColumns} FROM index_counts
      WHERE unit_id = ANY(${unitIds}::uuid[])
        AND ((grain = 'y' AND period = ANY(${parts.y}::date[]))
          OR (grain = 'm' AND period = ANY(${parts.m}::date[]))
          OR (grain = 'd' AND period = ANY(${parts.d}::date[])))
      UNION ALL
      SELECT unit_id, procedure_id, ${measureColumns} FROM index_count_deltas
      WHERE unit_id = ANY(${unitIds}::uuid[]) AND day BETWEEN ${period.from}::date AND ${period.to}::date
    ) x
    GROUP BY unit_id, procedure_id`.execute(db);
  return rows.map((r) => {
    const out = { unit_id: String(r.unit_id), procedure_id: String(r.procedure_id) } as Measures & { unit_id: string; procedure_id: string };
    for (const m of MEASURES) out[m] = Number(r[m]);
    return out;
  });
}

/** Folds the pending deltas into index_counts; answers how many delta rows were folded. */
export async function compactCounts(db: Q): Promise<number> {
  const { rows } = await sql<{ n: number }>`SELECT index_compact() AS n`.execute(db);
  return Number(rows[0]?.n ?? 0);
}

/** Per unit, the dossiers received before `end` and still open at `end` whose due instant is before `end` (TDGQ.1). */
export async function openLateByUnit(db: Q, unitIds: readonly string[], end: Date): Promise<Map<string, number>> {
  if (unitIds.length === 0) return new Map();
  const { rows } = await sql<{ unit_id: string; n: string | number }>`
    SELECT unit_id, count(*) AS n FROM index_facts
    WHERE ${openLateAt(end)} AND unit_id = ANY(${unitIds}::uuid[])
    GROUP BY unit_id`.execute(db);
  return new Map(rows.map((r) => [r.unit_id, Number(r.n)]));
}

/**
 * The condition "received before `end`, past its due and not finished at `end`" over index_facts
 * (alias-free), in the form index_facts_open_late_idx answers: the (due, finished] range holds `end`.
 */
export function openLateAt(end: Date) {
  return sql`(due_at IS NOT NULL AND received_at IS NOT NULL AND (finished_at IS NULL OR finished_at > due_at)
    AND tstzrange(due_at, GREATEST(due_at, COALESCE(finished_at, 'infinity'::timestamptz)), '(]') @> ${end}::timestamptz AND received_at < ${end})`;
}

/** A procedure as the index sees it: who is responsible, who implements it, its online level and completeness. */
export interface IndexProcedureRow {
  id: string;
  code: string;
  name: string;
  unit_id: string;
  online_level: 'full' | 'partial' | 'none';
  complete: boolean;
  implementing: string[];
}

/** Every active procedure with its implementing units (of its current version). */
export async function activeProcedures(db: Q): Promise<IndexProcedureRow[]> {
  const { rows } = await sql<IndexProcedureRow>`
    SELECT p.id, p.code, p.name, p.unit_id, p.online_level, p.complete,
           COALESCE(array_agg(pu.target_unit_id) FILTER (WHERE pu.target_unit_id IS NOT NULL), '{}') AS implementing
    FROM procedures p
    LEFT JOIN procedure_units pu ON pu.version_id = p.current_version_id AND pu.role = 'implementing'
    WHERE p.status = 'active'
    GROUP BY p.id
    ORDER BY p.code`.execute(db);
  return rows.map((r) => ({ ...r, implementing: parseUuidArray(r.implementing) }));
}

/** Names of procedures by id (drill-down and per-procedure tables also name abolished ones). */
export async function procedureNames(db: Q, ids: readonly string[]): Promise<Map<string, { code: string; name: string }>> {
  if (ids.length === 0) return new Map();
  const rows = await db.selectFrom('procedures').select(['id', 'code', 'name']).where('id', 'in', [...ids]).execute();
  return new Map(rows.map((r) => [r.id, { code: r.code, name: r.name }]));
}

// PGlite returns uuid[] as an array; node-postgres may return the text form for an aggregate.
function parseUuidArray(v: unknown): string[] {
  if (Array.isArray(v)) return v.map(String);
  if (typeof v === 'string') return v.replace(/^\{|\}$/g, '').split(',').filter(Boolean);
  return [];
}

/** The stored configuration, or null for the default. */
export async function findIndexSettings(db: Q): Promise<{ settings: unknown; updated_by: string; updated_at: Date } | undefined> {
  return db.selectFrom('index_settings').select(['settings', 'updated_by', 'updated_at']).executeTakeFirst();
}

/** Stores the configuration (one row). */
export async function saveIndexSettings(trx: Transaction<DB>, settings: IndexSettings, by: string, at: Date): Promise<void> {
  await trx
    .insertInto('index_settings')
    .values({ id: true, settings: JSON.stringify(settings), updated_by: by, updated_at: at })
    .onConflict((oc) => oc.column('id').doUpdateSet({ settings: JSON.stringify(settings), updated_by: by, updated_at: at }))
    .execute();
}

/** The condition selecting the facts of a drill-down population (see `drillCondition` in drill.ts). */
export type DrillWhere = ReturnType<typeof sql>;

/** One page of facts matching a condition, with the total, newest first. */
export async function drillFacts(db: Q, unitIds: readonly string[], where: DrillWhere, limit: number, offset: number) {
  const base = sql`FROM index_facts f WHERE f.unit_id = ANY(${unitIds}::uuid[]) AND ${where}`;
  const total = await sql<{ n: string | number }>`SELECT count(*) AS n ${base}`.execute(db);
  const { rows } = await sql<{
    code: string | null;
    source: 'live' | 'import';
    procedure_code: string;
    procedure_name: string;
    unit_code: string;
    status: number;
    received_at: Date | null;
    due_at: Date | null;
    finished_at: Date | null;
  }>`
    SELECT f.code, f.source, p.code AS procedure_code, p.name AS procedure_name, u.code AS unit_code, f.status, f.received_at, f.due_at, f.finished_at
    FROM (SELECT f.* ${base} ORDER BY COALESCE(f.finished_at, f.received_at) DESC NULLS LAST, f.dossier_id LIMIT ${limit} OFFSET ${offset}) f
    JOIN procedures p ON p.id = f.procedure_id
    JOIN units u ON u.id = f.unit_id
    ORDER BY COALESCE(f.finished_at, f.received_at) DESC NULLS LAST, f.dossier_id`.execute(db);
  return { total: Number(total.rows[0]?.n ?? 0), rows };
}

/** Procedures with a fee-requiring dossier received in the period, and whether one was paid online (TTTT.5's drill-down). */
export async function feeProcedureIds(db: Q, unitIds: readonly string[], from: string, to: string): Promise<{ procedure_id: string; paid_online: boolean }[]> {
  const { rows } = await sql<{ procedure_id: string; paid_online: boolean }>`
    SELECT procedure_id, bool_or(paid_online) AS paid_online FROM index_facts
    WHERE unit_id = ANY(${unitIds}::uuid[]) AND fee_required AND received_at IS NOT NULL
      AND index_day(received_at) BETWEEN ${from}::date AND ${to}::date
    GROUP BY procedure_id`.execute(db);
  return rows;
}
