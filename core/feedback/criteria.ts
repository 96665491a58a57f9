/**
 * The applicant's satisfaction evaluation (Decree 61/2018 art. 31, Circular 01/2018/TT-VPCP
 * art. 13): nine criteria, each scored 2 / 1 / 0; a unit's score per criterion is the mean over its
 * rated dossiers, to one decimal.
 */

/** The nine criteria, in the order of the evaluation form; also the keys of a rating's `scores` and the rating table's columns. */
export const CRITERIA = [
  'return_time',
  'agencies_contacted',
  'contact_count',
  'publicity',
  'attitude',
  'legality_cost',
  'feedback_handling',
  'online_service',
  'other',
] as const;
/** One criterion. */
export type Criterion = (typeof CRITERIA)[number];

/** What each criterion asks, in Vietnamese and English. */
export const CRITERION_LABELS = {
  return_time: { vi: 'Thời gian trả kết quả so với ngày hẹn trên Giấy tiếp nhận hồ sơ và hẹn trả kết quả', en: 'Time of return compared with the date on the receipt' },
  agencies_contacted: { vi: 'Số lượng cơ quan, đơn vị phải liên hệ để hoàn thiện hồ sơ', en: 'Number of agencies contacted to complete the dossier' },
  contact_count: { vi: 'Số lần phải liên hệ với nơi tiếp nhận hồ sơ để hoàn thiện hồ sơ', en: 'Number of contacts needed to complete the dossier' },
  publicity: { vi: 'Tính công khai, minh bạch của thủ tục hành chính', en: 'Publicity and transparency of the procedure' },
  attitude: { vi: 'Thái độ, tinh thần trách nhiệm của cán bộ, công chức', en: 'Attitude and responsibility of the officers' },
  legality_cost: { vi: 'Việc thực hiện đúng quy định, thu phí, lệ phí và các chi phí khác', en: 'Legality of the handling, fees and other costs' },
  feedback_handling: { vi: 'Việc tiếp nhận, xử lý phản ánh, kiến nghị', en: 'Handling of feedback and proposals' },
  online_service: { vi: 'Chất lượng dịch vụ công trực tuyến', en: 'Quality of the online public service' },
  other: { vi: 'Các nội dung khác', en: 'Other aspects' },
} as const satisfies Record<Criterion, { vi: string; en: string }>;

/** The scores a criterion may get. */
export const SCORES = [2, 1, 0] as const;
/** A score: 2 satisfied, 1 acceptable, 0 dissatisfied. */
export type Score = (typeof SCORES)[number];

/** What each score means, in Vietnamese and English. */
export const SCORE_LABELS = {
  2: { vi: 'Hài lòng (2 điểm)', en: 'Satisfied (2 points)' },
  1: { vi: 'Bình thường (1 điểm)', en: 'Acceptable (1 point)' },
  0: { vi: 'Không hài lòng (0 điểm)', en: 'Dissatisfied (0 points)' },
} as const satisfies Record<Score, { vi: string; en: string }>;

/** A full rating: one score per criterion. */
export type Scores = Record<Criterion, Score>;

/** True when any criterion got 0: the dossier counts as disliked in the index's satisfaction group. */
export function isDisliked(scores: Scores): boolean {
  return CRITERIA.some((c) => scores[c] === 0);
}

/** The mean of scores to one decimal, as a unit's score per criterion is given; null without any. */
export function meanScore(scores: readonly Score[]): number | null {
  if (scores.length === 0) return null;
  return Math.round((scores.reduce<number>((s, x) => s + x, 0) / scores.length) * 10) / 10;
}
