/**
 * Dossier statuses, named in code and numbered as the national portal's sync codes
 * (`TrangThaiHoSo` 1–10), so a status can be sent to the portal without a lookup table elsewhere.
 */

/** Every status, in national-code order. */
export const STATUSES = [
  'new',
  'accepted',
  'not_accepted',
  'processing',
  'supplement_requested',
  'awaiting_fee',
  'withdrawn',
  'stopped',
  'processed',
  'returned',
] as const;

/** A dossier status. */
export type Status = (typeof STATUSES)[number];

/** The national sync code of each status. */
export const STATUS_SYNC_CODES = {
  new: 1,
  accepted: 2,
  not_accepted: 3,
  processing: 4,
  supplement_requested: 5,
  awaiting_fee: 6,
  withdrawn: 7,
  stopped: 8,
  processed: 9,
  returned: 10,
} as const satisfies Record<Status, number>;

/** Vietnamese and English labels, as the national portal words them. */
export const STATUS_LABELS = {
  new: { vi: 'Mới đăng ký', en: 'New' },
  accepted: { vi: 'Được tiếp nhận', en: 'Accepted' },
  not_accepted: { vi: 'Không được tiếp nhận', en: 'Not accepted' },
  processing: { vi: 'Đang xử lý', en: 'Processing' },
  supplement_requested: { vi: 'Yêu cầu bổ sung', en: 'Supplement requested' },
  awaiting_fee: { vi: 'Chờ thực hiện nghĩa vụ tài chính', en: 'Awaiting financial obligation' },
  withdrawn: { vi: 'Công dân yêu cầu rút hồ sơ', en: 'Withdrawn by the applicant' },
  stopped: { vi: 'Dừng xử lý', en: 'Processing stopped' },
  processed: { vi: 'Đã xử lý xong', en: 'Processed' },
  returned: { vi: 'Đã trả kết quả', en: 'Result returned' },
} as const satisfies Record<Status, { vi: string; en: string }>;

/** Statuses that end a dossier (sync codes 3, 7, 8, 9, 10): the index judges them on time or late. */
export const FINISHED_STATUSES = ['not_accepted', 'withdrawn', 'stopped', 'processed', 'returned'] as const satisfies readonly Status[];

/** True when the status ends the dossier's processing. */
export function isFinished(status: Status): boolean {
  return (FINISHED_STATUSES as readonly Status[]).includes(status);
}

/** The status of a national sync code, or null for an unknown code. */
export function statusFromSyncCode(code: number): Status | null {
  return STATUSES[code - 1] ?? null;
}
