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
 * type needs no consent, or when the holder granted access to a unit within their scope.
 */
export async function staffMayRead(db: Kysely<DB>, actor: StaffActor, doc: DocumentWithNames): Promise<{ allowed: boolean; reason: string }> {
  if (doc.unit_id && canActOnUnit(actor.roles, 'warehouse.read', await unitPathFor(db, actor, doc.unit_id))) return { allowed: true, reason: 'own_unit' };
  if (!documentType(doc.type_code)?.consentRequired) return { allowed: true, reason: 'no_consent_needed' };
  for (const unitId of await openGrantUnits(db, doc.id)) {
    if (canActOnUnit(actor.roles, 'warehouse.read', await unitPathFor(db, actor, unitId))) return { allowed: true, reason: 'granted' };
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
