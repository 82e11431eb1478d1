import { createHash } from 'node:crypto';

const CROCKFORD = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';

/** sha256 hex of a string. */
export const sha256 = (value: string): string => createHash('sha256').update(value).digest('hex');

/**
 * The order number for a checkout, derived from its scoped Idempotency-Key: 60 bits of its SHA-256 in Crockford
 * base32 (no I, L, O, U), as M-XXXX-XXXX-XXXX. Deriving it (and so the workflow id `order-<number>`) from the key
 * is what makes ten concurrent requests with one key meet in one workflow: there is nothing random to disagree on.
 * Two different keys collide with odds of about n²/2^61 (one in two million after a million orders); placeOrder
 * refuses a clash rather than merging two orders.
 */
export function orderNumberFor(scopedKey: string): string {
  const digest = createHash('sha256').update(scopedKey).digest();
  let bits = 0n;
  for (const byte of digest.subarray(0, 8)) bits = (bits << 8n) | BigInt(byte);
  let chars = '';
  for (let i = 0; i < 12; i += 1) {
    chars += CROCKFORD[Number((bits >> BigInt(59 - i * 5)) & 31n)];
  }
  return `M-${chars.slice(0, 4)}-${chars.slice(4, 8)}-${chars.slice(8, 12)}`;
}

/** JSON with object keys sorted at every depth, so the same body always hashes the same. */
export function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  if (value && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>)
      .filter(([, v]) => v !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(',')}}`;
  }
  return JSON.stringify(value);
}
