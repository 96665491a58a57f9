import type { Kysely } from 'kysely';
import type { CityDecisionBody, MinistryDecisionBody } from '@core/catalogue/publication-api';
import { AppError } from '@core/errors/app-error';
import type { DB } from '../../db/schema';
import type { PublicationDecisionRow } from '../../db/tables/catalogue';
import type { AuditActor } from '../../http/actor';
import { appendAudit } from '../audit/append';
import { abolishProcedures } from '../catalogue/queries';
import { findDecision, findDecisionByNumber, insertDecision, setPublicised } from './queries';

interface Ctx {
  db: Kysely<DB>;
  actor: AuditActor;
  requestId: string;
}

const itemsOf = (b: { items: MinistryDecisionBody['items'] }) => b.items.map((i, ord) => ({ ord, procedure_code: i.code, procedure_name: i.name, change: i.change }));

/** Records a ministry's publication decision; the responsible department must then advise the city's. */
export async function recordMinistryDecision(ctx: Ctx, body: MinistryDecisionBody, unitId: string): Promise<PublicationDecisionRow> {
  return ctx.db.transaction().execute(async (trx) => {
    if (await findDecisionByNumber(trx, 'ministry', body.number)) throw new AppError('PUBLICATION_DECISION_TAKEN', { params: { number: body.number } });
    const row = await insertDecision(
      trx,
      { kind: 'ministry', number: body.number, issuer: body.issuer, title: body.title ?? null, signed_on: body.signedOn, effective_on: body.effectiveOn, source_id: null, publicised_on: null, unit_id: unitId, created_by: ctx.actor.name },
      itemsOf(body),
    );
    await appendAudit(trx, { actor: ctx.actor, action: 'publication.ministry_recorded', entityType: 'publication_decision', entityId: row.id, unitId, after: { ...row, items: body.items }, requestId: ctx.requestId });
    return row;
  });
}

/** Records the city's publication decision, optionally answering a ministry decision. */
export async function recordCityDecision(ctx: Ctx, body: CityDecisionBody, unitId: string): Promise<PublicationDecisionRow> {
  return ctx.db.transaction().execute(async (trx) => {
    if (await findDecisionByNumber(trx, 'city', body.number)) throw new AppError('PUBLICATION_DECISION_TAKEN', { params: { number: body.number } });
    if (body.sourceId) {
      const source = await findDecision(trx, body.sourceId);
      if (source?.kind !== 'ministry') throw new AppError('PUBLICATION_SOURCE_INVALID', { fields: [{ field: 'sourceId', code: 'invalid', message: body.sourceId }] });
    }
    const row = await insertDecision(
      trx,
      { kind: 'city', number: body.number, issuer: body.issuer, title: body.title ?? null, signed_on: body.signedOn, effective_on: null, source_id: body.sourceId ?? null, publicised_on: null, unit_id: unitId, created_by: ctx.actor.name },
      itemsOf(body),
    );
    await appendAudit(trx, { actor: ctx.actor, action: 'publication.city_recorded', entityType: 'publication_decision', entityId: row.id, unitId, after: { ...row, items: body.items }, requestId: ctx.requestId });
    return row;
  });
}

/**
 * Records that a city decision was publicised on the national database; the procedures it abolishes
 * leave the public catalogue in the same transaction.
 */
export async function publiciseDecision(ctx: Ctx, id: string, on: string, abolished: readonly string[]): Promise<PublicationDecisionRow> {
  return ctx.db.transaction().execute(async (trx) => {
    const before = await findDecision(trx, id);
    if (before?.kind !== 'city') throw new AppError('NOT_FOUND');
    if (before.publicised_on !== null) throw new AppError('PUBLICATION_ALREADY_PUBLICISED');
    if (on < before.signed_on) throw new AppError('PUBLICATION_DATE_INVALID', { fields: [{ field: 'publicisedOn', code: 'too_early', message: before.signed_on }] });
    const after = await setPublicised(trx, id, on);
    const gone = await abolishProcedures(trx, abolished);
    await appendAudit(trx, { actor: ctx.actor, action: 'publication.publicised', entityType: 'publication_decision', entityId: id, unitId: before.unit_id, before, after: { ...after, abolished: gone }, requestId: ctx.requestId });
    return after;
  });
}
