/** What the payment commands, routes and the reconciliation job work with. */
import type { Kysely } from 'kysely';
import type { AuditActor } from '../../http/actor';
import { SIMULATOR_PROVIDER, type PaymentGateway, gatewayFromConfig } from '../../adapters/payment';
import type { BlobStore } from '../../blobs/blob-store';
import { blobStoreFrom } from '../../blobs/open';
import type { Config } from '../../config/config';
import type { DB } from '../../db/schema';
import { CalendarCache } from '../calendar/calendar-cache';
import { RulesCache } from '../dossiers/rules';

/** Where log lines go (Fastify's or pino's logger); never given secrets or signatures. */
export interface PaymentLog {
  info(obj: object, msg: string): void;
  warn(obj: object, msg: string): void;
}

export interface PaymentDeps {
  db: Kysely<DB>;
  /** Null when online payment is not configured. */
  gateway: PaymentGateway | null;
  blobs: BlobStore;
  rules: RulesCache;
  calendars: CalendarCache;
  publicUrl: string;
  orderTtlMs: number;
  reconcileAfterMs: number;
  log: PaymentLog;
}

/** The system as the actor of settlements (the platform's word, the reconciliation) and of the fee_paid they perform. */
export const PAYMENT_SYSTEM_ACTOR: AuditActor & { id: string } = { kind: 'system', id: 'system:payments', name: 'Thanh toán phí, lệ phí' };

/** The deps of a process, from its configuration. */
export function paymentDeps(config: Config, db: Kysely<DB>, log: PaymentLog, known: { rules?: RulesCache; calendars?: CalendarCache; blobs?: BlobStore } = {}): PaymentDeps {
  return {
    db,
    gateway: gatewayFromConfig(config.payment),
    blobs: known.blobs ?? blobStoreFrom(config),
    rules: known.rules ?? new RulesCache(db),
    calendars: known.calendars ?? new CalendarCache(db),
    publicUrl: config.publicUrl,
    orderTtlMs: config.payment.orderTtlMinutes * 60_000,
    reconcileAfterMs: config.payment.reconcileAfterMinutes * 60_000,
    log,
  };
}

/** The platform as named to people (receipts, the dossier page). */
export function platformName(gateway: PaymentGateway | null): string {
  return gateway?.name === SIMULATOR_PROVIDER ? 'Cổng thanh toán mô phỏng' : 'Cổng thanh toán trực tuyến';
}
