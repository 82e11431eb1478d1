import { randomBytes } from 'node:crypto';
import request from 'supertest';
import { sessionContext } from '../../../auth/context';
import { rotateSession } from '../../../auth/sessions';
import { type AdminApp, useAdminApp } from '../../../testing/admin-app';
import type { TestDeps } from '../../../testing/deps';
import { createTestUser, type TestUser } from '../../../testing/users';
import { USER_SORT_FIELDS } from './schema';

const suite = useAdminApp();
let deps: TestDeps;
let app: AdminApp['app'];
let admin: TestUser;
beforeAll(() => ({ deps, app, admin } = suite));

/** A word no other test's data contains, so list assertions see only this test's users. */
const tag = () => `tag${randomBytes(5).toString('hex')}`;
const list = (query: Record<string, unknown>) =>
  request(app)
    .get('/api/admin/users')
    .query(Object.fromEntries(Object.entries(query).map(([k, v]) => [k, JSON.stringify(v)])))
    .set(admin.auth);
const emails = (res: request.Response) => res.body.map((u: { email: string }) => u.email);

function expectNoSecrets(res: request.Response) {
  expect(res.text).not.toContain('passwordHash');
  expect(res.text).not.toContain('$argon2');
  expect(res.text).not.toContain('sessionEpoch');
}

describe('GET /api/admin/users', () => {
  test('filters by q on email or name, any case, sorts, pages and sets Content-Range', async () => {
    const t = tag();
    await createTestUser(deps, { email: `b-${t}@example.test`, name: 'Bob' });
    await createTestUser(deps, { email: `a-${t}@example.test`, name: 'Ann' });
    await createTestUser(deps, { name: `Cleo ${t.toUpperCase()}` });
    await createTestUser(deps, { name: 'Unrelated' });

    // As react-admin's getList sends it, Range header included.
    const query = { filter: { q: t.toUpperCase() }, sort: ['name', 'ASC'], range: [0, 24] };
    const all = await list(query).set('Range', 'users=0-24');
    expect(all.status).toBe(200);
    expect(all.body.map((u: { name: string }) => u.name)).toEqual(['Ann', 'Bob', `Cleo ${t.toUpperCase()}`]);
    expect(all.headers['content-range']).toBe('users 0-2/3');
    expectNoSecrets(all);

    // The third user's email is customer-…, so DESC puts it first.
    const page = await list({ filter: { q: t }, sort: ['email', 'DESC'], range: [1, 2] });
    expect(emails(page)).toEqual([`b-${t}@example.test`, `a-${t}@example.test`]);
    expect(page.headers['content-range']).toBe('users 1-2/3');

    const beyond = await list({ filter: { q: t }, range: [10, 19] });
    expect(beyond.body).toEqual([]);
    expect(beyond.headers['content-range']).toBe('users */3');
  });

  test('q matches % and _ literally', async () => {
    const t = tag();
    await createTestUser(deps, { name: `${t} 100%` });
    await createTestUser(deps, { name: `${t} 1000` });
    await createTestUser(deps, { name: `${t} a_b` });
    await createTestUser(deps, { name: `${t} axb` });
    const names = async (q: string) =>
      (await list({ filter: { q } })).body.map((u: { name: string }) => u.name);
    expect(await names(`${t} 100%`)).toEqual([`${t} 100%`]);
    expect(await names(`${t} a_b`)).toEqual([`${t} a_b`]);
    expect(await names(`${t} !`)).toEqual([]);
  });

  test('filters by role and disabled', async () => {
    const t = tag();
    const support = await createTestUser(deps, { role: 'support', name: t });
    const off = await createTestUser(deps, { disabled: true, name: t });
    await createTestUser(deps, { name: t });
    const role = await list({ filter: { q: t, role: 'support' } });
    expect(role.body.map((u: { id: number }) => u.id)).toEqual([support.user.id]);
    const disabled = await list({ filter: { q: t, disabled: true } });
    expect(disabled.body.map((u: { id: number }) => u.id)).toEqual([off.user.id]);
    expect(disabled.body[0].disabled).toBe(true);
    expect((await list({ filter: { q: t, disabled: false } })).headers['content-range']).toBe('users 0-1/2');
  });

  test('sorts on every allowed field (model names map to snake_case columns)', async () => {
    const t = tag();
    const made = [await createTestUser(deps, { name: t }), await createTestUser(deps, { name: t })];
    const ids = made.map((m) => m.user.id);
    for (const field of USER_SORT_FIELDS) {
      const res = await list({ filter: { q: t }, sort: [field, 'DESC'] });
      expect(res.status).toBe(200);
      expect(res.body).toHaveLength(2);
    }
    const newest = await list({ filter: { q: t }, sort: ['createdAt', 'DESC'] });
    expect(newest.body.map((u: { id: number }) => u.id)).toEqual([...ids].reverse());
  });

  test('getMany: filter={"id":[…]} with numbers or digit strings, no sort or range', async () => {
    const [a, b] = [await createTestUser(deps), await createTestUser(deps)];
    const res = await list({ filter: { id: [b.user.id, String(a.user.id), 99_999_999] } });
    expect(res.status).toBe(200);
    expect(res.body.map((u: { id: number }) => u.id)).toEqual([a.user.id, b.user.id]);
    expect(res.headers['content-range']).toBe('users 0-1/2');
    expect((await list({ filter: { id: a.user.id } })).body).toHaveLength(1);
  });

  test.each([
    ['sort that is not JSON', { sort: '["id",' }, 'query.sort'],
    ['sort on a field off the allow-list', { sort: '["passwordHash","ASC"]' }, 'query.sort.0'],
    ['sort order in lower case', { sort: '["id","asc"]' }, 'query.sort.1'],
    ['range larger than 100', { range: '[0,100]' }, 'query.range'],
    ['range ending before it starts', { range: '[5,2]' }, 'query.range'],
    ['negative range', { range: '[-1,3]' }, 'query.range.0'],
    ['filter that is not an object', { filter: '[]' }, 'query.filter'],
    ['unknown filter', { filter: '{"passwordHash":"x"}' }, 'query.filter.passwordHash'],
    ['unknown role', { filter: '{"role":"root"}' }, 'query.filter.role'],
    ['id list of non-ids', { filter: '{"id":["1; DROP"]}' }, 'query.filter.id'],
    ['unknown parameter', { page: '2' }, 'query.page'],
  ])('%s is a 422 naming the parameter', async (_name, query, path) => {
    const res = await request(app).get('/api/admin/users').query(query).set(admin.auth);
    expect(res.status).toBe(422);
    expect(res.body.code).toBe('validation_failed');
    expect(res.body.errors.map((e: { path: string }) => e.path)).toContain(path);
  });

  test('accepts a range of exactly 100', async () => {
    const res = await list({ range: [100, 199] });
    expect(res.status).toBe(200);
    expect(res.body.length).toBeLessThanOrEqual(100);
  });
});

describe('GET /api/admin/users/:id', () => {
  test('answers the presented user, without secrets', async () => {
    const { user } = await createTestUser(deps, { name: 'Dora' });
    const res = await request(app).get(`/api/admin/users/${user.id}`).set(admin.auth);
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ id: user.id, email: user.email, name: 'Dora', hasPassword: true });
    expectNoSecrets(res);
  });

  test('404 for a missing user, 422 for an id that is not one', async () => {
    expect((await request(app).get('/api/admin/users/99999999').set(admin.auth)).status).toBe(404);
    expect((await request(app).get('/api/admin/users/abc').set(admin.auth)).status).toBe(422);
  });
});

describe('PUT /api/admin/users/:id', () => {
  const put = (id: number, body: object, who = admin) =>
    request(app).put(`/api/admin/users/${id}`).set(who.auth).send(body);
  /** A customer's token is refused on an admin route with 403 while it is valid, 401 once it is not. */
  const probe = async (who: TestUser) => (await request(app).get('/api/admin/users').set(who.auth)).status;

  test('accepts the whole record react-admin sends back and changes only writable fields', async () => {
    const target = await createTestUser(deps, { name: 'Eve' });
    const shown = (await request(app).get(`/api/admin/users/${target.user.id}`).set(admin.auth)).body;
    const res = await put(target.user.id, {
      ...shown,
      name: 'Eve Adams',
      createdAt: '2000-01-01T00:00:00.000Z',
    });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ id: target.user.id, name: 'Eve Adams', createdAt: shown.createdAt });
    expectNoSecrets(res);
    expect(await probe(target)).toBe(403); // a name change leaves sessions alone
  });

  test('changing the role ends the user’s sessions at once', async () => {
    const target = await createTestUser(deps, { role: 'admin' });
    expect(await probe(target)).toBe(200);
    const res = await put(target.user.id, { role: 'support' });
    expect(res.status).toBe(200);
    expect(res.body.role).toBe('support');
    expect(await probe(target)).toBe(401);
    await expect(rotateSession(sessionContext(deps), target.tokens.refreshToken)).rejects.toMatchObject({
      status: 401,
    });
  });

  test('disabling a user ends their sessions at once (updateMany sends only the change)', async () => {
    const target = await createTestUser(deps);
    expect(await probe(target)).toBe(403);
    const res = await put(target.user.id, { disabled: true });
    expect(res.status).toBe(200);
    expect(res.body.disabled).toBe(true);
    expect(await probe(target)).toBe(401);
    await expect(rotateSession(sessionContext(deps), target.tokens.refreshToken)).rejects.toMatchObject({
      status: 401,
    });
    expect((await put(target.user.id, { disabled: false })).body.disabled).toBe(false);
  });

  test('support may not list, read or change users: 403 each, nothing changes, sessions stay', async () => {
    const support = await createTestUser(deps, { role: 'support' });
    const target = await createTestUser(deps, { name: 'Hal' });
    const as = (req: request.Test) => req.set(support.auth);
    expect((await as(request(app).get('/api/admin/users'))).status).toBe(403);
    expect((await as(request(app).get(`/api/admin/users/${target.user.id}`))).status).toBe(403);
    const res = await put(target.user.id, { disabled: true, role: 'admin', name: 'Mallory' }, support);
    expect([res.status, res.body.code]).toEqual([403, 'forbidden']);
    await target.user.reload();
    expect(target.user).toMatchObject({ name: 'Hal', role: 'customer', disabled: false });
    expect(await probe(target)).toBe(403); // still signed in: a customer refused, not a session ended
    expect(await probe(support)).toBe(403); // support's own session is untouched too
  });

  test('an admin may not change their own account', async () => {
    const res = await put(admin.user.id, { role: 'customer' });
    expect(res.status).toBe(403);
    expect(res.body.code).toBe('forbidden');
    expect((await put(admin.user.id, { disabled: true })).status).toBe(403);
    await admin.user.reload();
    expect(admin.user).toMatchObject({ role: 'admin', disabled: false });
  });

  test.each([
    ['an unknown field', { passwordHash: 'x' }, 'body.passwordHash'],
    ['another id', { id: 99_999_998, name: 'X' }, 'body.id'],
    ['another email', { email: 'someone-else@example.test' }, 'body.email'],
    ['an unknown role', { role: 'root' }, 'body.role'],
    ['an empty name', { name: ' ' }, 'body.name'],
  ])('%s is a 422 and changes nothing', async (_name, body, path) => {
    const target = await createTestUser(deps, { name: 'Finn' });
    const res = await put(target.user.id, body);
    expect(res.status).toBe(422);
    expect(res.body.errors.map((e: { path: string }) => e.path)).toContain(path);
    await target.user.reload();
    expect(target.user.name).toBe('Finn');
  });

  test('the same email in another case is not a change', async () => {
    const target = await createTestUser(deps);
    const res = await put(target.user.id, { email: target.user.email.toUpperCase(), name: 'Gil' });
    expect(res.status).toBe(200);
    expect(res.body.name).toBe('Gil');
  });

  test('404 for a missing user', async () => {
    expect((await put(99_999_999, { name: 'Nobody' })).status).toBe(404);
  });
});
