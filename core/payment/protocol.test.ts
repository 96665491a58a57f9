import { describe, expect, it } from 'vitest';
import { canonicalString, createOrderRequest, notification } from './protocol';

describe('the payment protocol', () => {
  it('signs fields sorted by name, percent-encoded, without the signature and empty fields', () => {
    expect(canonicalString({ orderId: 'TT1', amount: 200000, signature: 'x', merchantId: 'M', paidAt: null, transactionId: undefined })).toBe('amount=200000&merchantId=M&orderId=TT1');
    // separators and non-ASCII inside values cannot forge another field
    expect(canonicalString({ description: 'Nộp phí & lệ phí=1', a: "b!'()*" })).toBe('a=b%21%27%28%29%2A&description=N%E1%BB%99p%20ph%C3%AD%20%26%20l%E1%BB%87%20ph%C3%AD%3D1');
    expect(canonicalString({ a: 'x&b=y' })).not.toBe(canonicalString({ a: 'x', b: 'y' }));
  });

  it('refuses an order whose amount is not whole đồng, and reads a notification whatever its amount', () => {
    const order = { merchantId: 'M', orderId: 'TT261130AAAA', amount: 1.5, currency: 'VND', description: 'x', returnUrl: 'http://a/b', notifyUrl: 'http://a/n', expiresAt: '2026-11-30T10:00:00.000Z', createdAt: '2026-11-30T09:45:00.000Z', signature: 'a'.repeat(64) };
    expect(createOrderRequest.safeParse(order).success).toBe(false);
    expect(createOrderRequest.safeParse({ ...order, amount: 150000 }).success).toBe(true);
    expect(createOrderRequest.safeParse({ ...order, amount: 150000, currency: 'USD' }).success).toBe(false);
    // the amount is compared with the order by the merchant (PAYMENT_AMOUNT_MISMATCH), not refused as malformed
    expect(notification.safeParse({ merchantId: 'M', orderId: 'TT261130AAAA', status: 'paid', amount: 999, currency: 'USD', transactionId: 'T', paidAt: null, signature: 'a'.repeat(64) }).success).toBe(true);
  });
});
