/** The PAYMENT SIMULATOR's notifications: a signed POST to the merchant's notify URL, retried until it answers 200. */
import { signed } from '../../adapters/payment/hmac';
import type { OrderStore, SimOrder } from './store';

/** One attempt, kept for the simulator's log and for tests (the body as sent, to replay it). */
export interface Delivery {
  orderId: string;
  attempt: number;
  /** HTTP status, or 0 when the merchant could not be reached. */
  status: number;
  body: Record<string, unknown>;
}

export interface NotifierOptions {
  secretOf: (merchantId: string) => string | undefined;
  store: OrderStore;
  /** Waits before each attempt after the first (default 2 s, 10 s, 60 s, 5 min). */
  retryDelaysMs: readonly number[];
  log: (line: string) => void;
}

/** The signed notification of an order's outcome. */
export function notificationOf(o: SimOrder, secret: string): Record<string, unknown> {
  return signed(secret, {
    merchantId: o.merchantId,
    orderId: o.orderId,
    status: o.status === 'paid' ? 'paid' : 'cancelled',
    amount: o.amount,
    currency: o.currency,
    transactionId: o.transactionId,
    paidAt: o.paidAt === null ? null : new Date(o.paidAt).toISOString(),
  });
}

export class Notifier {
  readonly deliveries: Delivery[] = [];
  private readonly timers = new Set<NodeJS.Timeout>();
  /** Fault injection: while true, no notification is sent at all (the merchant's reconciliation must find the outcome). */
  dropNotifications = false;

  constructor(private readonly o: NotifierOptions) {}

  private async attempt(order: SimOrder, n: number): Promise<boolean> {
    const secret = this.o.secretOf(order.merchantId);
    if (!secret || this.dropNotifications) return true;
    const body = notificationOf(order, secret);
    let status = 0;
    try {
      const res = await fetch(order.notifyUrl, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body), signal: AbortSignal.timeout(10_000) });
      status = res.status;
      await res.arrayBuffer().catch(() => undefined);
    } catch {
      status = 0;
    }
    this.deliveries.push({ orderId: order.orderId, attempt: n, status, body });
    this.o.log(`notification ${order.orderId} attempt ${n}: ${status || 'unreachable'}`);
    if (status === 200) {
      order.notified = true;
      this.o.store.save();
    }
    return status === 200;
  }

  /** Sends the first attempt now (the payer waits for it) and schedules the retries. */
  async deliver(order: SimOrder): Promise<void> {
    if (await this.attempt(order, 1)) return;
    const next = (i: number) => {
      const delay = this.o.retryDelaysMs[i];
      if (delay === undefined) return;
      const timer = setTimeout(async () => {
        this.timers.delete(timer);
        if (!(await this.attempt(order, i + 2))) next(i + 1);
      }, delay);
      timer.unref();
      this.timers.add(timer);
    };
    next(0);
  }

  /** Cancels the retries still waiting. */
  stop(): void {
    for (const t of this.timers) clearTimeout(t);
    this.timers.clear();
  }
}
