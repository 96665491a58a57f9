/** HMAC-SHA256 signatures of the payment protocol's messages (core/payment/protocol.ts `canonicalString`). */
import { createHmac, timingSafeEqual } from 'node:crypto';
import { canonicalString, type SignedValue } from '@core/payment/protocol';

/** The hex HMAC-SHA256 of a message's canonical string under `secret`. */
export function signFields(secret: string, fields: Readonly<Record<string, SignedValue>>): string {
  return createHmac('sha256', secret).update(canonicalString(fields), 'utf8').digest('hex');
}

/** A message with its signature added. */
export function signed<T extends Record<string, SignedValue>>(secret: string, fields: T): T & { signature: string } {
  return { ...fields, signature: signFields(secret, fields) };
}

/** True when `signature` is the message's own, compared in constant time. */
export function verifyFields(secret: string, fields: Readonly<Record<string, SignedValue>>, signature: unknown): boolean {
  if (typeof signature !== 'string' || !/^[0-9a-f]{64}$/.test(signature)) return false;
  const expected = Buffer.from(signFields(secret, fields), 'hex');
  return timingSafeEqual(expected, Buffer.from(signature, 'hex'));
}
