import type { Express } from 'express';
import request from 'supertest';
import { actions } from '../../policies';
import { type TestDeps } from '../../testing/deps';
import { createTestUser } from '../../testing/users';
import { createAuthTestApp, expectProblem } from '../auth/testing';

let deps: TestDeps;
let app: Express;

beforeAll(async () => {
  ({ deps, app } = await createAuthTestApp());
});
afterAll(async () => {
  await deps.close();
});

const permissionsOf = async (role: 'customer' | 'support' | 'admin') => {
  const { auth } = await createTestUser(deps, { role });
  const res = await request(app).get('/api/me/permissions').set(auth);
  expect(res.status).toBe(200);
  return res.body as { role: string; actions: Record<string, boolean> };
};

/** The actions each role holds today; a new action shows up here on purpose, so its rule is a decision. */
const support = ['orders.read', 'orders.manage', 'analytics.orders'];

test('a customer: the role, every action named, none allowed', async () => {
  const body = await permissionsOf('customer');
  expect(body.role).toBe('customer');
  expect(Object.keys(body.actions).sort()).toEqual([...actions].sort());
  expect(Object.entries(body.actions).filter(([, allowed]) => allowed)).toEqual([]);
});

test('support: orders and the open-order figures, nothing else', async () => {
  const body = await permissionsOf('support');
  expect(body.role).toBe('support');
  expect(Object.keys(body.actions).sort()).toEqual([...actions].sort());
  const allowed = Object.keys(body.actions).filter((action) => body.actions[action]);
  expect(allowed.sort()).toEqual([...support].sort());
});

test('an admin: every action, users.update included (the rule about oneself needs a record)', async () => {
  const body = await permissionsOf('admin');
  expect(body.role).toBe('admin');
  expect(body.actions).toEqual(Object.fromEntries(actions.map((action) => [action, true])));
});

test('the answer follows the role stored now, not the one at sign-in', async () => {
  const { user, auth } = await createTestUser(deps, { role: 'support' });
  await user.update({ role: 'admin' });
  const res = await request(app).get('/api/me/permissions').set(auth);
  expect(res.body.role).toBe('admin');
  expect(res.body.actions['analytics.sales']).toBe(true);
});

test('anonymous: 401', async () => {
  expectProblem(await request(app).get('/api/me/permissions'), 401, 'invalid_token');
});
