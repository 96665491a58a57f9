/**
 * What a dossier's applicant owes now, from the fees of the procedure version the dossier keeps,
 * the last fee demand the staff made (await_fee, with or without an amount) and the payments
 * recorded. Pure; docs/portal.md "Payments" states the rule and its reasons.
 */
import type { Dossier, FeeDemand } from '../dossier/dossier';
import type { Status } from '../dossier/status';
import type { PaymentStatus } from './state';

/** A fee of the catalogue: an amount in đồng, or a rule in words (amount null). */
export interface FeeLine {
  name: string;
  amount: number | null;
  rule: string | null;
}

/** A payment as the rule sees it. */
export interface PaymentFact {
  status: PaymentStatus;
  amount: number;
  /** When the system recorded it as paid (the notification, the reconciliation or the officer's entry). */
  settledAt: number | null;
}

/** What is owed: on what basis, how much, how much is paid against it, what is left. */
export interface AmountDue {
  /** The procedure carries a financial obligation, or the staff asked for a fee. */
  required: boolean;
  /** `fee_demand`: the amount the staff stated with await_fee; `fixed_fees`: the sum of the version's fixed fees; `none`: nothing fixed to pay (no fee, or fees by rule not yet stated). */
  basis: 'none' | 'fixed_fees' | 'fee_demand';
  total: number;
  paid: number;
  outstanding: number;
  /** The fee was confirmed paid (the fee_paid action, by staff or on settlement) after the last demand: nothing more is asked. */
  confirmed: boolean;
  /** The dossier is between submission and the return of its result (not refused, withdrawn, stopped or returned). */
  inWindow: boolean;
  demand: FeeDemand | null;
}

/** Statuses after which no fee is collected any more. */
const CLOSED: ReadonlySet<Status> = new Set<Status>(['not_accepted', 'withdrawn', 'stopped', 'returned']);

/** Sum of the fixed fees (rules in words count nothing). */
export function fixedFeesTotal(fees: readonly FeeLine[]): number {
  return fees.reduce((s, f) => s + (f.amount ?? 0), 0);
}

/**
 * The amount due. With a demand that states an amount, that amount is due and the payments settled
 * at or after the demand count against it; otherwise the fixed fees are due from submission and
 * every paid payment counts. A `fee_paid` after the last demand settles it whatever was recorded.
 */
export function amountDue(input: {
  dossier: Pick<Dossier, 'status' | 'history' | 'feeDemand'>;
  fees: readonly FeeLine[];
  financialObligation: boolean;
  payments: readonly PaymentFact[];
}): AmountDue {
  const { dossier, fees, payments } = input;
  const demand = dossier.feeDemand ?? null;
  const fixed = fixedFeesTotal(fees);
  const paidOnes = payments.filter((p) => p.status === 'paid');
  const inWindow = !CLOSED.has(dossier.status);
  const required = input.financialObligation || fixed > 0 || demand !== null;
  let basis: AmountDue['basis'];
  let total: number;
  let paid: number;
  if (demand && demand.amount !== null) {
    basis = 'fee_demand';
    total = demand.amount;
    paid = paidOnes.filter((p) => p.settledAt !== null && p.settledAt >= demand.at).reduce((s, p) => s + p.amount, 0);
  } else if (fixed > 0) {
    basis = 'fixed_fees';
    total = fixed;
    paid = paidOnes.reduce((s, p) => s + p.amount, 0);
  } else {
    basis = 'none';
    total = 0;
    paid = paidOnes.reduce((s, p) => s + p.amount, 0);
  }
  const confirmed = demand !== null && dossier.history.some((h) => h.action === 'fee_paid' && h.at >= demand.at);
  const outstanding = confirmed || !inWindow ? 0 : Math.max(0, total - paid);
  return { required, basis, total, paid, outstanding, confirmed, inWindow, demand };
}
