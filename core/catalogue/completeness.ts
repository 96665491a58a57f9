import type { ProcedureInput } from './procedure';

/** What the index checks a published procedure for (Decision 766, publicity group). */
export const COMPLETENESS_ITEMS = ['name', 'steps', 'methods', 'components', 'componentCounts', 'processingTime', 'applicants', 'implementingUnits'] as const;
/** One item of the completeness check. */
export type CompletenessItem = (typeof COMPLETENESS_ITEMS)[number];

/** Vietnamese and English names of each item, for the procedure page and reports. */
export const COMPLETENESS_LABELS = {
  name: { vi: 'Tên thủ tục', en: 'Name' },
  steps: { vi: 'Trình tự thực hiện', en: 'Steps' },
  methods: { vi: 'Cách thức thực hiện', en: 'Methods' },
  components: { vi: 'Thành phần hồ sơ', en: 'Components' },
  componentCounts: { vi: 'Số lượng hồ sơ', en: 'Component counts' },
  processingTime: { vi: 'Thời hạn giải quyết', en: 'Processing time' },
  applicants: { vi: 'Đối tượng thực hiện', en: 'Applicants' },
  implementingUnits: { vi: 'Cơ quan thực hiện', en: 'Implementing units' },
} as const satisfies Record<CompletenessItem, { vi: string; en: string }>;

/** The fields a procedure lacks; complete when none. A component needs at least one original or copy. */
export function checkCompleteness(p: Pick<ProcedureInput, 'name' | 'steps' | 'methods' | 'components' | 'processingTime' | 'applicants' | 'implementingUnits'>): {
  complete: boolean;
  missing: CompletenessItem[];
} {
  const missing: CompletenessItem[] = [];
  if (!p.name.trim()) missing.push('name');
  if (p.steps.length === 0) missing.push('steps');
  if (p.methods.length === 0) missing.push('methods');
  if (p.components.length === 0) missing.push('components');
  else if (p.components.some((c) => c.originals + c.copies < 1)) missing.push('componentCounts');
  if (!p.processingTime) missing.push('processingTime');
  if (p.applicants.length === 0) missing.push('applicants');
  if (p.implementingUnits.length === 0) missing.push('implementingUnits');
  return { complete: missing.length === 0, missing };
}
