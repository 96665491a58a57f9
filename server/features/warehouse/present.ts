/** API views of warehouse rows. */
import type { DocumentView } from '@core/warehouse/api';
import { documentType } from '@core/warehouse/catalogue';
import { type DocumentSource, documentStatus, isVerified } from '@core/warehouse/validity';
import type { GrantWithUnit, DocumentWithNames, listAccessLog } from './queries';

const iso = (d: Date | string | null) => (d === null ? null : new Date(d).toISOString());

/** Facts validity rules read from a row. */
export const factsOf = (d: DocumentWithNames) => ({ source: d.source as DocumentSource, expiresOn: d.expires_on, verifiedAt: d.checked_at, supersededBy: d.superseded_by, revokedAt: d.revoked_at, typeCode: d.type_code });

export function presentDocument(d: DocumentWithNames, today: string): DocumentView {
  const type = documentType(d.type_code);
  const facts = factsOf(d);
  return {
    id: d.id,
    typeCode: d.type_code,
    typeName: { vi: type?.vi ?? d.type_code, en: type?.en ?? d.type_code },
    number: d.number,
    issuer: d.issuer,
    issuedOn: d.issued_on,
    expiresOn: d.expires_on,
    holderKind: d.holder_kind as DocumentView['holderKind'],
    holderId: d.holder_id,
    holderName: d.holder_name,
    source: facts.source,
    status: documentStatus(facts, today),
    verified: isVerified(facts),
    checkedAt: iso(d.checked_at),
    provenance: { dossierCode: d.dossier_code, unitName: d.unit_name, componentId: d.component_id, resultId: d.result_id },
    supersedes: d.supersedes,
    supersededBy: d.superseded_by,
    mime: d.mime,
    pages: d.pages,
    size: d.size,
    createdAt: new Date(d.created_at).toISOString(),
  };
}

export function presentGrant(g: GrantWithUnit) {
  return { id: g.id, unitCode: g.unit_code, unitName: g.unit_name, grantedAt: new Date(g.granted_at).toISOString(), withdrawnAt: iso(g.withdrawn_at) };
}

export function presentLog(l: Awaited<ReturnType<typeof listAccessLog>>[number]) {
  return { at: new Date(l.at).toISOString(), actorKind: l.actor_kind, actorName: l.actor_name, unitName: l.unit_name, action: l.action, purpose: l.purpose, allowed: l.allowed };
}
