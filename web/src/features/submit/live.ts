import type { ChecklistItem, CompletenessProblem, DraftData, DraftView } from '@core/portal/api';
import { draftChecklist, draftCompleteness } from '@core/portal/checklist';
import { ERRORS, type ErrorCode, errorMessage } from '@core/errors/catalogue';
import type { Language } from '../../i18n';

/** The wizard's steps, in order, by their address (`?buoc=`). */
export const STEPS = ['nguoi-nop', 'thanh-phan', 'nhan-ket-qua', 'kiem-tra'] as const;
/** A step of the wizard. */
export type Step = (typeof STEPS)[number];

/** The draft as the form holds it now: the checklist and what submission lacks, computed by the server's own rules. */
export interface LiveDraft {
  checklist: ChecklistItem[];
  complete: boolean;
  problems: CompletenessProblem[];
}

/**
 * Recomputes the checklist states and completeness from the form's unsaved data with the same pure
 * functions the server uses (core/portal/checklist.ts), so marks and messages follow each keystroke.
 */
export function liveDraft(view: DraftView, data: DraftData): LiveDraft {
  const specs = view.checklist.map((c) => ({
    name: c.name,
    originals: c.originals,
    copies: c.copies,
    required: c.kind === 'required',
    condition: c.kind === 'conditional' ? c.condition : null,
    form: c.form,
  }));
  const checklist = draftChecklist(specs, view.files, data.conditions);
  const { complete, problems } = draftCompleteness({
    checklist,
    data,
    receivingUnits: view.procedure.receivingUnits.map((u) => u.code),
    standing: view.procedure.standing,
  });
  return { checklist, complete, problems };
}

/** The step where a problem's field is filled in. */
export function stepOf(field: string): Step {
  if (field.startsWith('components.')) return 'thanh-phan';
  if (field === 'returnMethod' || field === 'postAddress') return 'nhan-ket-qua';
  if (field === 'procedure') return 'kiem-tra';
  return 'nguoi-nop';
}

/** A completeness problem in words, in the UI language (the catalogue's message of its code). */
export function problemMessage(code: string, language: Language, fallback: string, params: Record<string, string> = {}): string {
  return code in ERRORS ? errorMessage(code as ErrorCode, language, params) : fallback;
}

/** The problems about one field (e.g. `contact.email`, `components.2`). */
export function problemsOf(problems: readonly CompletenessProblem[], field: string): CompletenessProblem[] {
  return problems.filter((p) => p.field === field);
}
