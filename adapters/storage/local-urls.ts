import { createHmac, createSecretKey, type KeyObject, timingSafeEqual } from 'node:crypto';
import { isValidKey } from './keys';

/**
 * Presigned URLs of the local adapter: `<publicBaseUrl>/<key>?exp=…&sig=…`, answered by an API route. The
 * signature (HMAC-SHA256 with a server secret) covers the method, the key, the expiry and every condition, so the
 * route only has to call verifyLocalUrl() and then honour the returned claims: for a PUT, the request's
 * Content-Type must equal `contentType`, its body may not exceed `maxBytes` (and must be exactly `contentLength`
 * bytes when that is set); for a GET, `downloadName` becomes a Content-Disposition (attachmentDisposition()).
 */
export interface LocalUrlClaims {
  method: 'GET' | 'PUT';
  key: string;
  /** Unix time in seconds; the URL is refused after it. */
  expiresAt: number;
  contentType?: string;
  maxBytes?: number;
  contentLength?: number;
  downloadName?: string;
}

export type LocalUrlCheck =
  { ok: true; claims: LocalUrlClaims } | { ok: false; reason: 'malformed' | 'bad_signature' | 'expired' };

/** What the route knows: its method, the key from its path (decoded), and the query string. */
export interface LocalUrlRequest {
  method: string;
  key: string;
  query: URLSearchParams | Record<string, unknown>;
}

const MIN_SECRET_LENGTH = 32;
// Query parameter of each optional claim.
const PARAMS = { contentType: 'ct', maxBytes: 'max', contentLength: 'len', downloadName: 'dn' } as const;

export function assertSigningSecret(secret: string): void {
  if (typeof secret !== 'string' || secret.length < MIN_SECRET_LENGTH) {
    throw new RangeError(
      `the local storage signing secret must have at least ${MIN_SECRET_LENGTH} characters`,
    );
  }
}

// A JSON array is an unambiguous encoding: no value can smuggle in a separator.
function signature(secret: string, c: LocalUrlClaims): string {
  const payload = JSON.stringify([
    'market-storage-v1',
    c.method,
    c.key,
    c.expiresAt,
    c.contentType ?? null,
    c.maxBytes ?? null,
    c.contentLength ?? null,
    c.downloadName ?? null,
  ]);
  return createHmac('sha256', hmacKey(secret)).update(payload).digest('base64url');
}

/** The secret as a key object, made once (a process has one or two secrets). */
const hmacKeys = new Map<string, KeyObject>();
function hmacKey(secret: string): KeyObject {
  let key = hmacKeys.get(secret);
  if (!key) hmacKeys.set(secret, (key = createSecretKey(Buffer.from(secret))));
  return key;
}

/** `baseUrl` is where the route is mounted, e.g. `http://127.0.0.1:3000/api/storage`. */
export function signLocalUrl(baseUrl: string, secret: string, claims: LocalUrlClaims): string {
  assertSigningSecret(secret);
  if (!isValidKey(claims.key)) throw new RangeError(`invalid object key ${JSON.stringify(claims.key)}`);
  // A valid key's characters need no escaping in a path: the key is the path.
  const url = `${baseUrl.replace(/\/+$/, '')}/${claims.key}?exp=${claims.expiresAt}`;
  const query = new URLSearchParams();
  for (const [name, param] of Object.entries(PARAMS)) {
    const value = claims[name as keyof typeof PARAMS];
    if (value !== undefined) query.set(param, String(value));
  }
  const sig = `sig=${signature(secret, claims)}`; // base64url: nothing to escape either
  return query.size ? `${url}&${query}&${sig}` : `${url}&${sig}`;
}

function param(query: LocalUrlRequest['query'], name: string): string | undefined | null {
  const value = query instanceof URLSearchParams ? query.getAll(name) : query[name];
  if (value === undefined || (Array.isArray(value) && value.length === 0)) return undefined;
  if (Array.isArray(value)) return value.length === 1 && typeof value[0] === 'string' ? value[0] : null;
  return typeof value === 'string' ? value : null;
}

const INTEGER = /^(0|[1-9][0-9]{0,15})$/;

/** Checks a request against its URL's signature and expiry; `now` is in milliseconds. */
export function verifyLocalUrl(secret: string, request: LocalUrlRequest, now = Date.now()): LocalUrlCheck {
  assertSigningSecret(secret);
  const method = request.method.toUpperCase();
  const exp = param(request.query, 'exp');
  const sig = param(request.query, 'sig');
  if (
    (method !== 'GET' && method !== 'PUT') ||
    !isValidKey(request.key) ||
    !exp ||
    !sig ||
    !INTEGER.test(exp)
  ) {
    return { ok: false, reason: 'malformed' };
  }
  const claims: LocalUrlClaims = { method, key: request.key, expiresAt: Number(exp) };
  for (const [name, p] of Object.entries(PARAMS)) {
    const value = param(request.query, p);
    if (value === null) return { ok: false, reason: 'malformed' };
    if (value === undefined) continue;
    if (name === 'contentType' || name === 'downloadName') {
      claims[name] = value;
    } else {
      if (!INTEGER.test(value)) return { ok: false, reason: 'malformed' };
      claims[name as 'maxBytes' | 'contentLength'] = Number(value);
    }
  }
  const expected = Buffer.from(signature(secret, claims));
  const given = Buffer.from(sig);
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) {
    return { ok: false, reason: 'bad_signature' };
  }
  // Checked after the signature, so a forged URL never learns more than "bad signature".
  if (now / 1000 > claims.expiresAt) return { ok: false, reason: 'expired' };
  return { ok: true, claims };
}
