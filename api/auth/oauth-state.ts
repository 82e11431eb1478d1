import { createHash, randomBytes } from 'node:crypto';
import type { Request } from 'express';
import type { Cache } from '../services/cache';

export const STATE_TTL_SECONDS = 600;

const sha256 = (value: string) => createHash('sha256').update(value).digest('hex');
export const stateKey = (provider: string, state: string) => `auth:oauth-state:${provider}:${sha256(state)}`;
export const stateCookieName = (provider: string) => `market_oauth_${provider}`;
/** Where the callback returns (`shop` or `admin`), beside the state on the callback path. */
export const destinationCookieName = (provider: string) => `market_oauth_${provider}_to`;

/** A cookie the browser sent, if any (no cookie parser is mounted; the OAuth cookies are the only ones we read). */
export function readCookie(req: Request, name: string): string | null {
  const prefix = `${name}=`;
  for (const part of (req.headers.cookie ?? '').split(';')) {
    const pair = part.trim();
    if (pair.startsWith(prefix)) return decodeURIComponent(pair.slice(prefix.length));
  }
  return null;
}

/** The state cookie the browser sent, if any. */
export const stateCookie = (req: Request, provider: string) => readCookie(req, stateCookieName(provider));

type Stored = (err: Error | null, state?: string) => void;
type Verified = (err: Error | null, ok: string | boolean, info?: { message: string }) => void;

/**
 * passport-oauth2's state store, kept in the cache instead of a server session (the API has none). The strategy
 * calls `store` with a PKCE verifier when it builds the authorization URL and `verify` when the provider sends the
 * browser back; the method arities (5 and 3) tell passport-oauth2 1.8 which signature we implement.
 *
 * A state is one-time (taken atomically, so a replayed or raced callback fails), expires after 10 minutes and must
 * match the cookie set on the browser that started sign-in — otherwise anyone could start a flow and send a victim
 * the callback link, signing them in as the attacker (login CSRF). The verifier never leaves the server.
 */
export class OAuthStateStore {
  constructor(
    private readonly cache: Cache,
    private readonly provider: string,
  ) {}

  store(_req: Request, verifier: string | undefined, _state: unknown, _meta: unknown, done: Stored): void {
    const state = randomBytes(32).toString('base64url');
    const value = JSON.stringify({ verifier: verifier ?? null });
    this.cache.set(stateKey(this.provider, state), value, STATE_TTL_SECONDS).then(
      () => done(null, state),
      (err: Error) => done(err),
    );
  }

  verify(req: Request, state: unknown, done: Verified): void {
    const invalid = () => done(null, false, { message: 'invalid_state' });
    if (typeof state !== 'string' || !state || stateCookie(req, this.provider) !== state) return invalid();
    this.cache.take(stateKey(this.provider, state)).then(
      (value) => {
        if (value === null) return invalid();
        const { verifier } = JSON.parse(value) as { verifier: string | null };
        // passport-oauth2 sends a string `ok` as the PKCE code_verifier of the token request.
        done(null, verifier ?? true);
      },
      (err: Error) => done(err, false),
    );
  }
}
