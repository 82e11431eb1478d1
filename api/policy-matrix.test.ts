import type { Express } from 'express';
import request from 'supertest';
import { z } from 'zod';
import { createApp } from './app';
import { type Access, defineRoute, type Route } from './openapi/route';
import { type Action, type Actor, can } from './policies';
import { routes } from './routes';
import { createTestDeps, type TestDeps } from './testing/deps';
import { createTestUser, type TestUser } from './testing/users';

/**
 * Every admin route × {anonymous, customer, support, admin}: anonymous is a 401, a role the policy refuses is a
 * 403, a role it allows gets past authorization with a valid request. The route list comes from the app's own
 * table, so a new admin route is checked the moment it is mounted — and fails here until it has a sample.
 */

interface SampleContext {
  app: Express;
  /** A customer the samples may read and rename (never disable or demote: other cases reuse their session). */
  target: TestUser;
}
type Sample = (ctx: SampleContext) => request.Test;

let matrixSlugs = 0;
/** A slug no other sample or test uses, for samples that create a record. */
const matrixSlug = () => `matrix-${process.pid}-${Date.now().toString(36)}-${++matrixSlugs}`;

/** One valid request per admin route, keyed `METHOD path` as declared; sent without credentials. */
const samples: Record<string, Sample> = {
  'GET /api/admin/users': ({ app }) => request(app).get('/api/admin/users').query({ range: '[0,4]' }),
  'GET /api/admin/users/:id': ({ app, target }) => request(app).get(`/api/admin/users/${target.user.id}`),
  'PUT /api/admin/users/:id': ({ app, target }) =>
    request(app).put(`/api/admin/users/${target.user.id}`).send({ name: 'Matrix target' }),
  // Search reindex: no worker polls the test task queue, so the reindex an admin starts stays queued (a second
  // start is a 409, progress answers `queued`); its workflow id carries this file's own alias.
  'POST /api/admin/search/reindex': ({ app }) => request(app).post('/api/admin/search/reindex').send({}),
  'GET /api/admin/search/reindex': ({ app }) => request(app).get('/api/admin/search/reindex'),
  // Product images: product 999999999 does not exist, so an allowed caller gets a 404 after authorization.
  'POST /api/admin/products/:id/images/uploads': ({ app }) =>
    request(app)
      .post('/api/admin/products/999999999/images/uploads')
      .send({ contentType: 'image/png', contentLength: 100 }),
  'POST /api/admin/products/:id/images': ({ app }) =>
    request(app)
      .post('/api/admin/products/999999999/images')
      .send({ uploadId: '00000000-0000-4000-8000-000000000000' }),
  'GET /api/admin/products/:id/images': ({ app }) => request(app).get('/api/admin/products/999999999/images'),
  'PUT /api/admin/products/:id/images/order': ({ app }) =>
    request(app)
      .put('/api/admin/products/999999999/images/order')
      .send({ imageIds: [1] }),
  'DELETE /api/admin/products/:id/images/:imageId': ({ app }) =>
    request(app).delete('/api/admin/products/999999999/images/1'),
  // Catalog admin: record 999999999 does not exist (an allowed caller gets a 404); creates use a fresh slug per call.
  'GET /api/admin/products': ({ app }) => request(app).get('/api/admin/products').query({ range: '[0,4]' }),
  'GET /api/admin/products/:id': ({ app }) => request(app).get('/api/admin/products/999999999'),
  'POST /api/admin/products': ({ app }) =>
    request(app)
      .post('/api/admin/products')
      .send({ slug: matrixSlug(), title: 'Matrix product', priceAmount: 100, currency: 'EUR' }),
  'PUT /api/admin/products/:id': ({ app }) =>
    request(app).put('/api/admin/products/999999999').send({ title: 'Matrix' }),
  'DELETE /api/admin/products/:id': ({ app }) => request(app).delete('/api/admin/products/999999999'),
  'GET /api/admin/categories': ({ app }) =>
    request(app).get('/api/admin/categories').query({ range: '[0,4]' }),
  'GET /api/admin/categories/:id': ({ app }) => request(app).get('/api/admin/categories/999999999'),
  'POST /api/admin/categories': ({ app }) =>
    request(app).post('/api/admin/categories').send({ slug: matrixSlug(), name: 'Matrix category' }),
  'PUT /api/admin/categories/:id': ({ app }) =>
    request(app).put('/api/admin/categories/999999999').send({ name: 'Matrix' }),
  'DELETE /api/admin/categories/:id': ({ app }) => request(app).delete('/api/admin/categories/999999999'),
  'GET /api/admin/tags': ({ app }) => request(app).get('/api/admin/tags').query({ range: '[0,4]' }),
  'GET /api/admin/tags/:id': ({ app }) => request(app).get('/api/admin/tags/999999999'),
  'POST /api/admin/tags': ({ app }) =>
    request(app).post('/api/admin/tags').send({ slug: matrixSlug(), name: 'Matrix tag' }),
  'PUT /api/admin/tags/:id': ({ app }) =>
    request(app).put('/api/admin/tags/999999999').send({ name: 'Matrix' }),
  'DELETE /api/admin/tags/:id': ({ app }) => request(app).delete('/api/admin/tags/999999999'),
  'GET /api/admin/reviews': ({ app }) =>
    request(app).get('/api/admin/reviews').query({ filter: '{"status":"pending"}', range: '[0,4]' }),
  'GET /api/admin/reviews/:id': ({ app }) => request(app).get('/api/admin/reviews/999999999'),
  'POST /api/admin/reviews/:id/approve': ({ app }) =>
    request(app).post('/api/admin/reviews/999999999/approve'),
  'POST /api/admin/reviews/:id/reject': ({ app }) => request(app).post('/api/admin/reviews/999999999/reject'),
  'PUT /api/admin/reviews/:id': ({ app }) =>
    request(app).put('/api/admin/reviews/999999999').send({ status: 'approved' }),
  'GET /api/admin/inventory': ({ app }) =>
    request(app).get('/api/admin/inventory').query({ filter: '{"lowStock":true}', range: '[0,4]' }),
  'GET /api/admin/inventory/:id': ({ app }) => request(app).get('/api/admin/inventory/999999999'),
  'PUT /api/admin/inventory/:id': ({ app }) =>
    request(app).put('/api/admin/inventory/999999999').send({ lowStockThreshold: 3 }),
  'POST /api/admin/inventory/:id/adjustments': ({ app }) =>
    request(app).post('/api/admin/inventory/999999999/adjustments').send({ delta: 1, reason: 'restock' }),
  'GET /api/admin/stock-movements': ({ app }) =>
    request(app).get('/api/admin/stock-movements').query({ filter: '{"productId":1}', range: '[0,4]' }),
  // Orders (admin and support): order 999999999 does not exist, so an allowed caller gets a 404 before any workflow
  // is asked.
  'GET /api/admin/orders': ({ app }) =>
    request(app).get('/api/admin/orders').query({ filter: '{"status":"processing"}', range: '[0,4]' }),
  'GET /api/admin/orders/:id': ({ app }) => request(app).get('/api/admin/orders/999999999'),
  'POST /api/admin/orders/:id/ship': ({ app }) =>
    request(app)
      .post('/api/admin/orders/999999999/ship')
      .send({ carrier: 'DHL', trackingNumber: 'MATRIX-1' }),
  'POST /api/admin/orders/:id/deliver': ({ app }) => request(app).post('/api/admin/orders/999999999/deliver'),
  'POST /api/admin/orders/:id/cancel': ({ app }) =>
    request(app).post('/api/admin/orders/999999999/cancel').send({ reason: 'Matrix' }),
  'POST /api/admin/orders/:id/refund': ({ app }) =>
    request(app).post('/api/admin/orders/999999999/refund').send({ amount: 100 }),
  'POST /api/admin/orders/:id/retry': ({ app }) => request(app).post('/api/admin/orders/999999999/retry'),
  'GET /api/admin/orders/:id/invoice': ({ app }) => request(app).get('/api/admin/orders/999999999/invoice'),
  // Analytics: read-only aggregates over a fixed past range; an allowed caller gets the figures (200).
  'GET /api/admin/analytics/sales': ({ app }) =>
    request(app).get('/api/admin/analytics/sales').query({ from: '2026-01-01', to: '2026-01-31' }),
  'GET /api/admin/analytics/products': ({ app }) =>
    request(app)
      .get('/api/admin/analytics/products')
      .query({ from: '2026-01-01', to: '2026-01-31', by: 'units' }),
  'GET /api/admin/analytics/categories': ({ app }) =>
    request(app)
      .get('/api/admin/analytics/categories')
      .query({ from: '2026-01-01', to: '2026-01-31', level: 'root' }),
  'GET /api/admin/analytics/customers': ({ app }) =>
    request(app).get('/api/admin/analytics/customers').query({ from: '2026-01-01', to: '2026-01-31' }),
  'GET /api/admin/analytics/open-orders': ({ app }) =>
    request(app).get('/api/admin/analytics/open-orders').query({ stuckAfterHours: 48 }),
};

const ROLES = ['customer', 'support', 'admin'] as const;
type Role = (typeof ROLES)[number];

const keyOf = (route: Route) => `${route.method.toUpperCase()} ${route.path}`;
const adminRoutes = routes.filter((route) => route.path.startsWith('/api/admin'));
const adminKeys = adminRoutes.map(keyOf);

function actionOf(route: Route): Action {
  const access: Access = route.access;
  if (access === 'public' || access === 'guest-or-user' || access === 'signed-in')
    throw new Error(`${keyOf(route)} names no policy action`);
  return access;
}

function sampleOf(route: Route): Sample {
  const sample = samples[keyOf(route)];
  if (!sample) {
    throw new Error(
      `${keyOf(route)} has no sample in api/policy-matrix.test.ts. Give the route a policy action in ` +
        `api/policies/ (access: '<resource>.<verb>') and add a valid sample request to \`samples\`, so every ` +
        `role is checked against it.`,
    );
  }
  return sample;
}

/** What the policy says for a caller of this role, without a record (as guard() asks it). */
function allows(route: Route, role: Role): boolean {
  const actor: Actor = { id: -1, role, email: `${role}@matrix.test`, sessionId: 'matrix' };
  return can(actor, actionOf(route));
}

let deps: TestDeps;
let app: Express;
let ctx: SampleContext;
const callers = {} as Record<Role, TestUser>;

beforeAll(async () => {
  deps = await createTestDeps();
  app = createApp(deps, { routes });
  for (const role of ROLES) callers[role] = await createTestUser(deps, { role });
  ctx = { app, target: await createTestUser(deps) };
});
afterAll(async () => {
  await deps.close();
});

describe('the admin route table', () => {
  test('is not empty', () => {
    expect(adminRoutes.length).toBeGreaterThan(0);
  });

  test('every admin route has a sample request', () => {
    const missing = adminRoutes.filter((route) => !samples[keyOf(route)]);
    expect(() => missing.forEach(sampleOf)).not.toThrow();
  });

  test('every sample belongs to a mounted route', () => {
    expect(Object.keys(samples).filter((key) => !adminKeys.includes(key))).toEqual([]);
  });

  test.each(['public', 'signed-in'] as const)('createApp refuses an admin route with access %s', (access) => {
    const backdoor = defineRoute({
      method: 'get',
      access,
      path: '/api/admin/backdoor',
      summary: 'test only',
      tags: ['Test'],
      request: { query: z.object({}).strict() },
      responses: {},
      handler: () => ({ ok: true }),
    });
    expect(() => createApp(deps, { routes: [...routes, backdoor] })).toThrow(
      'GET /api/admin/backdoor: admin routes must name a policy action',
    );
  });
});

describe.each(adminKeys)('%s', (key) => {
  const route = adminRoutes.find((candidate) => keyOf(candidate) === key)!;

  test('anonymous, or with a token that is not one, is a 401', async () => {
    const anonymous = await sampleOf(route)(ctx);
    expect(anonymous.status).toBe(401);
    expect(anonymous.body.code).toBe('invalid_token');
    const forged = await sampleOf(route)(ctx).set('Authorization', 'Bearer not.a.token');
    expect(forged.status).toBe(401);
  });

  const cases = ROLES.map((role) => [role, allows(route, role) ? 'allowed' : '403'] as const);

  test.each(cases)('as %s: %s', async (role, verdict) => {
    const res = await sampleOf(route)(ctx).set(callers[role].auth);
    if (verdict === '403') {
      expect(res.status).toBe(403);
      expect(res.body.code).toBe('forbidden');
      return;
    }
    // Allowed: a success, or a business answer about the sample itself (404 for a missing record). Never an
    // auth failure, a 422 (the sample must be valid), a 5xx or an unmounted route.
    expect([401, 403, 422]).not.toContain(res.status);
    expect(res.status).toBeLessThan(500);
    expect(res.body?.code).not.toBe('route_not_found');
  });
});

describe('support staff do not manage users or the catalog', () => {
  const adminOnly = /^(users|products|categories|tags|inventory|catalog)\./;
  const adminOnlyKeys = adminRoutes.filter((route) => adminOnly.test(actionOf(route))).map(keyOf);

  test('there are such routes', () => {
    expect(adminOnlyKeys.filter((key) => key.includes('/api/admin/users'))).not.toHaveLength(0);
  });

  test.each(adminOnlyKeys)('%s is a 403 for support', async (key) => {
    const route = adminRoutes.find((candidate) => keyOf(candidate) === key)!;
    const res = await sampleOf(route)(ctx).set(callers.support.auth);
    expect(res.status).toBe(403);
  });
});

describe('support staff act on orders', () => {
  const orderKeys = adminRoutes.filter((route) => route.path.startsWith('/api/admin/orders')).map(keyOf);

  test('every order admin route names an orders. action that support holds', () => {
    expect(orderKeys.length).toBeGreaterThanOrEqual(7);
    for (const key of orderKeys) {
      const route = adminRoutes.find((candidate) => keyOf(candidate) === key)!;
      expect([key, actionOf(route).startsWith('orders.')]).toEqual([key, true]);
      expect([key, allows(route, 'support')]).toEqual([key, true]);
    }
  });
});

describe("analytics: the backlog is staff work, the money is the admins'", () => {
  const analytics = adminRoutes.filter((route) => route.path.startsWith('/api/admin/analytics'));

  test.each(analytics.map(keyOf))('%s: admin 200, support by its action, customer 403', async (key) => {
    const route = analytics.find((candidate) => keyOf(candidate) === key)!;
    const backlog = actionOf(route) === 'analytics.orders';
    expect(actionOf(route)).toMatch(/^analytics\./);
    expect((await sampleOf(route)(ctx).set(callers.admin.auth)).status).toBe(200);
    expect((await sampleOf(route)(ctx).set(callers.support.auth)).status).toBe(backlog ? 200 : 403);
    expect((await sampleOf(route)(ctx).set(callers.customer.auth)).status).toBe(403);
  });

  test('only the open-order backlog is open to support', () => {
    const forSupport = analytics.filter((route) => allows(route, 'support')).map(keyOf);
    expect(forSupport).toEqual(['GET /api/admin/analytics/open-orders']);
  });
});
