import { randomBytes } from 'node:crypto';
import type { Cache } from '../services/cache';
import { hashToken } from './sessions';

export const ONE_TIME_CODE_TTL_SECONDS = 60;

/** Only the code's SHA-256 is a key: whoever can read the cache cannot redeem a code with what they find there. */
export const oneTimeCodeKey = (code: string) => `auth:one-time-code:${hashToken(code)}`;

/**
 * A code the storefront trades for a session with `POST /api/auth/exchange`: 256 random bits, single use, valid
 * for a minute. It travels in the redirect to the storefront so that tokens never do (URLs end up in browser
 * history, proxy logs and Referer headers).
 */
export async function issueOneTimeCode(cache: Cache, userId: number): Promise<string> {
  const code = randomBytes(32).toString('base64url');
  await cache.set(oneTimeCodeKey(code), JSON.stringify({ userId }), ONE_TIME_CODE_TTL_SECONDS);
  return code;
}

/** The user a code was issued for, or null if it is unknown, expired or already used (taken atomically). */
export async function redeemOneTimeCode(cache: Cache, code: string): Promise<number | null> {
  const value = await cache.take(oneTimeCodeKey(code));
  if (value === null) return null;
  const { userId } = JSON.parse(value) as { userId: unknown };
  return typeof userId === 'number' ? userId : null;
}
