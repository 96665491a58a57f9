/**
 * A draft's checklist and completeness: which components are required, conditional or optional,
 * where the draft stands on each, and everything a submission still lacks (each problem once, as a
 * stable code). Pure: the server passes in the procedure version's components and the draft.
 */
import { z } from 'zod';
import type { ChecklistItem, ComponentKind, CompletenessProblem, DraftData } from './api';

/** A component as the catalogue keeps it (the fields the checklist needs). */
export interface ComponentSpec {
  name: string;
  originals: number;
  copies: number;
  required: boolean;
  condition: string | null;
  form: string | null;
  /** The warehouse document type it asks for (core/warehouse/catalogue.ts), when one. */
  documentType?: string | null;
}

/** A component with a stated case is conditional (needed only in that case); else required or optional as the catalogue says. */
export function componentKind(c: Pick<ComponentSpec, 'required' | 'condition'>): ComponentKind {
  if (c.condition !== null && c.condition.trim() !== '') return 'conditional';
  return c.required ? 'required' : 'optional';
}

/**
 * The checklist of a draft: the components in catalogue order, id `1`, `2`, … (the same ids the
 * dossier's checklist uses), each with its files counted and its state.
 */
export function draftChecklist(components: readonly ComponentSpec[], files: readonly { componentId: string }[], conditions: DraftData['conditions'], reuse: DraftData['reuse'] = undefined): ChecklistItem[] {
  return components.map((c, i) => {
    const id = String(i + 1);
    const kind = componentKind(c);
    const fileCount = files.filter((f) => f.componentId === id).length;
    const answer = conditions[id];
    const reusedDocumentId = reuse?.[id] ?? null;
    const state =
      fileCount > 0 || reusedDocumentId !== null
        ? 'attached'
        : kind === 'required'
          ? 'missing'
          : kind === 'optional'
            ? 'optional'
            : answer === undefined
              ? 'unanswered'
              : answer.applies
                ? 'missing'
                : 'not_applicable';
    return { id, name: c.name, kind, condition: c.condition, originals: c.originals, copies: c.copies, form: c.form, state, fileCount, documentType: c.documentType ?? null, reusedDocumentId };
  });
}

const PHONE = /^\+?[\d .-]{8,20}$/;
const email = z.email();

/** Whether the draft's procedure version can still be submitted. */
export type Standing = 'current' | 'superseded' | 'withdrawn';

/** What completeness looks at besides the checklist. */
export interface CompletenessInput {
  checklist: readonly ChecklistItem[];
  data: DraftData;
  /** Codes of the units that receive the procedure online. */
  receivingUnits: readonly string[];
  standing: Standing;
}

/**
 * Every reason the draft cannot be submitted yet, in form order: the procedure version, each
 * component missing or unanswered, the receiving unit, the return method (and the post address), a
 * way to reach the applicant (phone or e-mail, each well-formed).
 */
export function draftCompleteness(x: CompletenessInput): { complete: boolean; problems: CompletenessProblem[] } {
  const problems: CompletenessProblem[] = [];
  const add = (field: string, code: string) => problems.push({ field, code });
  if (x.standing === 'superseded') add('procedure', 'PORTAL_PROCEDURE_VERSION_SUPERSEDED');
  if (x.standing === 'withdrawn') add('procedure', 'PORTAL_PROCEDURE_WITHDRAWN');
  for (const c of x.checklist) {
    if (c.state === 'missing') add(`components.${c.id}`, 'PORTAL_COMPONENT_MISSING');
    if (c.state === 'unanswered') add(`components.${c.id}`, 'PORTAL_CONDITION_UNANSWERED');
  }
  const d = x.data;
  if (d.receivingUnitCode === null || !x.receivingUnits.includes(d.receivingUnitCode)) add('receivingUnitCode', 'PORTAL_RECEIVING_UNIT_REQUIRED');
  if (d.returnMethod === null) add('returnMethod', 'PORTAL_RETURN_METHOD_REQUIRED');
  if (d.returnMethod === 'post' && !d.postAddress?.trim()) add('postAddress', 'PORTAL_POST_ADDRESS_REQUIRED');
  const phone = d.contact.phone?.trim() ?? '';
  const mail = d.contact.email?.trim() ?? '';
  if (phone === '' && mail === '') add('contact.phone', 'PORTAL_CONTACT_REQUIRED');
  if (phone !== '' && !PHONE.test(phone)) add('contact.phone', 'PORTAL_PHONE_INVALID');
  if (mail !== '' && !email.safeParse(mail).success) add('contact.email', 'PORTAL_EMAIL_INVALID');
  return { complete: problems.length === 0, problems };
}

/**
 * Where a draft's pinned version stands: `withdrawn` when the procedure was abolished or its
 * current version is no longer offered online, `superseded` when a newer version replaced it.
 */
export function procedureStanding(x: { pinnedVersionId: string; currentVersionId: string; procedureStatus: string; currentOnlineLevel: string }): Standing {
  if (x.procedureStatus !== 'active' || x.currentOnlineLevel === 'none') return 'withdrawn';
  return x.pinnedVersionId === x.currentVersionId ? 'current' : 'superseded';
}
