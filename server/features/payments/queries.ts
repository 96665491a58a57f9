/** Every SQL statement of the payments feature. */
import type { Insertable, Kysely, Transaction, Updateable } from 'kysely';
import type { DB } from '../../db/schema';
import type { DossierRow } from '../../db/tables/dossiers';
import type { PaymentRow, PaymentsTable } from '../../db/tables/payments';

type Q = Kysely<DB> | Transaction<DB>;

/** The fees and the financial-obligation flag of a procedure version, fees in order. */
export async function feesOfVersion(db: Q, versionId: string): Promise<{ financialObligation: boolean; fees: { name: string; amount: number | null; rule: string | null }[] }> {
  const [version, fees] = await Promise.all([
    db.selectFrom('procedure_versions').select('financial_obligation').where('id', '=', versionId).executeTakeFirst(),
    db.selectFrom('procedure_fees').select(['name', 'amount', 'rule']).where('version_id', '=', versionId).orderBy('ord').execute(),
  ]);
  return { financialObligation: version?.financial_obligation ?? false, fees: fees.map((f) => ({ name: f.name, amount: f.amount === null ? null : Number(f.amount), rule: f.rule })) };
}

/** A dossier's payments, newest first. */
export async function paymentsOfDossier(db: Q, dossierId: string): Promise<PaymentRow[]> {
  return db.selectFrom('payments').selectAll().where('dossier_id', '=', dossierId).orderBy('created_at', 'desc').orderBy('id').execute();
}

/** One payment of a dossier (undefined when it is not that dossier's). */
export async function findPaymentOfDossier(db: Q, dossierId: string, paymentId: string): Promise<PaymentRow | undefined> {
  return db.selectFrom('payments').selectAll().where('id', '=', paymentId).where('dossier_id', '=', dossierId).executeTakeFirst();
}

/** The payment of an order id. */
export async function findPaymentByOrder(db: Q, orderId: string): Promise<PaymentRow | undefined> {
  return db.selectFrom('payments').selectAll().where('order_id', '=', orderId).executeTakeFirst();
}

/** Locks a payment for the rest of the transaction and answers it as it is now. */
export async function lockPayment(trx: Transaction<DB>, id: string): Promise<PaymentRow | undefined> {
  return trx.selectFrom('payments').selectAll().where('id', '=', id).forUpdate().executeTakeFirst();
}

/** Locks a dossier row for the rest of the transaction and answers it as it is now. */
export async function lockDossier(trx: Transaction<DB>, id: string): Promise<DossierRow | undefined> {
  return trx.selectFrom('dossiers').selectAll().where('id', '=', id).forUpdate().executeTakeFirst();
}

export async function insertPayment(trx: Transaction<DB>, row: Insertable<PaymentsTable>): Promise<PaymentRow> {
  return trx.insertInto('payments').values(row).returningAll().executeTakeFirstOrThrow();
}

export async function updatePayment(db: Q, id: string, set: Updateable<PaymentsTable>): Promise<PaymentRow> {
  return db.updateTable('payments').set(set).where('id', '=', id).returningAll().executeTakeFirstOrThrow();
}

/** Whether a unit already recorded a receipt number. */
export async function receiptNumberTaken(db: Q, unitId: string, receiptNumber: string): Promise<boolean> {
  const row = await db.selectFrom('payments').select('id').where('unit_id', '=', unitId).where('receipt_number', '=', receiptNumber).executeTakeFirst();
  return row !== undefined;
}

/** Online payments still pending that were created before `before`, oldest first (the reconciliation's work). */
export async function stalePendingPayments(db: Q, before: Date, limit: number): Promise<PaymentRow[]> {
  return db.selectFrom('payments').selectAll().where('status', '=', 'pending').where('method', '=', 'online').where('created_at', '<', before).orderBy('created_at').limit(limit).execute();
}

/** Names for the receipt: the receiving unit and its parent. */
export async function unitWithParent(db: Q, unitId: string): Promise<{ name: string; parent: string | null } | undefined> {
  const row = await db
    .selectFrom('units as u')
    .leftJoin('units as p', 'p.id', 'u.parent_id')
    .select(['u.name as name', 'p.name as parent'])
    .where('u.id', '=', unitId)
    .executeTakeFirst();
  return row ? { name: row.name, parent: row.parent } : undefined;
}

/** The name of a procedure version. */
export async function procedureName(db: Q, versionId: string): Promise<string | undefined> {
  const row = await db.selectFrom('procedure_versions').select('name').where('id', '=', versionId).executeTakeFirst();
  return row?.name;
}
