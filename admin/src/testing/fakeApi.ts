import type { ApiUser, AuthSession } from '../auth/types';

export const staffUser = (role: ApiUser['role'] = 'admin'): ApiUser => ({
  id: 7,
  email: `${role}@example.test`,
  name: 'Ann Staff',
  role,
  disabled: false,
  hasPassword: true,
  lastLoginAt: null,
  createdAt: '2026-01-01T00:00:00.000Z',
  updatedAt: '2026-01-01T00:00:00.000Z',
});

export const authSession = (role: ApiUser['role'] = 'admin', n = 1): AuthSession => ({
  user: staffUser(role),
  accessToken: `access-${n}`,
  refreshToken: `refresh-${n}`,
  expiresIn: 900,
  tokenType: 'Bearer',
});

export const json = (status: number, body: unknown, headers: Record<string, string> = {}) =>
  new Response(body === undefined ? null : JSON.stringify(body), {
    status,
    headers: { 'Content-Type': 'application/json', ...headers },
  });

export const problem = (status: number, code: string, detail: string, extra: Record<string, unknown> = {}) =>
  new Response(
    JSON.stringify({ type: `urn:market:problem:${code}`, title: code, status, detail, code, ...extra }),
    {
      status,
      headers: { 'Content-Type': 'application/problem+json' },
    },
  );

/** An in-memory sessionStorage. */
export function memoryStorage() {
  const items = new Map<string, string>();
  return {
    items,
    getItem: (key: string) => items.get(key) ?? null,
    setItem: (key: string, value: string) => void items.set(key, value),
    removeItem: (key: string) => void items.delete(key),
  };
}

export interface Call {
  url: string;
  method: string;
  headers: Headers;
  body: unknown;
}

/**
 * A fake API for fetch that keeps a session the way api/auth/sessions does: each refresh token works once and a
 * reused one ends the whole session; only the latest access token is accepted.
 */
export function fakeAuthApi(options: { refreshDelayMs?: number } = {}) {
  const calls: Call[] = [];
  let generation = 1;
  let ended = false;
  const used = new Set<string>();
  const validAccess = new Set(['access-1']);
  const routes = new Map<string, (call: Call) => Response | Promise<Response>>();

  async function refresh(call: Call): Promise<Response> {
    if (options.refreshDelayMs) await new Promise((resolve) => setTimeout(resolve, options.refreshDelayMs));
    const presented = (call.body as { refreshToken: string }).refreshToken;
    if (used.has(presented)) {
      ended = true;
      validAccess.clear();
      return problem(401, 'refresh_token_reused', 'This refresh token was already used.');
    }
    if (ended || presented !== `refresh-${generation}`) {
      return problem(401, 'invalid_refresh_token', 'Invalid refresh token.');
    }
    used.add(presented);
    generation += 1;
    validAccess.clear();
    validAccess.add(`access-${generation}`);
    return json(200, {
      accessToken: `access-${generation}`,
      refreshToken: `refresh-${generation}`,
      expiresIn: 900,
      tokenType: 'Bearer',
    });
  }

  const fetch = async (input: RequestInfo | URL, init: RequestInit = {}) => {
    const url = String(input);
    const call: Call = {
      url,
      method: init.method ?? 'GET',
      headers: new Headers(init.headers),
      body: typeof init.body === 'string' ? JSON.parse(init.body) : init.body,
    };
    calls.push(call);
    const path = new URL(url, 'http://api.test').pathname;
    if (path === '/api/auth/refresh') return refresh(call);
    const route = routes.get(`${call.method} ${path}`);
    if (!route) return problem(404, 'not_found', `No route ${call.method} ${path}`);
    const token = call.headers.get('Authorization')?.replace(/^Bearer /, '');
    const open =
      path === '/api/auth/login' || path === '/api/auth/exchange' || path === '/api/auth/providers';
    if (!open && (!token || !validAccess.has(token))) {
      return problem(401, 'invalid_token', 'A valid access token is required.');
    }
    return route(call);
  };

  return {
    fetch: fetch as typeof globalThis.fetch,
    calls,
    route(key: string, answer: (call: Call) => Response | Promise<Response>) {
      routes.set(key, answer);
    },
    /** The access token lapses on the server; the refresh token still works. */
    expireAccessToken() {
      validAccess.clear();
    },
    /** The session is revoked (logout elsewhere, account disabled): refreshing fails too. */
    endSession() {
      ended = true;
      validAccess.clear();
    },
    refreshCalls: () => calls.filter((c) => c.url.endsWith('/api/auth/refresh')),
  };
}
