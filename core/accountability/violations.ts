/**
 * The violations register: automatic violations the one-stop detects (core/dossier/violations.ts,
 * stored once in `dossier_violations`) and manual ones an inspector records with evidence. Both are
 * handled the same way — reminders, criticism, a disciplinary proposal — and closed once.
 */
import { VIOLATION_KINDS, VIOLATION_LABELS, type ViolationKind } from '../dossier/violations';

/** Kinds an inspector records by hand (what the one-stop cannot see on its own). */
export const MANUAL_VIOLATION_KINDS = ['extra_documents', 'improper_conduct', 'procedure_breach', 'late_processing', 'other'] as const;
export type ManualViolationKind = (typeof MANUAL_VIOLATION_KINDS)[number];

export const MANUAL_VIOLATION_LABELS = {
  extra_documents: { vi: 'Yêu cầu thêm giấy tờ ngoài quy định', en: 'Asked for documents the procedure does not require' },
  improper_conduct: { vi: 'Thái độ, tác phong không đúng quy định', en: 'Improper conduct towards the applicant' },
  procedure_breach: { vi: 'Không thực hiện đúng quy trình giải quyết', en: 'Did not follow the processing workflow' },
  late_processing: { vi: 'Chậm xử lý hồ sơ (phát hiện qua kiểm tra)', en: 'Slow processing found by inspection' },
  other: { vi: 'Vi phạm khác', en: 'Other violation' },
} as const satisfies Record<ManualViolationKind, { vi: string; en: string }>;

/** Every kind in the register: the one-stop's automatic kinds, then the manual ones. */
export const REGISTER_KINDS = [...VIOLATION_KINDS, ...MANUAL_VIOLATION_KINDS] as const;
export type RegisterKind = ViolationKind | ManualViolationKind;

/** Label of any kind in the register. */
export function kindLabel(kind: RegisterKind, locale: 'vi' | 'en'): string {
  const all: Record<string, { vi: string; en: string }> = { ...VIOLATION_LABELS, ...MANUAL_VIOLATION_LABELS };
  return all[kind]?.[locale] ?? kind;
}

/** What a head or an inspector does about a violation; `closure` ends its handling. */
export const HANDLING_KINDS = ['reminder', 'criticism', 'disciplinary_proposal', 'closure'] as const;
export type HandlingKind = (typeof HANDLING_KINDS)[number];

export const HANDLING_LABELS = {
  reminder: { vi: 'Nhắc nhở', en: 'Reminder' },
  criticism: { vi: 'Phê bình', en: 'Criticism' },
  disciplinary_proposal: { vi: 'Đề nghị xử lý kỷ luật', en: 'Disciplinary proposal' },
  closure: { vi: 'Kết thúc xử lý', en: 'Closure' },
} as const satisfies Record<HandlingKind, { vi: string; en: string }>;

/** Where a violation stands: nothing done yet, handled at least once, closed. */
export const VIOLATION_STATUSES = ['open', 'handling', 'closed'] as const;
export type ViolationStatus = (typeof VIOLATION_STATUSES)[number];

/** Workflow as data: the handlings allowed in each status (the server and the page read it). */
export const HANDLINGS_BY_STATUS = {
  open: ['reminder', 'criticism', 'disciplinary_proposal', 'closure'],
  handling: ['reminder', 'criticism', 'disciplinary_proposal', 'closure'],
  closed: [],
} as const satisfies Record<ViolationStatus, readonly HandlingKind[]>;

/** The status a violation's handlings (any order) put it in. */
export function violationStatus(handlings: readonly { kind: HandlingKind }[]): ViolationStatus {
  if (handlings.some((h) => h.kind === 'closure')) return 'closed';
  return handlings.length > 0 ? 'handling' : 'open';
}

/** True when `kind` may be recorded on a violation in `status`. */
export function handlingAllowed(status: ViolationStatus, kind: HandlingKind): boolean {
  return (HANDLINGS_BY_STATUS[status] as readonly HandlingKind[]).includes(kind);
}

/**
 * The register's reference of a violation: a manual one by its id, an automatic one by its dossier
 * and kind (`<dossier id>.<kind>`), which is `dossier_violations`' own key — it is never copied.
 */
export type ViolationRef = { source: 'manual'; id: string } | { source: 'dossier'; dossierId: string; kind: ViolationKind };

const UUID = '[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}';
const MANUAL_RE = new RegExp(`^${UUID}$`);
const DOSSIER_RE = new RegExp(`^(${UUID})\\.([a-z_]+)$`);

/** Parses a register reference; null when it is neither form. */
export function parseViolationRef(ref: string): ViolationRef | null {
  const s = ref.toLowerCase();
  if (MANUAL_RE.test(s)) return { source: 'manual', id: s };
  const m = DOSSIER_RE.exec(s);
  if (m && (VIOLATION_KINDS as readonly string[]).includes(m[2]!)) return { source: 'dossier', dossierId: m[1]!, kind: m[2] as ViolationKind };
  return null;
}

/** The string form of a reference. */
export function formatViolationRef(r: ViolationRef): string {
  return r.source === 'manual' ? r.id : `${r.dossierId}.${r.kind}`;
}
