/**
 * The counter intake in one request: the officer has checked the papers at the desk, so the dossier
 * is registered with its scanned components and, when the officer ticks the checklist, accepted and
 * numbered at once. Each dossier keeps one audit event per step (created, files attached, accepted),
 * exactly as the three separate requests would write them.
 */
import { randomUUID } from 'node:crypto';
import type { Insertable, Kysely } from 'kysely';
import type { Role } from '@core/access/roles';
import { formatDate, localDay } from '@core/calendar/time';
import { WorkingCalendar } from '@core/calendar/working-calendar';
import { type Decision, decide } from '@core/dossier/decide';
import { formatDossierCode } from '@core/dossier/dossier-code';
import { type Dossier, newDossier } from '@core/dossier/dossier';
import type { IntakeBody } from '@core/dossier/intake';
import type { DB } from '../../db/schema';
import type { DossierFileRow, DossierRow, DossiersTable } from '../../db/tables/dossiers';
import { type AuditEntry, linkAudit } from '../audit/append';
import { actionNotification } from '../notifications/actions';
import { enqueueNotifications } from '../notifications/enqueue';
import { stateColumns } from './columns';
import { type IntakeProcedure, type StoredFile, actionEvent, createdEvent, filesEvent, fileRows, intakeRow, violationRows, type Who } from './commands';
import type { Outcome } from './group-commit';
import { insertIntakes, nextDossierNumbers } from './queries';
import type { ProcedureRules } from './rules';

/** One counter intake, checked and with its files in the blob store, waiting to be written. */
export interface CounterIntake {
  ctx: Who;
  /** The receiving unit: the officer's own. */
  unit: { id: string; code: string };
  procedure: IntakeProcedure;
  rules: ProcedureRules;
  body: IntakeBody;
  files: StoredFile[];
  /** The accept action's input without the code (the group gives it); absent = register as `new` only. */
  accept?: { components: string[]; receipt?: boolean };
  /** The roles the officer holds over the unit, for `decide`. */
  roles: Role[];
}

/** A written counter intake. */
export interface CounterIntakeResult {
  row: DossierRow;
  files: DossierFileRow[];
  /** The accept decision (forms issued, state), null when only registered. */
  decision: Decision | null;
  /** The receiving unit's calendar the group was decided on. */
  calendar: WorkingCalendar;
}

/** What deciding an intake needs (everything but the files). */
type Decidable = Pick<CounterIntake, 'ctx' | 'unit' | 'rules' | 'body' | 'accept' | 'roles'>;

/** Registered state and the accept decision of one intake, the code given by `no` (null: only registered). */
function decideIntake(item: Decidable, calendar: WorkingCalendar, now: number, no: number | null): { fresh: Dossier; decision: Decision | null } {
  const { body, unit, rules, accept } = item;
  const fresh = newDossier({ unitCode: unit.code, channel: body.channel, returnMethod: body.returnMethod, submittedAt: now });
  if (!accept || no === null) return { fresh, decision: null };
  const decision = decide(fresh, 'accept', { id: item.ctx.actor.id, roles: item.roles }, { ...accept, code: formatDossierCode(unit.code, now, no) }, {
    now,
    calendar,
    policy: rules.policy,
    components: rules.checklist,
    expectedVersion: fresh.version,
  });
  return { fresh, decision };
}

/** The row as stored (and as a select reads it back), from the values written: nothing to read again. */
function storedRow(row: Insertable<DossiersTable> & { id: string; created_at: Date; updated_at: Date }, state: Dossier): DossierRow {
  return {
    ...row,
    code: row.code ?? null,
    received_at: row.received_at ?? null,
    due_at: row.due_at ?? null,
    at_risk_at: row.at_risk_at ?? null,
    overdue_at: row.overdue_at ?? null,
    clock_running: row.clock_running ?? false,
    finished_at: row.finished_at ?? null,
    national_synced_at: row.national_synced_at ?? null,
    national_synced_version: row.national_synced_version ?? null,
    assignee_id: row.assignee_id ?? null,
    postal_tracking: row.postal_tracking ?? null,
    postal_delivered_at: row.postal_delivered_at ?? null,
    created_by: row.created_by ?? null,
    applicant_contact: JSON.parse(row.applicant_contact ?? '{}'),
    state,
  };
}

let checkCalendar: WorkingCalendar | undefined;

/**
 * Checks an intake's accept before its files are stored (a refused request keeps nothing): role,
 * input and ticked components. The calendar only dates the clock, so the default one serves; the
 * group commit decides again on the unit's own.
 */
export function checkIntake(item: Decidable, now: number): void {
  checkCalendar ??= new WorkingCalendar();
  decideIntake(item, checkCalendar, now, 1);
}

/**
 * Writes a group of counter intakes of one unit in one transaction: the accepted ones take
 * consecutive numbers of the day under the unit's sequence lock, then every row and audit event is
 * written. Each intake passed `checkIntake` before its files were stored, so the decisions here do
 * not fail on the input; if one fails all the same, the transaction (numbers included) rolls back
 * and the group committer retries each intake alone. `now` is the group's: receipt and numbering
 * happen together.
 */
export async function registerCounterIntakes(db: Kysely<DB>, calendar: WorkingCalendar, items: readonly CounterIntake[], now: number): Promise<Outcome<CounterIntakeResult>[]> {
  const outcomes: Outcome<CounterIntakeResult>[] = new Array(items.length);
  const indexes = items.map((_, i) => i);
  const at = new Date(now);
  await db.transaction().execute(async (trx) => {
    const accepting = indexes.filter((i) => items[i]!.accept);
    const first = accepting.length > 0 ? await nextDossierNumbers(trx, items[0]!.unit.id, formatDate(localDay(now)), accepting.length) : 0;
    const decided = indexes.map((i) => {
      const item = items[i]!;
      const k = accepting.indexOf(i);
      const { fresh, decision } = decideIntake(item, calendar, now, k < 0 ? null : first + k);
      const id = randomUUID();
      const base = intakeRow(item.unit.id, item.procedure, item.body, fresh, item.ctx.actor.id, now);
      const row = { ...(decision ? { ...base, ...stateColumns(decision.dossier, decision.deadline, calendar, now, null) } : base), id, created_at: at, updated_at: at };
      return { i, item, fresh, decision, row, stored: storedRow(row, decision?.dossier ?? fresh) };
    });
    const files: DossierFileRow[] = decided.flatMap((d) => fileRows(d.item.ctx, d.row, d.item.files).map((f) => ({ ...f, id: randomUUID(), uploaded_at: at })));
    const violations = decided.flatMap((d) => (d.decision ? violationRows(d.row, d.decision).map((v) => ({ ...v, created_at: at })) : []));
    const entries: AuditEntry[] = [];
    for (const d of decided) {
      entries.push(createdEvent(d.item.ctx, d.row, d.item.procedure.code, d.item.body, at));
      if (d.item.files.length > 0) entries.push(filesEvent(d.item.ctx, d.row, d.item.files, at));
      if (d.decision) entries.push(actionEvent(d.item.ctx, d.row, d.fresh, 'accept', d.decision, at));
    }
    const events = await linkAudit(trx, entries);
    await insertIntakes(trx, { dossiers: decided.map((d) => d.row), files, violations, events });
    // an accepted applicant hears of the receipt once this commits, as after an accept action (outbox)
    await enqueueNotifications(
      trx,
      decided.flatMap((d) => {
        const notice = d.decision ? actionNotification({ requestId: d.item.ctx.requestId, now }, d.stored, 'accept', d.decision) : null;
        return notice ? [notice] : [];
      }),
    );
    for (const d of decided) {
      outcomes[d.i] = { ok: true, value: { row: d.stored, files: files.filter((f) => f.dossier_id === d.row.id), decision: d.decision, calendar } };
    }
  });
  return outcomes;
}
