import { describe, expect, test } from 'vitest';
import { authSession, fakeAuthApi, memoryStorage } from '../testing/fakeApi';
import { createSession, STORAGE_KEY } from './session';

const setup = (refreshDelayMs = 0) => {
  const api = fakeAuthApi({ refreshDelayMs });
  const storage = memoryStorage();
  let now = 1_000_000;
  const deps = { fetch: api.fetch, storage, now: () => now, apiUrl: '' };
  const session = createSession(deps);
  return { api, storage, session, deps, advance: (ms: number) => (now += ms) };
};

describe('session', () => {
  test('keeps the tokens in sessionStorage, so a reload finds the session', () => {
    const { session, storage, deps } = setup();
    session.start(authSession());
    expect(JSON.parse(storage.items.get(STORAGE_KEY)!)).toMatchObject({ refreshToken: 'refresh-1' });
    const reloaded = createSession(deps);
    expect(reloaded.isSignedIn()).toBe(true);
    expect(reloaded.user()?.email).toBe('admin@example.test');
  });

  test('concurrent refreshes share one request (single flight), so the rotated token is never reused', async () => {
    const { api, session } = setup(20);
    session.start(authSession());
    const results = await Promise.all([session.refresh(), session.refresh(), session.refresh()]);
    expect(results).toEqual([true, true, true]);
    expect(api.refreshCalls()).toHaveLength(1);
    expect(await session.accessToken()).toBe('access-2');
  });

  test('a refresh for a token the session has already moved past does not rotate again', async () => {
    const { api, session } = setup();
    session.start(authSession());
    await session.refresh('access-1');
    expect(await session.refresh('access-1')).toBe(true);
    expect(api.refreshCalls()).toHaveLength(1);
  });

  test('an expired access token is refreshed before it is used', async () => {
    const { api, session, advance } = setup();
    session.start(authSession());
    advance(900_000);
    expect(await session.accessToken()).toBe('access-2');
    expect(api.refreshCalls()).toHaveLength(1);
  });

  test('a refused refresh ends the session and clears storage', async () => {
    const { api, session, storage } = setup();
    session.start(authSession());
    api.endSession();
    expect(await session.refresh()).toBe(false);
    expect(session.isSignedIn()).toBe(false);
    expect(storage.items.has(STORAGE_KEY)).toBe(false);
  });

  test('a network failure keeps the session for a later try', async () => {
    const { deps } = setup();
    const offline = createSession({ ...deps, fetch: () => Promise.reject(new TypeError('offline')) });
    offline.start(authSession());
    expect(await offline.refresh()).toBe(false);
    expect(offline.isSignedIn()).toBe(true);
  });
});
