import { type Kysely, type RawBuilder, sql, type Transaction } from 'kysely';
import type { DB } from '../../db/schema';

/** Filters of the public catalogue search. */
export interface SearchFilters {
  q?: string | undefined;
  field?: string | undefined;
  level?: string | undefined;
  /** Unit id: procedures it answers for or implements. */
  unitId?: string | undefined;
  online?: string | undefined;
  complete?: 'true' | 'false' | undefined;
  limit: number;
  offset: number;
}

/** One search hit (the projection columns). */
export interface SearchRow {
  code: string;
  name: string;
  field_code: string;
  field_name: string;
  level: string;
  online_level: string;
  processing_amount: string | null;
  processing_unit: string | null;
  unit_code: string;
  unit_name: string;
  total: number;
}

/** One folded query word: whether the vocabulary has it, and its nearest vocabulary words when not. */
export interface QueryWord {
  word: string;
  known: boolean;
  near: string[];
}

/**
 * Folds the query (lower case, no diacritics, đ → d) and splits it into words; each word not in the
 * vocabulary comes with its trigram nearest neighbours (GiST KNN) and, for short words, the words of
 * about its length with the same first letter — the candidates for a one-typo correction.
 */
export async function queryWords(db: Kysely<DB>, q: string): Promise<QueryWord[]> {
  const result = await sql<QueryWord>`
    WITH t AS (
      -- LIMIT also bounds the planner's row estimate: without it the plan looks costly enough to be JIT-compiled (15 ms).
      SELECT w, ord FROM regexp_split_to_table(catalogue_fold(${q}), '[^a-z0-9]+') WITH ORDINALITY AS x(w, ord) WHERE w <> '' LIMIT 20
    ), k AS (
      -- A join on the primary key, not EXISTS: EXISTS was planned as a hash of the whole vocabulary.
      SELECT t.w, t.ord, pw.word IS NOT NULL AS known FROM t LEFT JOIN procedure_words pw ON pw.word = t.w
    )
    SELECT k.w AS word, k.known,
      CASE WHEN k.known THEN ARRAY[]::text[] ELSE ARRAY(
        (SELECT pw.word FROM procedure_words pw ORDER BY pw.word <-> k.w LIMIT 12)
        UNION
        (SELECT pw.word FROM procedure_words pw
          WHERE length(k.w) <= 3 AND left(pw.word, 1) = left(k.w, 1) AND abs(length(pw.word) - length(k.w)) <= 1)
      ) END AS near
    FROM k ORDER BY k.ord`.execute(db);
  return result.rows;
}

/** Adds the folded words of these procedures' names to the search vocabulary. */
export async function addVocabulary(trx: Transaction<DB>, procedureIds: readonly string[]): Promise<void> {
  for (let i = 0; i < procedureIds.length; i += 1000) {
    const part = procedureIds.slice(i, i + 1000);
    await sql`
      INSERT INTO procedure_words (word)
      SELECT DISTINCT w FROM procedures, regexp_split_to_table(search_text, '[^a-z0-9]+') AS w
      WHERE procedures.id IN (${sql.join(part)}) AND w <> ''
      ON CONFLICT DO NOTHING`.execute(trx);
  }
}

function filtersOf(f: SearchFilters): RawBuilder<unknown>[] {
  return [
    sql`p.status = 'active'`,
    f.field ? sql`p.field_code = ${f.field}` : null,
    f.level ? sql`p.level = ${f.level}` : null,
    f.online ? sql`p.online_level = ${f.online}` : null,
    f.complete ? sql`p.complete = ${f.complete === 'true'}` : null,
    f.unitId
      ? // One index scan of the unit's rows hashed once, rather than a lookup per procedure.
        sql`(p.unit_id = ${f.unitId} OR p.current_version_id IN (SELECT pu.version_id FROM procedure_units pu WHERE pu.target_unit_id = ${f.unitId}))`
      : null,
  ].filter((x) => x !== null);
}

async function select(db: Kysely<DB>, f: SearchFilters, where: RawBuilder<unknown>[], order: RawBuilder<unknown>, from: RawBuilder<unknown> = sql`procedures p`): Promise<SearchRow[]> {
  const result = await sql<SearchRow>`
    SELECT p.code, p.name, p.field_code, p.field_name, p.level, p.online_level, p.processing_amount::text AS processing_amount,
           p.processing_unit, u.code AS unit_code, u.name AS unit_name, count(*) OVER () AS total
    FROM ${from} JOIN units u ON u.id = p.unit_id
    WHERE ${sql.join([...filtersOf(f), ...where], sql` AND `)}
    ORDER BY ${order}
    LIMIT ${f.limit} OFFSET ${f.offset}`.execute(db);
  return result.rows;
}

/**
 * Best match first among names that all contain the query words: the exact name, then names starting
 * with the phrase, then names containing it as typed, then the shortest (fewest extra words). Cheap
 * comparisons only, so ranking a thousand hits costs little.
 */
function rankBy(phrase: string): RawBuilder<unknown> {
  return sql`(p.search_text = ${phrase}) DESC, (p.search_text LIKE ${`${phrase}%`}) DESC, (p.search_text LIKE ${`%${phrase}%`}) DESC, length(p.search_text), p.name, p.code`;
}

/** Browsing by filters only (field, level, unit, online), by field then name. */
export async function searchByFilters(db: Kysely<DB>, f: SearchFilters): Promise<SearchRow[]> {
  return select(db, f, [], sql`p.field_name, p.name, p.code`);
}

/** Procedures whose national code starts with the query. */
export async function searchByCode(db: Kysely<DB>, f: SearchFilters, prefix: string): Promise<SearchRow[]> {
  return select(db, f, [sql`p.code LIKE ${`${prefix.replace(/[\\%_]/g, '')}%`}`], sql`p.code`);
}

/**
 * Names containing every query word (each word given with its accepted spellings), best match first
 * (`rankBy`). LIKE on the folded name can use the trigram GIN index.
 */
export async function searchByWords(db: Kysely<DB>, f: SearchFilters, words: readonly string[][], phrase: string): Promise<SearchRow[]> {
  const where = words.map((alts) => sql`(${sql.join(alts.map((w) => sql`p.search_text LIKE ${`%${w}%`}`), sql` OR `)})`);
  return select(db, f, where, rankBy(phrase));
}

/**
 * Names containing most of the query words (at least half), those with more of them first: for a
 * query with a word no procedure name has ("cấp giấy chứng nhận quyền sử dụng đất lần đầu").
 */
export async function searchByMostWords(db: Kysely<DB>, f: SearchFilters, words: readonly string[][], phrase: string): Promise<SearchRow[]> {
  const hits = sql.join(
    words.map((alts) => sql`(${sql.join(alts.map((w) => sql`p.search_text LIKE ${`%${w}%`}`), sql` OR `)})::int`),
    sql` + `,
  );
  // The count is computed once per row in a subquery, then filtered and sorted on.
  return select(
    db,
    f,
    [sql`p.hits >= ${Math.ceil(words.length / 2)}`],
    sql`p.hits DESC, ${rankBy(phrase)}`,
    sql`(SELECT p.*, ${hits} AS hits FROM procedures p) p`,
  );
}

/** Last resort for queries no word matches: trigram word similarity of the whole query (slower: compares every name). */
export async function searchFuzzy(db: Kysely<DB>, f: SearchFilters, q: string): Promise<SearchRow[]> {
  return select(db, f, [sql`p.search_text %> catalogue_fold(${q})`], sql`word_similarity(catalogue_fold(${q}), p.search_text) DESC, p.name, p.code`);
}

/** Fields (lĩnh vực) of the active catalogue with their procedure counts per level. */
export async function listFields(db: Kysely<DB>) {
  const result = await sql<{ code: string; name: string; level: string; count: number }>`
    SELECT field_code AS code, max(field_name) AS name, level, count(*)::int AS count
    FROM procedures WHERE status = 'active'
    GROUP BY field_code, level ORDER BY max(field_name), level`.execute(db);
  return result.rows;
}

/** Units with active procedures: how many each answers for, and how many it carries out or receives. */
export async function listProcedureUnits(db: Kysely<DB>) {
  const result = await sql<{ code: string; name: string; kind: string; responsible: number; implementing: number }>`
    SELECT u.code, u.name, u.kind,
      (SELECT count(*)::int FROM procedures p WHERE p.status = 'active' AND p.unit_id = u.id) AS responsible,
      (SELECT count(DISTINCT p.id)::int FROM procedures p JOIN procedure_units pu ON pu.version_id = p.current_version_id
        WHERE p.status = 'active' AND pu.target_unit_id = u.id) AS implementing
    FROM units u
    WHERE u.valid_to IS NULL
      AND (EXISTS (SELECT 1 FROM procedures p WHERE p.status = 'active' AND p.unit_id = u.id)
        OR EXISTS (SELECT 1 FROM procedure_units pu JOIN procedures p ON p.current_version_id = pu.version_id WHERE pu.target_unit_id = u.id AND p.status = 'active'))
    ORDER BY u.code`.execute(db);
  return result.rows;
}
