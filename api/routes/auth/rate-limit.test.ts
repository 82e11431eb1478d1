import type { Express } from 'express';
import request from 'supertest';
import { type TestDeps } from '../../testing/deps';
import { createTestUser } from '../../testing/users';
import { clientIp, createAuthTestApp, expectProblem, fromClient } from './testing';

// AUTH_RATE_LIMIT_PER_MINUTE is the default 10 here. Each test is its own client (a random loopback address).
let deps: TestDeps;
let app: Express;

beforeAll(async () => {
  ({ deps, app } = await createAuthTestApp());
});
afterAll(async () => {
  await deps.close();
});

const post = (path: string, body: object, ip: string) =>
  request(app).post(path).agent(fromClient(ip)).send(body);

function expectRateLimited(res: request.Response) {
  expectProblem(res, 429, 'rate_limited');
  const retryAfter = Number(res.headers['retry-after']);
  expect(Number.isInteger(retryAfter)).toBe(true);
  expect(retryAfter).toBeGreaterThanOrEqual(1);
  expect(retryAfter).toBeLessThanOrEqual(60);
}

test('the 11th failed login for one account from one client is a 429 with Retry-After', async () => {
  const { user, password } = await createTestUser(deps);
  const colleague = await createTestUser(deps);
  const ip = clientIp();
  for (let i = 0; i < 10; i++) {
    expectProblem(
      await post('/api/auth/login', { email: user.email, password: 'wrong' }, ip),
      401,
      'invalid_credentials',
    );
  }
  expectRateLimited(await post('/api/auth/login', { email: user.email, password: 'wrong' }, ip));
  // The account is protected from that client: even the right password waits (the email's case does not matter)…
  expectRateLimited(await post('/api/auth/login', { email: user.email.toUpperCase(), password }, ip));
  // …while a colleague behind the same address signs in, and the account itself from another client.
  const colleagueLogin = { email: colleague.user.email, password: colleague.password };
  expect((await post('/api/auth/login', colleagueLogin, ip)).status).toBe(200);
  expect((await post('/api/auth/login', { email: user.email, password }, clientIp())).status).toBe(200);
});

test('one client failing on many accounts is stopped after 50 failures a minute (5 N per IP)', async () => {
  const ip = clientIp();
  for (let i = 0; i < 50; i++) {
    const res = await post('/api/auth/login', { email: `nobody-${i}@example.test`, password: 'wrong' }, ip);
    expectProblem(res, 401, 'invalid_credentials');
  }
  expectRateLimited(
    await post('/api/auth/login', { email: 'nobody-50@example.test', password: 'wrong' }, ip),
  );
  const { user, password } = await createTestUser(deps);
  expectRateLimited(await post('/api/auth/login', { email: user.email, password }, ip));
});

test('successful logins do not count', async () => {
  const { user, password } = await createTestUser(deps);
  const ip = clientIp();
  for (let i = 0; i < 12; i++) {
    expect((await post('/api/auth/login', { email: user.email, password }, ip)).status).toBe(200);
  }
  expect((await post('/api/auth/login', { email: user.email, password: 'wrong' }, ip)).status).toBe(401);
});

test('registration: 10 per minute per client, successful or not', async () => {
  const { user } = await createTestUser(deps);
  const ip = clientIp();
  const body = { email: user.email, password: 'correct horse battery staple', name: 'Again' };
  for (let i = 0; i < 10; i++) expectProblem(await post('/api/auth/register', body, ip), 409, 'email_taken');
  expectRateLimited(await post('/api/auth/register', body, ip));
});

test('refresh: 30 per minute per client', async () => {
  const ip = clientIp();
  for (let i = 0; i < 30; i++) {
    expect((await post('/api/auth/refresh', { refreshToken: `bogus-${i}` }, ip)).status).toBe(401);
  }
  expectRateLimited(await post('/api/auth/refresh', { refreshToken: 'bogus' }, ip));
});
