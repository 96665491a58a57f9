import type { ColumnType, Generated, Selectable } from 'kysely';

type Timestamp = ColumnType<Date, Date | string | undefined, Date | string>;

/** One payment of a dossier's fees (online attempt, or a counter/postal payment recorded by staff). */
export interface PaymentsTable {
  id: Generated<string>;
  dossier_id: string;
  unit_id: string;
  method: 'online' | 'counter' | 'post';
  amount: number;
  currency: Generated<'VND'>;
  status: 'pending' | 'paid' | 'failed' | 'expired';
  order_id: string | null;
  provider: string | null;
  provider_ref: string | null;
  payment_url: string | null;
  expires_at: Date | null;
  provider_txn_id: string | null;
  description: string | null;
  receipt_number: string | null;
  receipt_sha256: string | null;
  failure_reason: string | null;
  created_by_kind: 'citizen' | 'staff' | 'system';
  created_by: string | null;
  created_at: Timestamp;
  paid_at: Date | null;
  settled_at: Date | null;
}

export type PaymentRow = Selectable<PaymentsTable>;

/** Tables of the payments migration. */
export interface PaymentTables {
  payments: PaymentsTable;
}
