/** Who may read a warehouse document, and the checks a copy passes before it is kept. */
import type { Kysely } from 'kysely';
import { canActOnUnit } from '@core/access/permissions';
import { AppError } from '@core/errors/app-error';
import { documentType } from '@core/warehouse/catalogue';
import { qualityFacts, qualityIssues } from '@core/warehouse/quality';
import type { DB } from '../../db/schema';
import type { CitizenActor, StaffActor } from '../../http/actor';
import { applicantOf } from '../../http/actor';
import { inspectDocument } from '../../uploads/inspect';
import { unitPathFor } from '../dossiers/scope';
import { type DocumentWithNames, openGrantUnits } from './queries';

/**
 * A member of staff may read a document when it was made in a unit within their scope, when its
 * type needs no consent, when the holder granted access to a unit within their scope, or when the
 * holder reused it in a dossier received or handled within their scope (handing it in is consent).
 */
export async function staffMayRead(db: Kysely<DB>, actor: StaffActor, doc: DocumentWithNames): Promise<{ allowed: boolean; reason: string }> {
  if (doc.unit_id && canActOnUnit(actor.roles, 'warehouse.read', await unitPathFor(db, actor, doc.unit_id))) return { allowed: true, reason: 'own_unit' };
  if (!documentType(doc.type_code)?.consentRequired) return { allowed: true, reason: 'no_consent_needed' };
  for (const unitId of await openGrantUnits(db, doc.id)) {
    if (canActOnUnit(actor.roles, 'warehouse.read', await unitPathFor(db, actor, unitId))) return { allowed: true, reason: 'granted' };
  }
  // the holder handed it in for a dossier (reuse link): the units that receive or handle that dossier may read it
  const linked = await db.selectFrom('dossier_document_reuse as r').innerJoin('dossiers as d', 'd.id', 'r.dossier_id').select(['d.unit_id', 'd.handling_unit_id']).where('r.document_id', '=', doc.id).execute();
  for (const unitId of new Set(linked.flatMap((l) => [l.unit_id, l.handling_unit_id]))) {
    if (canActOnUnit(actor.roles, 'warehouse.read', await unitPathFor(db, actor, unitId))) return { allowed: true, reason: 'reused_in_dossier' };
  }
  return { allowed: false, reason: 'no_consent' };
}

/** True when the document's holder is who the citizen acts as in this session. */
export function isOwn(citizen: CitizenActor, doc: Pick<DocumentWithNames, 'holder_kind' | 'holder_id'>): boolean {
  const a = applicantOf(citizen);
  return doc.holder_kind === a.kind && doc.holder_id === a.idNumber;
}

/** A readable file (PDF/JPEG/PNG by content) that passes the quality rules: its mime type and the facts kept with it. */
export async function checkCopy(bytes: Buffer) {
  const mime = await inspectDocument(bytes);
  const facts = qualityFacts(mime, bytes);
  const issues = qualityIssues(facts);
  if (issues.length) throw new AppError('WAREHOUSE_QUALITY_FAILED', { params: { issues: issues.join(', ') } });
  return facts;
}
