import { describe, expect, it } from 'vitest';
import { AppError } from '../errors/app-error';
import { settle } from './state';

describe('settling a payment', () => {
  const pending = { status: 'pending' as const, transactionId: null };
  const paid = { status: 'paid' as const, transactionId: 'T1' };

  it('moves a pending payment to what the platform says', () => {
    expect(settle(pending, { type: 'paid', transactionId: 'T1' })).toBe('paid');
    expect(settle(pending, { type: 'failed' })).toBe('failed');
    expect(settle(pending, { type: 'expired' })).toBe('expired');
  });

  it('never pays twice: a replay changes nothing, another transaction on a paid order is refused', () => {
    expect(settle(paid, { type: 'paid', transactionId: 'T1' })).toBeNull();
    expect(settle(paid, { type: 'failed' })).toBeNull();
    expect(settle(paid, { type: 'expired' })).toBeNull();
    expect(() => settle(paid, { type: 'paid', transactionId: 'T2' })).toThrow(AppError);
    try {
      settle(paid, { type: 'paid', transactionId: 'T2' });
    } catch (err) {
      expect((err as AppError).code).toBe('PAYMENT_ALREADY_SETTLED');
    }
  });

  it('a signed late "paid" wins over an earlier failure or expiry; a second failure changes nothing', () => {
    expect(settle({ status: 'failed', transactionId: null }, { type: 'paid', transactionId: 'T1' })).toBe('paid');
    expect(settle({ status: 'expired', transactionId: null }, { type: 'paid', transactionId: 'T1' })).toBe('paid');
    expect(settle({ status: 'failed', transactionId: null }, { type: 'expired' })).toBeNull();
    expect(settle({ status: 'expired', transactionId: null }, { type: 'failed' })).toBeNull();
  });
});
