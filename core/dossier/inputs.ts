/**
 * The body of each action (`POST /api/v1/dossiers/{code}/actions/{action}`), as zod schemas shared
 * with the client. Instants are ISO 8601 with an offset at the edge and epoch ms after parsing.
 */
import { z } from 'zod';
import { instantSchema } from '../calendar/schemas';
import { parseInstant } from '../calendar/time';
import { AGENCY_CODE_PATTERN } from '../org/unit';
import type { Action } from './actions';
import { RETURN_METHODS } from './channel';

const text = (max: number) => z.string().trim().min(1).max(max);
const note = z.string().trim().max(2000).optional();
const reason = z.string({ error: 'DOSSIER_REASON_REQUIRED' }).trim().min(1, { error: 'DOSSIER_REASON_REQUIRED' }).max(2000);
const personId = text(100);
/** Drops repeated items (ignoring case and spacing), keeping the first of each in order: Mẫu 02 lists each once. */
export function uniqueItems(list: readonly string[]): string[] {
  const seen = new Set<string>();
  return list.filter((i) => {
    const key = i.normalize('NFC').toLocaleLowerCase('vi').replace(/\s+/g, ' ').trim();
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}
const items = z.array(text(1000)).min(1).max(100).transform(uniqueItems);
const instant = instantSchema.transform((s) => parseInstant(s));
const unitCode = z.string().trim().regex(AGENCY_CODE_PATTERN);

/** Per action, the schema of its input. */
export const ACTION_INPUTS = {
  /** `receipt`: issue Mẫu 01 for an immediate-result procedure too (it needs none unless the applicant asks). */
  accept: z.object({ code: text(40), components: z.array(text(100)).max(100), receipt: z.boolean().optional() }),
  request_supplement: z.object({ items, note }),
  refuse: z.object({ reason }),
  /** `toUnit`: the processing unit, when it is not the receiving unit itself (e.g. a department behind the service centre). */
  hand_over: z.object({ receiverId: personId.optional(), toUnit: unitCode.optional(), note }),
  assign: z.object({ assigneeId: personId, note }),
  submit_review: z.object({ receiverId: personId.optional(), note }),
  approve: z.object({ note }),
  return_for_rework: z.object({ reason }),
  request_supplement_processing: z.object({ items, note }),
  receive_supplement: z.object({ note }),
  await_fee: z.object({ reason, amount: z.number().int().min(0).optional() }),
  fee_paid: z.object({ method: z.enum(['cash', 'post', 'online']), receipt: text(100).optional() }),
  apologise: z.object({ reason, newDueAt: instant }),
  transfer_interagency: z.object({ toUnit: unitCode, reference: text(100).optional(), note }),
  stop: z.object({ reason }),
  withdraw: z.object({ reason: z.string().trim().max(2000).optional() }),
  issue_result: z.object({ number: text(100).optional(), eResult: z.boolean().default(false), note }),
  return_result: z.object({
    method: z.enum(RETURN_METHODS).optional(),
    collectedBy: text(200).optional(),
    trackingNumber: text(100).optional(),
    note,
  }),
} as const satisfies Record<Action, z.ZodType>;

/** The parsed input of an action. */
export type ActionInput<A extends Action> = z.output<(typeof ACTION_INPUTS)[A]>;
/** The input of an action as sent by the client. */
export type ActionInputRaw<A extends Action> = z.input<(typeof ACTION_INPUTS)[A]>;
