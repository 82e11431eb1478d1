import { randomUUID } from 'node:crypto';
import type { Express } from 'express';
import request from 'supertest';
import { createApp } from '../../app';
import { oneTimeCodeKey } from '../../auth/one-time-code';
import { stateKey } from '../../auth/oauth-state';
import type { RedisCache } from '../../services/cache';
import { createTestDeps, type TestDeps } from '../../testing/deps';
import { createTestUser, uniqueEmail } from '../../testing/users';
import { expectProblem } from '../auth/testing';
import { type MockProvider, startMockProvider, type UserinfoClaims } from './testing';

const STOREFRONT = 'https://shop.market.test';
const CALLBACK = 'https://api.market.test/api/auth/google/callback';

let mock: MockProvider;
let deps: TestDeps;
let app: Express;

beforeAll(async () => {
  mock = await startMockProvider();
  deps = await createTestDeps({
    GOOGLE_CLIENT_ID: 'market-test-client',
    GOOGLE_CLIENT_SECRET: 'market-test-secret',
    GOOGLE_CALLBACK_URL: CALLBACK,
    GOOGLE_AUTHORIZATION_URL: `${mock.url}/authorize`,
    GOOGLE_TOKEN_URL: `${mock.url}/token`,
    GOOGLE_USERINFO_URL: `${mock.url}/userinfo`,
    STOREFRONT_URL: STOREFRONT,
    // Every test here starts sign-in and exchanges a code from one address; the limit itself is tested elsewhere.
    AUTH_RATE_LIMIT_PER_MINUTE: '100',
  });
  app = createApp(deps);
});
afterEach(() => mock.reset());
afterAll(async () => {
  await deps?.close();
  await mock?.stop();
});

const redis = () => (deps.cache as RedisCache).redis;
const googleUser = (
  overrides: Partial<UserinfoClaims> = {},
): UserinfoClaims & { sub: string; email: string } => ({
  sub: `google-${randomUUID()}`,
  email: uniqueEmail('google'),
  email_verified: true,
  name: 'Grace Hopper',
  ...overrides,
});
const pathOf = (url: URL) => url.pathname + url.search;

/** GET /api/auth/google: the provider's authorization URL and the state cookie, as a browser would keep it. */
async function start() {
  const res = await request(app).get('/api/auth/google');
  expect(res.status).toBe(302);
  const setCookie = [res.headers['set-cookie'] ?? []].flat();
  return { authorizeUrl: new URL(res.headers.location!), setCookie, cookie: setCookie[0]!.split(';')[0]! };
}

/** The browser at the provider: the mock signs the person in at once and redirects to our callback. */
async function authorize(authorizeUrl: URL): Promise<URL> {
  const res = await request(mock.url).get(pathOf(authorizeUrl));
  expect(res.status).toBe(302);
  return new URL(res.headers.location!);
}

/** The callback, answered with a redirect to the storefront: its URL. */
async function callback(url: URL, cookie?: string): Promise<URL> {
  const res = await request(app)
    .get(pathOf(url))
    .set(cookie ? { Cookie: cookie } : {});
  expect(res.status).toBe(302);
  expect(res.headers['cache-control']).toBe('no-store');
  const location = new URL(res.headers.location!);
  expect(location.origin + location.pathname).toBe(`${STOREFRONT}/auth/callback`);
  return location;
}

/** The whole browser round trip for one person at Google; the storefront URL it ends on. */
async function signIn(claims: UserinfoClaims): Promise<URL> {
  await mock.nextUserinfo(claims);
  const { authorizeUrl, cookie } = await start();
  return callback(await authorize(authorizeUrl), cookie);
}

const exchange = (code: string) => request(app).post('/api/auth/exchange').send({ code });

async function signInAndExchange(claims: UserinfoClaims) {
  const storefront = await signIn(claims);
  expect([...storefront.searchParams.keys()]).toEqual(['code']); // a one-time code, never tokens
  const res = await exchange(storefront.searchParams.get('code')!);
  expect(res.status).toBe(200);
  return res.body as { user: { id: number; role: string; hasPassword: boolean }; accessToken: string };
}

const usersWithEmail = (email: string) => deps.db.models.User.count({ where: { email } });
const identitiesOf = (subject: string) =>
  deps.db.models.UserIdentity.findAll({ where: { provider: 'google', subject } });

describe('GET /api/auth/google', () => {
  test('redirects to Google with OpenID scopes, PKCE and a one-time state that is also an HttpOnly cookie', async () => {
    const { authorizeUrl, setCookie, cookie } = await start();
    expect(authorizeUrl.origin + authorizeUrl.pathname).toBe(`${mock.url}/authorize`);
    const params = authorizeUrl.searchParams;
    expect(params.get('response_type')).toBe('code');
    expect(params.get('client_id')).toBe('market-test-client');
    expect(params.get('redirect_uri')).toBe(CALLBACK);
    expect(params.get('scope')).toBe('openid email profile');
    expect(params.get('code_challenge_method')).toBe('S256');
    const state = params.get('state')!;
    expect(state).toMatch(/^[\w-]{43}$/);
    expect(cookie).toBe(`market_oauth_google=${state}`);
    expect(setCookie[0]).toMatch(/HttpOnly/);
    expect(setCookie[0]).toMatch(/SameSite=Lax/);
    expect(setCookie[0]).toMatch(/Secure/);
    expect(setCookie[0]).toMatch(/Path=\/api\/auth\/google\/callback/);
    const ttl = await redis().ttl(stateKey('google', state));
    expect(ttl).toBeGreaterThan(0);
    expect(ttl).toBeLessThanOrEqual(600);
  });

  test('takes only `to` (a `code` here is a 422, never mistaken for a callback; `to` is shop or admin, not a URL)', async () => {
    expectProblem(await request(app).get('/api/auth/google?code=abc&state=def'), 422, 'validation_failed');
    expectProblem(
      await request(app).get('/api/auth/google?to=https://evil.example'),
      422,
      'validation_failed',
    );
  });
});

describe('signing in to the back office (?to=admin)', () => {
  const PUBLIC_URL = () => deps.config.http.publicUrl.replace(/\/+$/, '');

  /** The round trip started from the back office, with the cookies the start set; the URL it ends on. */
  async function signInToAdmin(claims: UserinfoClaims, cookies?: (set: string[]) => string): Promise<URL> {
    await mock.nextUserinfo(claims);
    const res = await request(app).get('/api/auth/google?to=admin');
    expect(res.status).toBe(302);
    const setCookie = [res.headers['set-cookie'] ?? []].flat();
    const cookie = cookies ? cookies(setCookie) : setCookie.map((c) => c.split(';')[0]).join('; ');
    const back = await request(app)
      .get(pathOf(await authorize(new URL(res.headers.location!))))
      .set({ Cookie: cookie });
    expect(back.status).toBe(302);
    expect(back.headers['cache-control']).toBe('no-store');
    return new URL(back.headers.location!);
  }

  test('a staff member with the same verified email comes back to /admin/#/auth/callback with a one-time code', async () => {
    const staff = await createTestUser(deps, { role: 'admin' });
    const back = await signInToAdmin(googleUser({ email: staff.user.email }));
    expect(back.origin + back.pathname).toBe(`${PUBLIC_URL()}/admin/`);
    const [route, query] = back.hash.slice(1).split('?');
    expect(route).toBe('/auth/callback');
    const params = new URLSearchParams(query);
    expect([...params.keys()]).toEqual(['code']);
    const res = await exchange(params.get('code')!);
    expect(res.status).toBe(200);
    expect(res.body.user).toMatchObject({ id: staff.user.id, role: 'admin' });
  });

  test('the destination cookie is HttpOnly on the callback path and cleared by the callback', async () => {
    const res = await request(app).get('/api/auth/google?to=admin');
    const setCookie = [res.headers['set-cookie'] ?? []].flat();
    const to = setCookie.find((c) => c.startsWith('market_oauth_google_to='))!;
    expect(to).toMatch(/^market_oauth_google_to=admin;/);
    expect(to).toMatch(/HttpOnly/);
    expect(to).toMatch(/Path=\/api\/auth\/google\/callback/);
  });

  test('errors come back to the back office too (declined at Google)', async () => {
    const res = await request(app).get('/api/auth/google?to=admin');
    const cookie = [res.headers['set-cookie'] ?? []]
      .flat()
      .map((c) => c.split(';')[0])
      .join('; ');
    const back = await request(app)
      .get('/api/auth/google/callback?error=access_denied')
      .set({ Cookie: cookie });
    const location = new URL(back.headers.location!);
    expect(location.hash).toBe('#/auth/callback?error=access_denied');
  });

  test('a forged destination cookie cannot send anyone elsewhere: anything but `admin` is the shop', async () => {
    const back = await signInToAdmin(googleUser(), (set) =>
      [set[0]!.split(';')[0], 'market_oauth_google_to=https%3A%2F%2Fevil.example'].join('; '),
    );
    expect(back.origin + back.pathname).toBe(`${STOREFRONT}/auth/callback`);
  });
});

describe('GET /api/auth/providers', () => {
  test('lists Google with the URL that starts it when configured, nothing when not', async () => {
    const res = await request(app).get('/api/auth/providers');
    expect(res.status).toBe(200);
    expect(res.body).toEqual({ providers: [{ name: 'google', label: 'Google', start: '/api/auth/google' }] });
    const unconfigured = createApp({
      ...deps,
      config: { ...deps.config, auth: { ...deps.config.auth, google: null } },
    });
    expect((await request(unconfigured).get('/api/auth/providers')).body).toEqual({ providers: [] });
  });
});

describe('Google sign-in end to end', () => {
  test('a new Google user becomes a customer without a password, with an identity, and the tokens work', async () => {
    const person = googleUser();
    const session = await signInAndExchange(person);
    expect(session.user).toMatchObject({ role: 'customer', hasPassword: false });

    const me = await request(app).get('/api/me').set('Authorization', `Bearer ${session.accessToken}`);
    expect(me.status).toBe(200);
    expect(me.body).toMatchObject({ id: session.user.id, email: person.email, name: 'Grace Hopper' });

    const user = await deps.db.models.User.findByPk(session.user.id);
    expect(user?.passwordHash).toBeNull();
    const identities = await identitiesOf(person.sub);
    expect(identities.map((i) => [i.userId, i.email])).toEqual([[session.user.id, person.email]]);

    // The code was exchanged with the PKCE verifier and our client credentials, for the registered callback.
    const [tokenRequest] = await mock.tokenRequests();
    expect(tokenRequest?.body).toMatchObject({
      grant_type: 'authorization_code',
      redirect_uri: CALLBACK,
      client_secret: 'market-test-secret',
    });
    expect(tokenRequest?.body.code_verifier).toMatch(/^[\w-]{43,128}$/);
  });

  test('an existing password user with the same verified email gets Google linked to the same account', async () => {
    const existing = await createTestUser(deps);
    const person = googleUser({ email: existing.user.email.toUpperCase() });
    const session = await signInAndExchange(person);
    expect(session.user).toMatchObject({ id: existing.user.id, hasPassword: true });
    expect((await identitiesOf(person.sub)).map((i) => i.userId)).toEqual([existing.user.id]);
    expect(await usersWithEmail(existing.user.email)).toBe(1);
  });

  test('a returning Google user is found by subject, even after the email at Google changed', async () => {
    const person = googleUser();
    const first = await signInAndExchange(person);
    const newEmail = uniqueEmail('changed');
    const second = await signInAndExchange({ ...person, email: newEmail });
    expect(second.user.id).toBe(first.user.id);
    expect(await usersWithEmail(newEmail)).toBe(0); // the account keeps its email; only the identity follows
    expect((await identitiesOf(person.sub)).map((i) => i.email)).toEqual([newEmail]);
  });

  test.each([
    ['unverified', { email_verified: false }],
    ['verification not stated', { email_verified: undefined }],
  ])('an email that is %s: error redirect, no account, nothing written', async (_case, overrides) => {
    // Data is unique per test and the test database is shared, so "nothing" is checked for this person.
    const person = googleUser(overrides);
    const storefront = await signIn(person);
    expect(storefront.searchParams.get('error')).toBe('email_not_verified');
    expect(storefront.searchParams.has('code')).toBe(false);
    expect(await usersWithEmail(person.email)).toBe(0);
    expect(await identitiesOf(person.sub)).toEqual([]);
  });

  test('a disabled user: account_disabled, and Google is not linked', async () => {
    const existing = await createTestUser(deps, { disabled: true });
    const person = googleUser({ email: existing.user.email });
    const storefront = await signIn(person);
    expect(storefront.searchParams.get('error')).toBe('account_disabled');
    expect(await identitiesOf(person.sub)).toEqual([]);
  });

  test('declining at Google comes back as access_denied', async () => {
    const { authorizeUrl, cookie } = await start();
    const url = new URL(CALLBACK);
    url.search = new URLSearchParams({
      error: 'access_denied',
      state: authorizeUrl.searchParams.get('state')!,
    }).toString();
    expect((await callback(url, cookie)).searchParams.get('error')).toBe('access_denied');
  });
});

describe('the state protects the callback', () => {
  /** Runs a sign-in up to the callback URL, lets `tamper` change it, and checks it fails with no account made. */
  async function expectInvalidState(
    tamper: (url: URL, cookie: string) => Promise<{ url: URL; cookie?: string }>,
  ) {
    const person = googleUser();
    await mock.nextUserinfo(person);
    const { authorizeUrl, cookie } = await start();
    const tampered = await tamper(await authorize(authorizeUrl), cookie);
    const storefront = await callback(tampered.url, tampered.cookie);
    expect(storefront.searchParams.get('error')).toBe('invalid_state');
    expect(await usersWithEmail(person.email)).toBe(0);
    expect(await mock.tokenRequests()).toEqual([]); // the code was never even exchanged
  }

  test('a callback without state', () =>
    expectInvalidState(async (url, cookie) => {
      url.searchParams.delete('state');
      return { url, cookie };
    }));

  test('a state this API never issued (even with a matching cookie)', () =>
    expectInvalidState(async (url) => {
      url.searchParams.set('state', 'forged-state');
      return { url, cookie: 'market_oauth_google=forged-state' };
    }));

  test('a state from another browser (no state cookie: login CSRF)', () =>
    expectInvalidState(async (url) => ({ url })));

  test('an expired state (its cache entry removed, as the 10-minute expiry would)', () =>
    expectInvalidState(async (url, cookie) => {
      await deps.cache.del(stateKey('google', url.searchParams.get('state')!));
      return { url, cookie };
    }));

  test('a state is one-time: replaying a finished callback fails', async () => {
    await mock.nextUserinfo(googleUser());
    const { authorizeUrl, cookie } = await start();
    const url = await authorize(authorizeUrl);
    expect((await callback(url, cookie)).searchParams.has('code')).toBe(true);
    expect((await callback(url, cookie)).searchParams.get('error')).toBe('invalid_state');
    expect(await mock.tokenRequests()).toHaveLength(1);
  });
});

describe('POST /api/auth/exchange', () => {
  test('a code works once: the second exchange is 401 invalid_code', async () => {
    const code = (await signIn(googleUser())).searchParams.get('code')!;
    expect((await exchange(code)).status).toBe(200);
    expectProblem(await exchange(code), 401, 'invalid_code');
  });

  test('an expired code is refused (its Redis key removed, as the 60 s expiry would; the TTL is checked)', async () => {
    const code = (await signIn(googleUser())).searchParams.get('code')!;
    const ttl = await redis().ttl(oneTimeCodeKey(code));
    expect(ttl).toBeGreaterThan(0);
    expect(ttl).toBeLessThanOrEqual(60);
    expect(await redis().exists(`auth:one-time-code:${code}`)).toBe(0); // only the hash is a key
    await deps.cache.del(oneTimeCodeKey(code));
    expectProblem(await exchange(code), 401, 'invalid_code');
  });

  test('an account disabled between callback and exchange gets no session', async () => {
    const person = googleUser();
    const code = (await signIn(person)).searchParams.get('code')!;
    await deps.db.models.User.update({ disabled: true }, { where: { email: person.email } });
    expectProblem(await exchange(code), 403, 'account_disabled');
  });

  test('unknown codes and unknown fields are refused', async () => {
    expectProblem(await exchange('not-a-code'), 401, 'invalid_code');
    const res = await request(app).post('/api/auth/exchange').send({ code: 'x', userId: 1 });
    expectProblem(res, 422, 'validation_failed');
  });
});

describe('Google not configured', () => {
  test('start and callback are 404 provider_not_configured', async () => {
    const unconfigured = createApp({
      ...deps,
      config: { ...deps.config, auth: { ...deps.config.auth, google: null } },
    });
    expectProblem(await request(unconfigured).get('/api/auth/google'), 404, 'provider_not_configured');
    const res = await request(unconfigured).get('/api/auth/google/callback?code=x&state=y');
    expectProblem(res, 404, 'provider_not_configured');
  });
});

test('OpenAPI documents the redirects and the exchange', async () => {
  const { body } = await request(app).get('/api/openapi.json');
  expect(Object.keys(body.paths['/api/auth/google'].get.responses)).toEqual(['302', '404', '422', '429']);
  expect(Object.keys(body.paths['/api/auth/google/callback'].get.responses)).toContain('302');
  expect(Object.keys(body.paths['/api/auth/exchange'].post.responses)).toEqual([
    '200',
    '400',
    '401',
    '403',
    '413',
    '415',
    '422',
    '429',
  ]);
});
