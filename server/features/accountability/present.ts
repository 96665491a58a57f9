/** JSON views of the violations register (core/accountability/api.ts). */
import type { ViolationView } from '@core/accountability/api';
import { type HandlingKind, HANDLINGS_BY_STATUS, violationStatus } from '@core/accountability/violations';
import { formatInstant } from '@core/calendar/time';
import type { AccountabilityEvidenceRow, AccountabilityHandlingRow } from '../../db/tables/accountability';
import type { DossierViolationRecord, ManualViolationRecord } from './queries';

const iso = (d: Date) => formatInstant(d.getTime());

/** A handling as the page shows it. */
export function presentHandling(h: AccountabilityHandlingRow) {
  return { id: h.id, kind: h.kind, note: h.note, at: iso(h.at), actorName: h.actor_name };
}

/** What the caller may record on a violation with these handlings, when they may handle its unit at all. */
function allowedFor(handlings: readonly AccountabilityHandlingRow[], mayHandle: boolean): HandlingKind[] {
  return mayHandle ? [...HANDLINGS_BY_STATUS[violationStatus(handlings)]] : [];
}

/** An automatic violation, referenced by its dossier and kind. */
export function presentDossierViolation(v: DossierViolationRecord, handlings: readonly AccountabilityHandlingRow[], mayHandle: boolean): ViolationView {
  return {
    ref: `${v.dossier_id}.${v.kind}`,
    source: 'dossier',
    kind: v.kind as ViolationView['kind'],
    at: iso(v.at),
    unit: { id: v.unit_id, code: v.unit_code, name: v.unit_name },
    officer: { id: v.officer_id, name: v.officer_name },
    dossierCode: v.dossier_code,
    description: null,
    recordedBy: null,
    status: violationStatus(handlings),
    handlings: handlings.map(presentHandling),
    evidence: [],
    allowed: allowedFor(handlings, mayHandle),
  };
}

/** A manual violation with its evidence. */
export function presentManualViolation(v: ManualViolationRecord, handlings: readonly AccountabilityHandlingRow[], evidence: readonly AccountabilityEvidenceRow[], mayHandle: boolean): ViolationView {
  return {
    ref: v.id,
    source: 'manual',
    kind: v.kind,
    at: iso(v.occurred_at),
    unit: { id: v.unit_id, code: v.unit_code, name: v.unit_name },
    officer: { id: v.officer_id, name: v.officer_name },
    dossierCode: v.dossier_code,
    description: v.description,
    recordedBy: v.recorded_by_name,
    status: violationStatus(handlings),
    handlings: handlings.map(presentHandling),
    evidence: evidence.filter((e) => e.violation_id === v.id).map((e) => ({ id: e.id, filename: e.filename, mime: e.mime, size: e.size })),
    allowed: allowedFor(handlings, mayHandle),
  };
}
