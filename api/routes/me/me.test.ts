import type { Express } from 'express';
import request from 'supertest';
import { verifyPassword } from '@market/db';
import { type TestDeps } from '../../testing/deps';
import { createTestUser, type TestUser } from '../../testing/users';
import { createAuthTestApp, expectProblem, fromClient } from '../auth/testing';

let deps: TestDeps;
let app: Express;

beforeAll(async () => {
  ({ deps, app } = await createAuthTestApp());
});
afterAll(async () => {
  await deps.close();
});

const bearer = (accessToken: string) => ({ Authorization: `Bearer ${accessToken}` });
const me = (accessToken: string) => request(app).get('/api/me').set(bearer(accessToken));
const patchMe = (accessToken: string, body: object) =>
  request(app).patch('/api/me').agent(fromClient()).set(bearer(accessToken)).send(body);
const refresh = (refreshToken: string) =>
  request(app).post('/api/auth/refresh').agent(fromClient()).send({ refreshToken });
const login = (email: string, password: string) =>
  request(app).post('/api/auth/login').agent(fromClient()).send({ email, password });
const newPassword = 'a brand new passphrase';

describe('GET /api/me', () => {
  test('returns the signed-in user, without secrets', async () => {
    const { user, tokens } = await createTestUser(deps, { name: 'Grace' });
    const res = await me(tokens.accessToken);
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ id: user.id, email: user.email, name: 'Grace', role: 'customer' });
    expect(res.body).not.toHaveProperty('passwordHash');
    expect(res.body).not.toHaveProperty('sessionEpoch');
  });

  test('without a token, or as a disabled user: 401', async () => {
    expectProblem(await request(app).get('/api/me'), 401, 'invalid_token');
    const disabled = await createTestUser(deps, { disabled: true });
    expectProblem(await me(disabled.tokens.accessToken), 401, 'invalid_token');
  });
});

describe('PATCH /api/me', () => {
  test('changes the name; the session goes on', async () => {
    const { tokens } = await createTestUser(deps);
    const res = await patchMe(tokens.accessToken, { name: '  Ada Lovelace ' });
    expect(res.status).toBe(200);
    expect(res.body).toEqual({ user: expect.objectContaining({ name: 'Ada Lovelace' }) });
    expect((await me(tokens.accessToken)).body.name).toBe('Ada Lovelace');
  });

  test.each([
    ['nothing to change', {}, 'body'],
    ['an unknown field', { name: 'X', role: 'admin' }, 'body.role'],
    ['an email change', { email: 'new@example.test' }, 'body.email'],
    ['a new password without the current one', { newPassword }, 'body.currentPassword'],
    ['the current password alone', { currentPassword: 'whatever' }, 'body.newPassword'],
    ['an empty name', { name: ' ' }, 'body.name'],
  ])('%s is a 422 naming the field', async (_case, body, path) => {
    const { user, tokens } = await createTestUser(deps, { name: 'Unchanged' });
    const res = await patchMe(tokens.accessToken, body);
    expectProblem(res, 422, 'validation_failed');
    expect(res.body.errors.map((e: { path: string }) => e.path)).toContain(path);
    await user.reload();
    expect(user.name).toBe('Unchanged');
    expect(user.role).toBe('customer');
  });

  test('a wrong current password is a 422 current_password_invalid; nothing changes', async () => {
    const { user, password, tokens } = await createTestUser(deps);
    const res = await patchMe(tokens.accessToken, {
      currentPassword: `${password}x`,
      newPassword,
      name: 'New',
    });
    expectProblem(res, 422, 'validation_failed');
    expect(res.body.errors).toEqual([
      expect.objectContaining({ path: 'body.currentPassword', code: 'current_password_invalid' }),
    ]);
    await user.reload();
    expect(user.name).toBe('Test User');
    expect(await verifyPassword(user.passwordHash!, password)).toBe(true);
    expect((await me(tokens.accessToken)).status).toBe(200);
  });

  test.each([
    ['too short', 'short', 'too_small'],
    ['common', 'iloveyou', 'password_too_common'],
  ])('a new password that is %s is a 422 on body.newPassword', async (_case, weak, code) => {
    const { user, password, tokens } = await createTestUser(deps);
    const res = await patchMe(tokens.accessToken, { currentPassword: password, newPassword: weak });
    expectProblem(res, 422, 'validation_failed');
    expect(res.body.errors).toEqual([expect.objectContaining({ path: 'body.newPassword', code })]);
    await user.reload();
    expect(await verifyPassword(user.passwordHash!, password)).toBe(true);
  });

  test('the email as new password is refused', async () => {
    const { user, password, tokens } = await createTestUser(deps);
    const res = await patchMe(tokens.accessToken, { currentPassword: password, newPassword: user.email });
    expect(res.body.errors).toEqual([expect.objectContaining({ code: 'password_is_email' })]);
  });

  test('an account without a password (Google only) cannot change it here', async () => {
    const { user, tokens } = await createTestUser(deps);
    await user.update({ passwordHash: null });
    const res = await patchMe(tokens.accessToken, { currentPassword: 'anything', newPassword });
    expectProblem(res, 422, 'validation_failed');
    expect(res.body.errors[0]).toMatchObject({ path: 'body.currentPassword', code: 'no_password' });
  });

  describe('a password change', () => {
    let caller: TestUser;
    let other: { accessToken: string; refreshToken: string };
    let res: request.Response;

    beforeAll(async () => {
      caller = await createTestUser(deps);
      other = (await login(caller.user.email, caller.password)).body;
      res = await patchMe(caller.tokens.accessToken, { currentPassword: caller.password, newPassword });
    });

    test('returns the user and the tokens of a new session', () => {
      expect(res.status).toBe(200);
      expect(res.body).toMatchObject({ user: { id: caller.user.id }, tokenType: 'Bearer' });
      expect(res.body.accessToken).not.toBe(caller.tokens.accessToken);
    });

    test('ends every other session: their access and refresh tokens are refused', async () => {
      expectProblem(await me(other.accessToken), 401, 'invalid_token');
      expect((await refresh(other.refreshToken)).status).toBe(401);
    });

    test("ends the caller's old tokens too", async () => {
      expectProblem(await me(caller.tokens.accessToken), 401, 'invalid_token');
      expect((await refresh(caller.tokens.refreshToken)).status).toBe(401);
    });

    test("the caller's new tokens work", async () => {
      expect((await me(res.body.accessToken)).status).toBe(200);
      const rotated = await refresh(res.body.refreshToken);
      expect(rotated.status).toBe(200);
      expect((await me(rotated.body.accessToken)).status).toBe(200);
    });

    test('only the new password signs in', async () => {
      expectProblem(await login(caller.user.email, caller.password), 401, 'invalid_credentials');
      expect((await login(caller.user.email, newPassword)).status).toBe(200);
    });
  });
});

test('OpenAPI documents /api/me', async () => {
  const { body } = await request(app).get('/api/openapi.json');
  expect(body.paths['/api/me'].get.summary).toEqual(expect.any(String));
  expect(body.paths['/api/me'].patch.description).toContain('current_password_invalid');
});
