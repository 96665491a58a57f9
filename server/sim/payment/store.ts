/** The PAYMENT SIMULATOR's orders: in memory, optionally kept in a JSON file so a restart loses nothing. */
import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import path from 'node:path';

/** One order as the simulated platform keeps it. */
export interface SimOrder {
  /** The platform's reference, also the secret part of the payment page's address. */
  token: string;
  merchantId: string;
  orderId: string;
  amount: number;
  currency: string;
  description: string;
  returnUrl: string;
  notifyUrl: string;
  expiresAt: number;
  createdAt: number;
  status: 'pending' | 'paid' | 'cancelled';
  transactionId: string | null;
  paidAt: number | null;
  /** The merchant answered a notification with 200. */
  notified: boolean;
}

/** An order's status at an instant: a pending order past its expiry is expired. */
export function statusAt(o: SimOrder, now: number): SimOrder['status'] | 'expired' {
  return o.status === 'pending' && now > o.expiresAt ? 'expired' : o.status;
}

export class OrderStore {
  private readonly byToken = new Map<string, SimOrder>();
  private readonly byOrder = new Map<string, SimOrder>();

  /** `file`: where to keep the orders between runs (null = memory only). */
  constructor(private readonly file: string | null = null) {
    if (file && existsSync(file)) for (const o of JSON.parse(readFileSync(file, 'utf8')) as SimOrder[]) this.index(o);
  }

  private index(o: SimOrder): void {
    this.byToken.set(o.token, o);
    this.byOrder.set(`${o.merchantId}\u0000${o.orderId}`, o);
  }

  byPageToken(token: string): SimOrder | undefined {
    return this.byToken.get(token);
  }

  find(merchantId: string, orderId: string): SimOrder | undefined {
    return this.byOrder.get(`${merchantId}\u0000${orderId}`);
  }

  add(o: Omit<SimOrder, 'token' | 'status' | 'transactionId' | 'paidAt' | 'notified'>): SimOrder {
    const order: SimOrder = { ...o, token: randomBytes(18).toString('base64url'), status: 'pending', transactionId: null, paidAt: null, notified: false };
    this.index(order);
    this.save();
    return order;
  }

  /** Records a change made to an order of this store. */
  save(): void {
    if (!this.file) return;
    mkdirSync(path.dirname(this.file), { recursive: true });
    const tmp = `${this.file}.tmp`;
    writeFileSync(tmp, JSON.stringify([...this.byToken.values()]), { mode: 0o600 });
    renameSync(tmp, this.file);
  }
}
