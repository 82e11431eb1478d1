import type { ApiUser, AuthSession, TokenPair } from './types';

/**
 * The signed-in staff member's tokens, and the one way to refresh them.
 *
 * Where the tokens live: in memory for every request, mirrored to sessionStorage so that reloading the page keeps
 * the session. Not localStorage: the session then ends with the tab (a shared or borrowed computer keeps nothing
 * after the tab closes), and tabs do not share one refresh token. Sharing would be harmful, not just untidy: the
 * API rotates refresh tokens and treats a second use of an old one as theft, ending the whole session, so two tabs
 * refreshing the same token would sign each other out. (A duplicated tab copies sessionStorage once and can hit
 * exactly that; the cost is signing in again.) Anything running in the page can read either storage; the
 * Content-Security-Policy, not the storage choice, is what keeps foreign scripts out.
 *
 * Refreshing is single-flight: every caller that finds the access token expired or refused waits on the same
 * request, so one rotation happens however many requests failed at once. The HTTP client (http/httpClient.ts) and
 * the auth provider's checkError share this one session.
 */

export const STORAGE_KEY = 'market.admin.session';

/** Refresh this long before the access token expires, so a request never leaves with a token about to lapse. */
const EXPIRY_MARGIN_MS = 10_000;

interface Stored {
  accessToken: string;
  refreshToken: string;
  /** Epoch milliseconds. */
  expiresAt: number;
  user: ApiUser;
}

export interface SessionDeps {
  fetch: typeof fetch;
  storage: Pick<Storage, 'getItem' | 'setItem' | 'removeItem'>;
  now: () => number;
  /** Where the API is, without a trailing slash; '' for the same origin. */
  apiUrl: string;
}

export interface Session {
  /** The signed-in user as of login (or the last /api/me), or null when signed out. */
  user(): ApiUser | null;
  setUser(user: ApiUser): void;
  isSignedIn(): boolean;
  /** Stores a new session from the login answer. */
  start(session: AuthSession): void;
  /** Forgets the tokens (no request). */
  clear(): void;
  /** A valid access token, refreshing first when it has expired; null when the session is over. */
  accessToken(): Promise<string | null>;
  /**
   * Rotates the tokens, single-flight. `refused` is the access token a request was refused with: when the session
   * has moved on since (another request refreshed meanwhile), no new rotation is needed. True when there is a fresh
   * access token; false when the session is over (and then it is cleared).
   */
  refresh(refused?: string): Promise<boolean>;
}

function read(storage: SessionDeps['storage']): Stored | null {
  try {
    const text = storage.getItem(STORAGE_KEY);
    if (!text) return null;
    const value = JSON.parse(text) as Partial<Stored>;
    if (typeof value.accessToken !== 'string' || typeof value.refreshToken !== 'string') return null;
    if (typeof value.expiresAt !== 'number' || typeof value.user !== 'object' || value.user === null)
      return null;
    return value as Stored;
  } catch {
    return null;
  }
}

export function createSession(deps: SessionDeps): Session {
  let current: Stored | null = read(deps.storage);
  let inflight: Promise<boolean> | null = null;

  // A function, not `current?.accessToken` inline: TypeScript would keep `current` narrowed across an await.
  const readToken = (): string | null => current?.accessToken ?? null;

  const save = (next: Stored | null) => {
    current = next;
    if (next) deps.storage.setItem(STORAGE_KEY, JSON.stringify(next));
    else deps.storage.removeItem(STORAGE_KEY);
  };

  const withPair = (pair: TokenPair, user: ApiUser): Stored => ({
    accessToken: pair.accessToken,
    refreshToken: pair.refreshToken,
    expiresAt: deps.now() + pair.expiresIn * 1000,
    user,
  });

  async function rotate(): Promise<boolean> {
    const session = current;
    if (!session) return false;
    let response: Response;
    try {
      response = await deps.fetch(`${deps.apiUrl}/api/auth/refresh`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', Accept: 'application/json' },
        body: JSON.stringify({ refreshToken: session.refreshToken }),
      });
    } catch {
      // The network, not the session, failed: keep the tokens for the next try.
      return false;
    }
    if (response.status === 401) {
      // Invalid, expired or reused: the session is over on the server.
      save(null);
      return false;
    }
    // 429 or a server error: the refresh token is still unused; keep it for a later try.
    if (!response.ok) return false;
    const pair = (await response.json()) as TokenPair;
    // A logout while the refresh was in the air wins.
    if (current !== session) return current !== null;
    save(withPair(pair, session.user));
    return true;
  }

  const session: Session = {
    user: () => current?.user ?? null,
    setUser(user) {
      if (current) save({ ...current, user });
    },
    isSignedIn: () => current !== null,
    start(auth) {
      save(withPair(auth, auth.user));
    },
    clear() {
      save(null);
    },
    refresh(refused) {
      if (refused !== undefined && current && current.accessToken !== refused) return Promise.resolve(true);
      inflight ??= rotate().finally(() => {
        inflight = null;
      });
      return inflight;
    },
    async accessToken() {
      if (inflight) await inflight;
      if (!current) return null;
      // Expired: refresh first. Should that fail for a passing reason, the old token goes and its 401 says so.
      if (current.expiresAt - EXPIRY_MARGIN_MS <= deps.now()) await session.refresh(current.accessToken);
      return readToken();
    },
  };
  return session;
}
