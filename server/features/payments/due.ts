/** What a stored dossier owes now (core/payment/due.ts over the stored fees and payments). */
import type { Kysely, Transaction } from 'kysely';
import type { Dossier } from '@core/dossier/dossier';
import { type AmountDue, type FeeLine, amountDue } from '@core/payment/due';
import type { DB } from '../../db/schema';
import type { DossierRow } from '../../db/tables/dossiers';
import type { PaymentRow } from '../../db/tables/payments';
import { feesOfVersion, paymentsOfDossier } from './queries';

/** The amount due on a dossier, with the fees it was computed from and the payments read. */
export interface DueOfDossier {
  due: AmountDue;
  fees: FeeLine[];
  payments: PaymentRow[];
}

/** Reads the version's fees and the dossier's payments (unless given) and applies the rule. */
export async function dueOf(db: Kysely<DB> | Transaction<DB>, row: Pick<DossierRow, 'id' | 'procedure_version_id' | 'state'>, known?: { payments?: PaymentRow[] }): Promise<DueOfDossier> {
  const [{ fees, financialObligation }, payments] = await Promise.all([feesOfVersion(db, row.procedure_version_id), known?.payments ?? paymentsOfDossier(db, row.id)]);
  const due = amountDue({
    dossier: row.state as Dossier,
    fees,
    financialObligation,
    payments: payments.map((p) => ({ status: p.status, amount: Number(p.amount), settledAt: p.settled_at?.getTime() ?? null })),
  });
  return { due, fees, payments };
}
