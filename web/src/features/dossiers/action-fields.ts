/**
 * The form of each workflow action, as data: which fields it asks for, mirroring the action's
 * input schema (`ACTION_INPUTS` in core/dossier/inputs.ts), which also validates it before sending.
 */
import type { Role } from '@core/access/roles';
import type { Action } from '@core/dossier/actions';
import { RETURN_METHODS } from '@core/dossier/channel';
import { ACTION_INPUTS } from '@core/dossier/inputs';
import type { z } from 'zod';

/** A field's current value in the form. */
export type FieldValue = string | boolean | string[];
/** The whole form's values, by input name. */
export type Values = Record<string, FieldValue>;

/** What the form knows besides its values. */
export interface FormContext {
  /** The procedure gives its result on the spot. */
  immediate: boolean;
}

/** Label keys under `dossiers.fields`. */
export type FieldLabel =
  | 'reason'
  | 'note'
  | 'items'
  | 'otherItems'
  | 'components'
  | 'receipt'
  | 'toUnit'
  | 'transferUnit'
  | 'assigneeId'
  | 'reviewerId'
  | 'amount'
  | 'feeMethod'
  | 'feeReceipt'
  | 'newDueAt'
  | 'reference'
  | 'withdrawReason'
  | 'resultNumber'
  | 'eResult'
  | 'returnMethod'
  | 'collectedBy'
  | 'trackingNumber';

interface Base {
  /** The input's key in the action body. */
  name: string;
  label: FieldLabel;
  /** Asked only when this holds (e.g. the collector's name for a counter return). */
  when?: (values: Values, ctx: FormContext) => boolean;
  /** Required in this state of the form (the schema's own rule, or the rule `decide` applies). */
  required?: (values: Values) => boolean;
}

/** One field of an action form. */
export type FieldSpec =
  | (Base & { kind: 'text' | 'textarea' | 'datetime' | 'amount' | 'flag' | 'unit' | 'components' | 'items' })
  | (Base & { kind: 'person'; roles: readonly Role[] })
  | (Base & { kind: 'choice'; options: readonly string[] });

const always = () => true;
const note: FieldSpec = { name: 'note', label: 'note', kind: 'textarea' };
const reason: FieldSpec = { name: 'reason', label: 'reason', kind: 'textarea', required: always };
const items: FieldSpec = { name: 'items', label: 'items', kind: 'items', required: always };

/** The fields of each action, in display order. */
export const ACTION_FIELDS: Record<Action, readonly FieldSpec[]> = {
  accept: [
    { name: 'components', label: 'components', kind: 'components' },
    // only an immediate-result procedure asks whether the applicant wants a receipt
    { name: 'receipt', label: 'receipt', kind: 'flag', when: (_, ctx) => ctx.immediate },
  ],
  request_supplement: [items, note],
  refuse: [reason],
  hand_over: [{ name: 'toUnit', label: 'toUnit', kind: 'unit' }, note],
  assign: [{ name: 'assigneeId', label: 'assigneeId', kind: 'person', roles: ['specialist'], required: always }, note],
  submit_review: [{ name: 'receiverId', label: 'reviewerId', kind: 'person', roles: ['unit_leader', 'agency_head'] }, note],
  approve: [note],
  return_for_rework: [reason],
  request_supplement_processing: [items, note],
  receive_supplement: [note],
  await_fee: [reason, { name: 'amount', label: 'amount', kind: 'amount' }],
  fee_paid: [
    { name: 'method', label: 'feeMethod', kind: 'choice', options: ['cash', 'post', 'online'], required: always },
    { name: 'receipt', label: 'feeReceipt', kind: 'text' },
  ],
  apologise: [reason, { name: 'newDueAt', label: 'newDueAt', kind: 'datetime', required: always }],
  transfer_interagency: [{ name: 'toUnit', label: 'transferUnit', kind: 'unit', required: always }, { name: 'reference', label: 'reference', kind: 'text' }, note],
  stop: [reason],
  withdraw: [{ name: 'reason', label: 'withdrawReason', kind: 'textarea' }],
  issue_result: [{ name: 'number', label: 'resultNumber', kind: 'text' }, { name: 'eResult', label: 'eResult', kind: 'flag' }, note],
  return_result: [
    { name: 'method', label: 'returnMethod', kind: 'choice', options: RETURN_METHODS, required: always },
    { name: 'collectedBy', label: 'collectedBy', kind: 'text', when: (v) => v.method === 'counter', required: always },
    { name: 'trackingNumber', label: 'trackingNumber', kind: 'text', when: (v) => v.method === 'post', required: always },
    note,
  ],
};

/** The schema the client checks an action's input against; accept's code is given by the server. */
export function clientSchema(action: Action): z.ZodType {
  return action === 'accept' ? ACTION_INPUTS.accept.omit({ code: true }) : ACTION_INPUTS[action];
}

/** The fields shown now (their `when` holds). */
export function visibleFields(action: Action, values: Values, ctx: FormContext): FieldSpec[] {
  return ACTION_FIELDS[action].filter((f) => !f.when || f.when(values, ctx));
}
