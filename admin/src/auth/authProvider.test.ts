import { describe, expect, test } from 'vitest';
import { createHttpClient } from '../http/httpClient';
import { ApiError } from '../http/problem';
import { authSession, fakeAuthApi, json, memoryStorage, problem, staffUser } from '../testing/fakeApi';
import { createAuthProvider, EXPIRED_CODE_MESSAGE, NOT_STAFF_MESSAGE } from './authProvider';
import { createSession } from './session';

const ACTIONS = [
  'orders.read',
  'orders.manage',
  'catalog.read',
  'catalog.write',
  'users.list',
  'users.update',
];
const SUPPORT = {
  role: 'support',
  actions: Object.fromEntries(ACTIONS.map((a) => [a, a.startsWith('orders.')])),
};
const ADMIN = { role: 'admin', actions: Object.fromEntries(ACTIONS.map((a) => [a, true])) };

const setup = () => {
  const api = fakeAuthApi();
  const session = createSession({ fetch: api.fetch, storage: memoryStorage(), now: () => 0, apiUrl: '' });
  const http = createHttpClient(session, api.fetch);
  const auth = createAuthProvider({ session, http, fetch: api.fetch, apiUrl: '' });
  return { api, session, auth };
};

describe('login', () => {
  test("staff sign in: the session starts and the permissions are the API's", async () => {
    const { api, auth, session } = setup();
    api.route('POST /api/auth/login', () => json(200, authSession('support')));
    api.route('GET /api/me/permissions', () => json(200, SUPPORT));
    await auth.login({ username: ' support@example.test ', password: 'pw' });
    expect(api.calls[0]!.body).toEqual({ email: 'support@example.test', password: 'pw' });
    expect(session.isSignedIn()).toBe(true);
    expect(await auth.getPermissions!({})).toEqual(SUPPORT);
    await auth.getPermissions!({});
    expect(api.calls.filter((c) => c.url === '/api/me/permissions')).toHaveLength(1);
    await expect(auth.checkAuth({})).resolves.toBeUndefined();
  });

  test('a customer is refused with a clear message, and the session the API opened is ended', async () => {
    const { api, auth, session } = setup();
    api.route('POST /api/auth/login', () => json(200, authSession('customer')));
    api.route('POST /api/auth/logout', () => new Response(null, { status: 204 }));
    await expect(auth.login({ username: 'c@example.test', password: 'pw' })).rejects.toThrow(
      NOT_STAFF_MESSAGE,
    );
    expect(session.isSignedIn()).toBe(false);
    const logout = api.calls.find((c) => c.url === '/api/auth/logout');
    expect(logout?.headers.get('Authorization')).toBe('Bearer access-1');
  });

  test('wrong credentials say so', async () => {
    const { api, auth } = setup();
    api.route('POST /api/auth/login', () =>
      problem(401, 'invalid_credentials', 'Invalid email or password.'),
    );
    await expect(auth.login({ username: 'a@example.test', password: 'x' })).rejects.toThrow(
      'Wrong email or password.',
    );
  });
});

describe('login with a code from Google sign-in', () => {
  test('the one-time code is exchanged for a staff session', async () => {
    const { api, auth, session } = setup();
    api.route('POST /api/auth/exchange', () => json(200, authSession('admin')));
    await auth.login({ code: 'one-time' });
    expect(api.calls[0]!.body).toEqual({ code: 'one-time' });
    expect(session.isSignedIn()).toBe(true);
  });

  test('a customer Google account is refused like a customer password', async () => {
    const { api, auth, session } = setup();
    api.route('POST /api/auth/exchange', () => json(200, authSession('customer')));
    api.route('POST /api/auth/logout', () => new Response(null, { status: 204 }));
    await expect(auth.login({ code: 'one-time' })).rejects.toThrow(NOT_STAFF_MESSAGE);
    expect(session.isSignedIn()).toBe(false);
    expect(api.calls.map((c) => c.url)).toContain('/api/auth/logout');
  });

  test('a used or expired code says to sign in again', async () => {
    const { api, auth } = setup();
    api.route('POST /api/auth/exchange', () => problem(401, 'invalid_code', 'The code is unknown.'));
    await expect(auth.login({ code: 'old' })).rejects.toThrow(EXPIRED_CODE_MESSAGE);
  });
});

describe('checkError', () => {
  test('403 keeps the session', async () => {
    const { auth, session } = setup();
    session.start(authSession());
    await expect(auth.checkError(new ApiError('Forbidden', 403, {}))).resolves.toBeUndefined();
    expect(session.isSignedIn()).toBe(true);
  });

  test('401 tries one refresh; when it works the session stays', async () => {
    const { api, auth, session } = setup();
    session.start(authSession());
    await expect(auth.checkError(new ApiError('Unauthorized', 401, {}, 'access-1'))).resolves.toBeUndefined();
    expect(api.refreshCalls()).toHaveLength(1);
    expect(await session.accessToken()).toBe('access-2');
  });

  test('401 whose refresh is refused logs out', async () => {
    const { api, auth, session } = setup();
    session.start(authSession());
    api.endSession();
    await expect(auth.checkError(new ApiError('Unauthorized', 401, {}, 'access-1'))).rejects.toThrow();
    expect(session.isSignedIn()).toBe(false);
  });

  test('401 for a token already rotated past does not rotate again', async () => {
    const { api, auth, session } = setup();
    session.start(authSession());
    await session.refresh();
    await expect(auth.checkError(new ApiError('Unauthorized', 401, {}, 'access-1'))).resolves.toBeUndefined();
    expect(api.refreshCalls()).toHaveLength(1);
  });
});

describe('logout, identity and access', () => {
  test('logout tells the API and forgets the tokens', async () => {
    const { api, auth, session } = setup();
    session.start(authSession());
    api.route('POST /api/auth/logout', () => new Response(null, { status: 204 }));
    await auth.logout({});
    expect(api.calls.map((c) => `${c.method} ${c.url}`)).toEqual(['POST /api/auth/logout']);
    expect(session.isSignedIn()).toBe(false);
  });

  test('getIdentity reads /api/me', async () => {
    const { api, auth, session } = setup();
    session.start(authSession());
    api.route('GET /api/me', () => json(200, { ...staffUser(), name: 'Ann Renamed' }));
    await expect(auth.getIdentity!()).resolves.toMatchObject({ id: 7, fullName: 'Ann Renamed' });
    expect(session.user()?.name).toBe('Ann Renamed');
  });

  test('routes follow the permissions the API answers: support orders only; an admin may not edit themself', async () => {
    const { api, auth, session } = setup();
    api.route('GET /api/me/permissions', () => json(200, SUPPORT));
    session.start(authSession('support'));
    expect(await auth.canAccess!({ resource: 'orders', action: 'list' })).toBe(true);
    expect(await auth.canAccess!({ resource: 'orders', action: 'edit' })).toBe(true);
    expect(await auth.canAccess!({ resource: 'users', action: 'list' })).toBe(false);
    expect(await auth.canAccess!({ resource: 'products', action: 'edit' })).toBe(false);
    expect(await auth.canAccess!({ resource: 'unknown', action: 'list' })).toBe(false);
    api.route('GET /api/me/permissions', () => json(200, ADMIN));
    await auth.logout({});
    api.route('POST /api/auth/login', () => json(200, authSession('admin')));
    await auth.login({ username: 'admin@example.test', password: 'pw' });
    expect(await auth.canAccess!({ resource: 'users', action: 'edit', record: { id: 8 } })).toBe(true);
    expect(await auth.canAccess!({ resource: 'users', action: 'edit', record: { id: 7 } })).toBe(false);
    expect(await auth.canAccess!({ resource: 'products', action: 'edit' })).toBe(true);
  });
});
