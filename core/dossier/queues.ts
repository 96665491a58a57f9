/**
 * The work queues (`GET /api/v1/dossiers?queue=`) as data: what puts a dossier in each. The server
 * turns the same rules into SQL; these predicates are the reference its tests compare against.
 */
import type { Dossier } from './dossier';
import { isFinished } from './status';
import type { DossierTiming } from './timing';

/** Every queue. */
export const QUEUES = ['new', 'mine', 'due_soon', 'overdue', 'awaiting_applicant', 'awaiting_fee'] as const;
/** A queue name. */
export type Queue = (typeof QUEUES)[number];

/** Vietnamese and English labels of the queues. */
export const QUEUE_LABELS = {
  new: { vi: 'Hồ sơ mới', en: 'New' },
  mine: { vi: 'Hồ sơ của tôi', en: 'Mine' },
  due_soon: { vi: 'Sắp đến hạn', en: 'Due soon' },
  overdue: { vi: 'Quá hạn', en: 'Overdue' },
  awaiting_applicant: { vi: 'Chờ bổ sung', en: 'Awaiting the applicant' },
  awaiting_fee: { vi: 'Chờ thực hiện nghĩa vụ tài chính', en: 'Awaiting the fee' },
} as const satisfies Record<Queue, { vi: string; en: string }>;

/** True when the dossier belongs in the queue for the user, given its timing now. */
export function inQueue(queue: Queue, d: Pick<Dossier, 'status' | 'assigneeId'>, timing: Pick<DossierTiming, 'status'>, userId: string): boolean {
  switch (queue) {
    case 'new':
      return d.status === 'new';
    case 'mine':
      return d.assigneeId === userId && !isFinished(d.status);
    case 'due_soon':
      return timing.status === 'at_risk';
    case 'overdue':
      return timing.status === 'overdue';
    case 'awaiting_applicant':
      return d.status === 'supplement_requested';
    case 'awaiting_fee':
      return d.status === 'awaiting_fee';
  }
}
