/** Result commands: storing an uploaded result document (one transaction with its audit event). */
import { AppError } from '@core/errors/app-error';
import type { Dossier } from '@core/dossier/dossier';
import { resultDownloadable } from '@core/feedback/results';
import type { Transaction } from 'kysely';
import type { DB } from '../../db/schema';
import type { DossierRow } from '../../db/tables/dossiers';
import type { DossierResultRow } from '../../db/tables/results-feedback';
import { appendAudit } from '../audit/append';
import type { Ctx } from '../dossiers/commands';
import { enqueueNotification } from '../notifications/enqueue';
import { insertResult, supersedeResult } from './queries';

/** A checked PDF already in the blob store. */
export interface StoredResult {
  sha256: string;
  size: number;
  filename: string;
}

/**
 * Records a result document of the dossier, replacing `supersedes` (a current document of the same
 * dossier) when given, with its audit event. When the applicant can already download it (the
 * result is issued and goes back online) the `result_ready` notification leaves with the commit.
 * `alsoDo` runs inside the same transaction once the row is stored (issue 7: the signed e-result).
 */
export async function uploadResult(
  ctx: Ctx,
  row: DossierRow,
  file: StoredResult,
  supersedes?: string,
  alsoDo?: (trx: Transaction<DB>, saved: DossierResultRow) => Promise<void>,
): Promise<DossierResultRow> {
  return ctx.db.transaction().execute(async (trx) => {
    const saved = await insertResult(trx, {
      dossier_id: row.id,
      unit_id: row.unit_id,
      sha256: file.sha256,
      mime: 'application/pdf',
      size: file.size,
      filename: file.filename,
      uploaded_by: ctx.actor.id,
      uploaded_at: new Date(ctx.now),
    });
    if (supersedes && !(await supersedeResult(trx, row.id, supersedes, saved.id, new Date(ctx.now)))) throw new AppError('RESULT_SUPERSEDED_UNKNOWN');
    if (alsoDo) await alsoDo(trx, saved);
    await appendAudit(trx, {
      actor: ctx.actor,
      action: 'dossier.result_uploaded',
      entityType: 'dossier',
      entityId: row.id,
      unitId: row.unit_id,
      after: { resultId: saved.id, sha256: file.sha256, size: file.size, filename: file.filename, supersedes: supersedes ?? null },
      requestId: ctx.requestId,
      at: new Date(ctx.now),
    });
    const dossier = row.state as Dossier;
    if (dossier.status === 'processed' && resultDownloadable(dossier)) {
      await enqueueNotification(trx, { event: 'result_ready', dossierId: row.id, data: { code: row.code, resultId: saved.id, filename: file.filename } });
    }
    return saved;
  });
}
