/**
 * E-result commands (docs/results.md): issuing the signed e-result of a result document (inside the
 * upload's transaction, with its audit event) and revoking one. The signed bytes go to the
 * content-addressed blob store before the row; if the transaction then fails the blob is an
 * unreferenced copy, never an e-result.
 */
import { maskHolder, resultCode } from '@core/eresult/eresult';
import { AppError } from '@core/errors/app-error';
import { pdfPageCount } from '@core/warehouse/quality';
import type { Transaction } from 'kysely';
import type { BlobStore } from '../../blobs/blob-store';
import type { DB } from '../../db/schema';
import type { DossierRow } from '../../db/tables/dossiers';
import type { EresultRow } from '../../db/tables/eresults';
import type { DossierResultRow } from '../../db/tables/results-feedback';
import { appendAudit } from '../audit/append';
import type { Ctx } from '../dossiers/commands';
import { fileEresult, revokeFiledEresult } from '../warehouse/commands';
import type { SigningAuthority } from './ca';
import { renderEresult, signPdf } from './pdf';
import { findEresult, unitNameOf } from './queries';

/** What issuing needs besides the transaction. */
export interface IssueDeps {
  authority: SigningAuthority;
  blobs: BlobStore;
  publicUrl: string;
}

/**
 * Makes, signs and records the e-result of a just-stored result document. When the document
 * replaces another that has a current e-result, the new e-result supersedes it (linked both ways).
 */
export async function issueEresult(trx: Transaction<DB>, ctx: Ctx, deps: IssueDeps, row: DossierRow, saved: DossierResultRow, source: Buffer, supersededResultId: string | null): Promise<EresultRow | null> {
  if (!row.code) return null;
  // one e-result number at a time per dossier
  await trx.selectFrom('dossiers').select('id').where('id', '=', row.id).forUpdate().execute();
  const last = await trx.selectFrom('eresults').select('seq').where('dossier_id', '=', row.id).orderBy('seq', 'desc').limit(1).executeTakeFirst();
  const code = resultCode(row.code, (last?.seq ?? 0) + 1).toUpperCase();
  const old = supersededResultId
    ? await trx.selectFrom('eresults').selectAll().where('result_id', '=', supersededResultId).where('superseded_by', 'is', null).where('revoked_at', 'is', null).executeTakeFirst()
    : undefined;
  const issuer = await unitNameOf(trx, row.handling_unit_id);
  const procedure = await trx.selectFrom('procedures').select('name').where('id', '=', row.procedure_id).executeTakeFirst();
  const documentType = `Kết quả giải quyết thủ tục: ${procedure?.name ?? row.procedure_code}`.slice(0, 300);
  const holder = maskHolder(row.applicant_name);
  let signer: ReturnType<SigningAuthority['unit']>;
  try {
    signer = deps.authority.unit(issuer);
  } catch (err) {
    throw new AppError('ERESULT_SIGNING_UNAVAILABLE', { message: (err as Error).message });
  }
  const at = new Date(ctx.now);
  const unsigned = await renderEresult({
    code,
    verifyUrl: `${deps.publicUrl}/xac-minh/${encodeURIComponent(code)}`,
    issuer,
    dossierCode: row.code,
    documentType,
    holderMasked: holder,
    issuedAt: ctx.now,
    source: { sha256: saved.sha256, filename: saved.filename, bytes: source },
    supersedes: old?.code ?? null,
  });
  const signed = await signPdf(unsigned, signer, { reason: `Kết quả điện tử ${code}`, location: 'Hải Phòng', at });
  const blob = await deps.blobs.put(signed);
  const created = await trx
    .insertInto('eresults')
    .values({
      code,
      dossier_id: row.id,
      seq: (last?.seq ?? 0) + 1,
      result_id: saved.id,
      unit_id: row.unit_id,
      issuer_unit_id: row.handling_unit_id,
      sha256: blob.sha256,
      source_sha256: saved.sha256,
      size: blob.size,
      cert_serial: signer.certSerial,
      document_type: documentType,
      holder_masked: holder,
      issued_at: at,
      issued_by: ctx.actor.id,
      supersedes: old?.code ?? null,
    })
    .returningAll()
    .executeTakeFirstOrThrow();
  if (old) await trx.updateTable('eresults').set({ superseded_by: code, superseded_at: at }).where('code', '=', old.code).execute();
  // the holder's warehouse keeps it too (docs/warehouse.md), superseding the old one's document
  await fileEresult(trx, ctx, row, { code, resultId: saved.id, sha256: blob.sha256, size: blob.size, pages: pdfPageCount(signed), issuer: issuer.name, issuedAt: at, supersedesResultId: old?.result_id ?? null });
  await appendAudit(trx, {
    actor: ctx.actor,
    action: 'eresult.issued',
    entityType: 'dossier',
    entityId: row.id,
    unitId: row.unit_id,
    after: { code, resultId: saved.id, sha256: blob.sha256, sourceSha256: saved.sha256, certSerial: signer.certSerial, supersedes: old?.code ?? null },
    requestId: ctx.requestId,
    at,
  });
  return created;
}

/** Revokes a current or superseded e-result, with its reason and audit event. */
export async function revokeEresult(ctx: Ctx, code: string, reason: string): Promise<EresultRow> {
  return ctx.db.transaction().execute(async (trx) => {
    const at = new Date(ctx.now);
    const done = await trx
      .updateTable('eresults')
      .set({ revoked_at: at, revoked_by: ctx.actor.id, revoked_reason: reason })
      .where('code', '=', code)
      .where('revoked_at', 'is', null)
      .returningAll()
      .executeTakeFirst();
    if (!done) {
      if (await findEresult(trx, code)) throw new AppError('ERESULT_ALREADY_REVOKED');
      throw new AppError('NOT_FOUND');
    }
    await revokeFiledEresult(trx, done.result_id, at);
    await appendAudit(trx, {
      actor: ctx.actor,
      action: 'eresult.revoked',
      entityType: 'dossier',
      entityId: done.dossier_id,
      unitId: done.unit_id,
      before: { code, status: done.superseded_by ? 'superseded' : 'valid' },
      after: { code, status: 'revoked', reason },
      requestId: ctx.requestId,
      at,
    });
    return done;
  });
}
