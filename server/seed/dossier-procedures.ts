/** The procedures of the demo catalogue the demo dossiers can follow, with their rules and where they are handled. */
import type { Kysely } from 'kysely';
import { foldDeadline } from '@core/calendar/deadline';
import type { WorkingCalendar } from '@core/calendar/working-calendar';
import type { DB } from '../db/schema';
import { findProcedures } from '../features/catalogue/queries';
import { currentInputs } from '../features/catalogue/read';
import type { RulesCache } from '../features/dossiers/rules';
import type { DemoProcedure } from './dossier-plan';
import { DEMO_DEPARTMENTS } from './demo-staff';
import { DEMO_PROCEDURES } from './procedures';

/** Popular procedures come more often (default 1). */
const POPULARITY: Record<string, number> = {
  '2.000488': 8, '1.002804': 6, '2.001610': 4, '2.002042': 3, '1.012804': 5, '1.012816': 4, '1.001612': 4, '1.004873': 5, '1.004859': 3, '1.001022': 2, '1.009995': 3, '1.005092': 3,
};

/** Departments an inter-agency transfer goes to (construction and land consult each other). */
const TRANSFERS: Record<string, string> = { xaydung: 'nnmt', nnmt: 'xaydung' };

/** The demo catalogue's procedures a desk can receive: a legal time, a checklist, staff to handle them. */
export async function loadProcedures(db: Kysely<DB>, rules: RulesCache, cal: WorkingCalendar, now: number, unit: (key: string) => { id: string; code: string }): Promise<DemoProcedure[]> {
  const rows = (await findProcedures(db, DEMO_PROCEDURES.map((p) => p.code))).filter((p) => p.status === 'active' && p.current_version_id !== null);
  const inputs = await currentInputs(db, rows);
  const departments = new Map(DEMO_DEPARTMENTS.map((d) => [unit(d.key).code, d]));
  const out: DemoProcedure[] = [];
  for (const row of rows) {
    const input = inputs.get(row.code);
    const time = input?.processingTime;
    if (!input || !time || time.unit === 'immediate' || time.amount <= 0 || input.components.length === 0) continue;
    const dept = input.level === 'province' ? departments.get(input.responsibleUnit) : undefined;
    if (input.level === 'province' && !dept) continue;
    const r = await rules.forVersion(row.current_version_id!);
    const legalMs = foldDeadline(cal, r.policy, [{ type: 'received', at: now }]).legalWorkingMs;
    out.push({
      code: row.code,
      input,
      rules: r,
      legalMs,
      handling: dept ? { code: unit(dept.handling).code, abbr: dept.abbr } : null,
      transferTo: dept && TRANSFERS[dept.key] ? unit(TRANSFERS[dept.key]!).code : null,
      weight: POPULARITY[row.code] ?? 1,
    });
  }
  return out.sort((a, b) => a.code.localeCompare(b.code));
}
