import type { Express } from 'express';
import request from 'supertest';
import { type TestDeps } from '../../testing/deps';
import { createTestUser, uniqueEmail } from '../../testing/users';
import { clientIp, createAuthTestApp, expectProblem, fromClient } from './testing';

let deps: TestDeps;
let app: Express;

beforeAll(async () => {
  ({ deps, app } = await createAuthTestApp());
});
afterAll(async () => {
  await deps.close();
});

const post = (path: string, body: object, ip = clientIp()) =>
  request(app).post(path).agent(fromClient(ip)).send(body);
const me = (accessToken: string) => request(app).get('/api/me').set('Authorization', `Bearer ${accessToken}`);
// Other test files and concurrent runs write users too: "nothing written" is checked per email.
const usersWith = (email: string) =>
  deps.db.models.User.count({ where: { email: email.trim().toLowerCase() } });
const strongPassword = 'correct horse battery staple';

describe('POST /api/auth/register', () => {
  test('creates a customer, normalises the email and signs them in', async () => {
    const email = uniqueEmail('reg');
    const res = await post('/api/auth/register', {
      email: `  ${email.toUpperCase()} `,
      password: strongPassword,
      name: ' Ada ',
    });
    expect(res.status).toBe(201);
    expect(res.body.user).toMatchObject({ email, name: 'Ada', role: 'customer', hasPassword: true });
    expect(res.body).toMatchObject({ tokenType: 'Bearer', expiresIn: 900 });
    expect(JSON.stringify(res.body)).not.toContain('argon2');
    const stored = await deps.db.models.User.findOne({ where: { email } });
    expect(stored!.passwordHash).toMatch(/^\$argon2id\$/);
    expect((await me(res.body.accessToken)).body.email).toBe(email);
    expect((await post('/api/auth/refresh', { refreshToken: res.body.refreshToken })).status).toBe(200);
  });

  test('a taken email (in any case) is a 409 email_taken and writes nothing', async () => {
    const { user } = await createTestUser(deps);
    const res = await post('/api/auth/register', {
      email: user.email.toUpperCase(),
      password: strongPassword,
      name: 'Twin',
    });
    expectProblem(res, 409, 'email_taken');
    expect(await usersWith(user.email)).toBe(1);
    await user.reload();
    expect(user.name).toBe('Test User');
  });

  test.each<[string, (email: string) => string, string]>([
    ['too short', () => 'Ab1!xyz', 'too_small'],
    ['too long', () => 'x'.repeat(257), 'too_big'],
    ['the email', (email) => email.toUpperCase(), 'password_is_email'],
    ["the email's name part", (email) => email.split('@')[0]!, 'password_is_email'],
    ['a common password', () => 'password123', 'password_too_common'],
  ])(
    'a password that is %s is a 422 on body.password and writes nothing',
    async (_case, passwordFor, code) => {
      const email = uniqueEmail('weak');
      const res = await post('/api/auth/register', { email, password: passwordFor(email), name: 'Weak' });
      expectProblem(res, 422, 'validation_failed');
      expect(res.body.errors).toEqual([expect.objectContaining({ path: 'body.password', code })]);
      expect(await usersWith(email)).toBe(0);
    },
  );

  test.each([
    ['an invalid email', { email: 'not-an-email', password: strongPassword, name: 'X' }, 'body.email'],
    ['a missing name', { email: uniqueEmail(), password: strongPassword }, 'body.name'],
    [
      'a role (unknown field)',
      { email: uniqueEmail(), password: strongPassword, name: 'X', role: 'admin' },
      'body.role',
    ],
  ])('%s is a 422 naming the field and writes nothing', async (_case, body, path) => {
    const res = await post('/api/auth/register', body);
    expectProblem(res, 422, 'validation_failed');
    expect(res.body.errors.map((e: { path: string }) => e.path)).toContain(path);
    expect(await usersWith(body.email)).toBe(0);
  });
});

describe('POST /api/auth/login', () => {
  test('signs in with the right password, any case of the email', async () => {
    const { user, password } = await createTestUser(deps);
    const res = await post('/api/auth/login', { email: ` ${user.email.toUpperCase()}`, password });
    expect(res.status).toBe(200);
    expect(res.body.user).toMatchObject({ id: user.id, email: user.email });
    expect(res.body.user.lastLoginAt).not.toBeNull();
    expect((await me(res.body.accessToken)).status).toBe(200);
  });

  test('unknown email, wrong password, Google-only and disabled accounts get the very same 401', async () => {
    const known = await createTestUser(deps);
    const disabled = await createTestUser(deps, { disabled: true });
    const googleOnly = await createTestUser(deps);
    await googleOnly.user.update({ passwordHash: null });
    const answers = await Promise.all([
      post('/api/auth/login', { email: uniqueEmail('nobody'), password: known.password }),
      post('/api/auth/login', { email: known.user.email, password: `${known.password}x` }),
      post('/api/auth/login', { email: disabled.user.email, password: disabled.password }),
      post('/api/auth/login', { email: googleOnly.user.email, password: googleOnly.password }),
    ]);
    for (const res of answers) expectProblem(res, 401, 'invalid_credentials');
    const [first, ...others] = answers.map(({ body: { requestId: _id, ...rest } }) => rest);
    for (const other of others) expect(other).toEqual(first);
  });

  test('an unknown email costs as much time as a wrong password (a dummy hash is verified)', async () => {
    const { user, password } = await createTestUser(deps);
    const timed = async (email: string) => {
      const started = performance.now();
      expect((await post('/api/auth/login', { email, password: `${password}x` })).status).toBe(401);
      return performance.now() - started;
    };
    const median = (xs: number[]) => xs.sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
    const unknown: number[] = [];
    const wrong: number[] = [];
    for (let i = 0; i < 5; i++) {
      unknown.push(await timed(uniqueEmail('ghost')));
      wrong.push(await timed(user.email));
    }
    // Without the dummy verification an unknown email answers in ~1 ms against ~30 ms of argon2.
    expect(median(unknown)).toBeGreaterThan(median(wrong) * 0.4);
  });
});

describe('POST /api/auth/refresh', () => {
  test('rotates: a new pair, the old refresh token is spent', async () => {
    const { tokens } = await createTestUser(deps);
    const first = await post('/api/auth/refresh', { refreshToken: tokens.refreshToken });
    expect(first.status).toBe(200);
    expect(first.body).toEqual({
      accessToken: expect.any(String),
      refreshToken: expect.any(String),
      expiresIn: 900,
      tokenType: 'Bearer',
    });
    expect(first.body.refreshToken).not.toBe(tokens.refreshToken);
    expect((await me(first.body.accessToken)).status).toBe(200);
    const second = await post('/api/auth/refresh', { refreshToken: first.body.refreshToken });
    expect(second.status).toBe(200);
  });

  test('reusing a spent token ends the whole session, the tokens of the rotation included', async () => {
    const { tokens } = await createTestUser(deps);
    const rotated = await post('/api/auth/refresh', { refreshToken: tokens.refreshToken });
    expect(rotated.status).toBe(200);

    expectProblem(
      await post('/api/auth/refresh', { refreshToken: tokens.refreshToken }),
      401,
      'refresh_token_reused',
    );
    expect((await post('/api/auth/refresh', { refreshToken: rotated.body.refreshToken })).status).toBe(401);
    expectProblem(await me(rotated.body.accessToken), 401, 'invalid_token');
  });

  test('unknown, expired and disabled-user tokens are a 401 invalid_refresh_token', async () => {
    const expired = await createTestUser(deps);
    await deps.db.models.RefreshToken.update(
      { expiresAt: new Date(Date.now() - 1000) },
      { where: { userId: expired.user.id } },
    );
    const disabled = await createTestUser(deps, { disabled: true });
    for (const refreshToken of ['no-such-token', expired.tokens.refreshToken, disabled.tokens.refreshToken]) {
      expectProblem(await post('/api/auth/refresh', { refreshToken }), 401, 'invalid_refresh_token');
    }
  });

  test('a missing token is a 422', async () => {
    expectProblem(await post('/api/auth/refresh', {}), 422, 'validation_failed');
  });
});

describe('POST /api/auth/logout', () => {
  test('ends this session (access and refresh token) and leaves the other sessions alone', async () => {
    const { user, password, tokens, auth } = await createTestUser(deps);
    const other = await post('/api/auth/login', { email: user.email, password });

    const res = await request(app).post('/api/auth/logout').set(auth);
    expect(res.status).toBe(204);
    expectProblem(await me(tokens.accessToken), 401, 'invalid_token');
    expect((await post('/api/auth/refresh', { refreshToken: tokens.refreshToken })).status).toBe(401);

    expect((await me(other.body.accessToken)).status).toBe(200);
    expect((await post('/api/auth/refresh', { refreshToken: other.body.refreshToken })).status).toBe(200);
  });

  test('needs an access token', async () => {
    const res = await request(app).post('/api/auth/logout');
    expectProblem(res, 401, 'invalid_token');
    expect(res.headers['www-authenticate']).toBe('Bearer');
  });
});

test('OpenAPI documents the auth flows', async () => {
  const { body } = await request(app).get('/api/openapi.json');
  for (const path of ['/api/auth/register', '/api/auth/login', '/api/auth/refresh', '/api/auth/logout']) {
    expect(body.paths[path].post.summary).toEqual(expect.any(String));
    expect(body.paths[path].post.description).toEqual(expect.any(String));
  }
  expect(Object.keys(body.paths['/api/auth/login'].post.responses)).toEqual([
    '200',
    '400',
    '401',
    '413',
    '415',
    '422',
    '429',
  ]);
  expect(body.components.schemas.AuthSession.properties).toHaveProperty('refreshToken');
});
