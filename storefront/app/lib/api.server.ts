import type { AppLoadContext } from 'react-router';
import { ApiError, type Problem } from './problem';

/** The shopper's session lives in HttpOnly cookies; the API itself only sees bearer tokens and Cart-Token. */
export const COOKIES = { access: 'mk_at', refresh: 'mk_rt', cart: 'mk_cart' } as const;
const REFRESH_MAX_AGE = 30 * 24 * 3600;
const CART_MAX_AGE = 60 * 24 * 3600;

export interface AuthSession {
  accessToken: string;
  refreshToken: string;
  expiresIn: number;
}

interface Options {
  body?: unknown;
  idempotencyKey?: string;
  /** Send no bearer token (the refresh call: its token is in the body). */
  anonymous?: boolean;
}

export interface Answer<T> {
  status: number;
  data: T;
  headers: Record<string, string | string[] | number | undefined>;
}

/** Keeps the session cookies after sign-in, sign-up, refresh or the Google code exchange. */
export function keepSession(context: AppLoadContext, session: AuthSession): void {
  const { cookies } = context.shop;
  cookies.set(COOKIES.access, session.accessToken, { maxAgeSeconds: Math.max(30, session.expiresIn - 15) });
  cookies.set(COOKIES.refresh, session.refreshToken, { maxAgeSeconds: REFRESH_MAX_AGE });
}

export function dropSession(context: AppLoadContext): void {
  context.shop.cookies.clear(COOKIES.access);
  context.shop.cookies.clear(COOKIES.refresh);
}

export function isSignedIn(context: AppLoadContext): boolean {
  const { cookies } = context.shop;
  return Boolean(cookies.get(COOKIES.access) || cookies.get(COOKIES.refresh));
}

async function send(context: AppLoadContext, method: string, path: string, options: Options) {
  const { cookies } = context.shop;
  const headers: Record<string, string> = { accept: 'application/json' };
  const access = cookies.get(COOKIES.access);
  const cart = cookies.get(COOKIES.cart);
  if (access && !options.anonymous) headers.authorization = `Bearer ${access}`;
  if (cart) headers['cart-token'] = cart;
  if (options.idempotencyKey) headers['idempotency-key'] = options.idempotencyKey;
  let body: string | undefined;
  if (options.body !== undefined) {
    headers['content-type'] = 'application/json';
    body = JSON.stringify(options.body);
  }
  const answer = await context.shop.api({ method, path, headers, ...(body === undefined ? {} : { body }) });
  const token = answer.headers['cart-token'];
  if (typeof token === 'string' && token !== cart)
    cookies.set(COOKIES.cart, token, { maxAgeSeconds: CART_MAX_AGE });
  return answer;
}

/**
 * One refresh per refresh token at a time, shared by every caller (the root and page loaders of one request, or two
 * tabs): the API rotates refresh tokens and ends the whole session when a spent one comes back. The result is kept
 * a little while so a request that read the old cookie a moment later gets the same new pair.
 */
const refreshes = new Map<string, Promise<AuthSession | null>>();
const REFRESH_REMEMBER_MS = 10_000;

function refreshOnce(context: AppLoadContext, refreshToken: string): Promise<AuthSession | null> {
  let pending = refreshes.get(refreshToken);
  if (!pending) {
    pending = send(context, 'POST', '/api/auth/refresh', { body: { refreshToken }, anonymous: true }).then(
      (answer) => (answer.status === 200 ? (JSON.parse(answer.body) as AuthSession) : null),
      () => null,
    );
    refreshes.set(refreshToken, pending);
    setTimeout(() => refreshes.delete(refreshToken), REFRESH_REMEMBER_MS).unref();
  }
  return pending;
}

/** Trades the refresh cookie for a new session; false (and the session dropped) when it is spent or expired. */
async function refresh(context: AppLoadContext): Promise<boolean> {
  const refreshToken = context.shop.cookies.get(COOKIES.refresh);
  if (!refreshToken) return false;
  const session = await refreshOnce(context, refreshToken);
  if (!session) {
    dropSession(context);
    return false;
  }
  keepSession(context, session);
  return true;
}

/**
 * One API call as this shopper: bearer token and cart token from the cookies, a refresh when the access token
 * has expired (then the call again), new cookies when the API hands out a cart token. A 4xx/5xx throws ApiError
 * with the problem+json body.
 */
export async function callApi<T>(
  context: AppLoadContext,
  method: string,
  path: string,
  options: Options = {},
): Promise<Answer<T>> {
  const { cookies } = context.shop;
  if (!cookies.get(COOKIES.access) && cookies.get(COOKIES.refresh)) await refresh(context);
  let answer = await send(context, method, path, options);
  if (answer.status === 401 && cookies.get(COOKIES.access) && !path.startsWith('/api/auth/')) {
    // An access token the API no longer takes: refresh it, or go on as a guest (the cart stays on its own token).
    if (!(await refresh(context))) dropSession(context);
    answer = await send(context, method, path, options);
  }
  const type = String(answer.headers['content-type'] ?? '');
  const parsed: unknown = type.includes('json') && answer.body ? JSON.parse(answer.body) : answer.body;
  if (answer.status >= 400) throw new ApiError(answer.status, parsed as Problem, answer.headers);
  return { status: answer.status, data: parsed as T, headers: answer.headers };
}

export async function getJson<T>(context: AppLoadContext, path: string): Promise<T> {
  return (await callApi<T>(context, 'GET', path)).data;
}

export async function postJson<T>(
  context: AppLoadContext,
  path: string,
  body: unknown = {},
  idempotencyKey?: string,
): Promise<T> {
  return (await callApi<T>(context, 'POST', path, { body, ...(idempotencyKey ? { idempotencyKey } : {}) }))
    .data;
}
