/** The one rule results add to the dossier workflow: an online return needs a result document. */
import type { Kysely } from 'kysely';
import type { Role } from '@core/access/roles';
import type { Dossier } from '@core/dossier/dossier';
import { ACTION_INPUTS } from '@core/dossier/inputs';
import { rolesAllow, stageAllows, transitionOf } from '@core/dossier/workflow';
import { AppError } from '@core/errors/app-error';
import type { DB } from '../../db/schema';
import type { DossierRow } from '../../db/tables/dossiers';
import { countCurrentResults } from './queries';

/**
 * Throws RESULT_FILE_MISSING_FOR_ONLINE_RETURN when `action` is an online `return_result` the
 * workflow would otherwise accept and the dossier has no current result document. Anything the
 * workflow refuses first (status, role, stage, input, no e-result) is left to `decide`, so its
 * answer stays the table's. Checked before the action's transaction: documents are only ever
 * added (a replacement adds one), so a count seen here cannot drop to zero before the commit.
 */
export async function requireResultForOnlineReturn(db: Kysely<DB>, row: DossierRow, roles: readonly Role[], action: string, input: unknown): Promise<void> {
  if (action !== 'return_result') return;
  const d = row.state as Dossier;
  const t = transitionOf(d.status, 'return_result');
  if (!t || !rolesAllow(t, roles) || !stageAllows(t, d) || !d.result?.eResult) return;
  const parsed = ACTION_INPUTS.return_result.safeParse(input);
  if (!parsed.success || (parsed.data.method ?? d.returnMethod) !== 'online') return;
  if ((await countCurrentResults(db, row.id)) === 0) throw new AppError('RESULT_FILE_MISSING_FOR_ONLINE_RETURN');
}
