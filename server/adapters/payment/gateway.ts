/**
 * The payment platform as the app sees it. One implementation speaks the HMAC protocol of
 * core/payment/protocol.ts (the local simulator's, modelled on the national platform's merchant
 * APIs); another platform is another implementation of this interface.
 */

/** An order to pay: our id, the amount in đồng and where the platform sends the payer and its notification. */
export interface NewOrder {
  orderId: string;
  amount: number;
  description: string;
  returnUrl: string;
  notifyUrl: string;
  expiresAt: Date;
}

/** The platform's answer to a new order. */
export interface CreatedOrder {
  providerRef: string;
  paymentUrl: string;
}

/** What the platform says about an order (a notification or a status answer), signature checked. */
export interface OrderReport {
  orderId: string;
  status: 'pending' | 'paid' | 'cancelled' | 'expired' | 'not_found';
  amount: number | null;
  currency: string | null;
  transactionId: string | null;
  paidAt: Date | null;
}

export interface PaymentGateway {
  /** Stored with each payment (`payments.provider`): transaction ids are unique per provider. */
  readonly name: string;
  /** Creates the order at the platform; throws PAYMENT_GATEWAY_UNAVAILABLE when it cannot. */
  createOrder(order: NewOrder): Promise<CreatedOrder>;
  /** Asks the platform what became of an order (reconciliation); throws PAYMENT_GATEWAY_UNAVAILABLE when it cannot answer. */
  queryOrder(orderId: string): Promise<OrderReport>;
  /** Checks a notification's shape, merchant and signature (VALIDATION_FAILED, PAYMENT_SIGNATURE_INVALID) and reads it. */
  readNotification(body: unknown): OrderReport;
}
