/** The payment platform the configuration names: the HMAC protocol's client, or none. */
import type { PaymentConfig } from '../../config/config';
import type { PaymentGateway } from './gateway';
import { HttpPaymentGateway } from './http-gateway';

export type { PaymentGateway } from './gateway';

/** The local simulator's name in `payments.provider` and on receipts' wording; another platform is `payment-platform`. */
export const SIMULATOR_PROVIDER = 'payment-sim';

/** The gateway of the configuration; null when online payment is not configured. */
export function gatewayFromConfig(c: PaymentConfig): PaymentGateway | null {
  if (!c.gateway) return null;
  return new HttpPaymentGateway({ ...c.gateway, name: c.simulator ? SIMULATOR_PROVIDER : 'payment-platform' });
}
