import { randomUUID } from 'node:crypto';
import type { Express } from 'express';
import request from 'supertest';
import { createApp } from '../../../app';
import { createTestDeps, type TestDeps } from '../../../testing/deps';
import { createTestUser, type TestUser } from '../../../testing/users';
import { createOrderRow } from './testing';

/**
 * What the action routes decide before (or without) the order's workflow: access, body validation, a missing order,
 * and an order whose process is gone. The flows through a running workflow are in actions.test.ts.
 */

let deps: TestDeps;
let app: Express;
let support: TestUser;
let customer: TestUser;

beforeAll(async () => {
  deps = await createTestDeps({ ORDER_ANSWER_TIMEOUT_SECONDS: '1' });
  app = createApp(deps);
  support = await createTestUser(deps, { role: 'support' });
  customer = await createTestUser(deps);
});
afterAll(async () => {
  await deps.close();
});

const post = (id: number, verb: string, body?: object) => {
  const req = request(app).post(`/api/admin/orders/${id}/${verb}`).set(support.auth);
  return body === undefined ? req : req.send(body);
};

const long = 'x'.repeat(256);

describe.each([
  ['ship', 'no carrier', { trackingNumber: 'A-1' }, 'body.carrier'],
  ['ship', 'an empty carrier', { carrier: '', trackingNumber: 'A-1' }, 'body.carrier'],
  ['ship', 'a 65-character carrier', { carrier: 'x'.repeat(65), trackingNumber: 'A-1' }, 'body.carrier'],
  [
    'ship',
    'a space in the tracking number',
    { carrier: 'DHL', trackingNumber: 'A 1' },
    'body.trackingNumber',
  ],
  [
    'ship',
    'a 129-character tracking number',
    { carrier: 'DHL', trackingNumber: 'A'.repeat(129) },
    'body.trackingNumber',
  ],
  [
    'ship',
    'an http tracking URL',
    { carrier: 'DHL', trackingNumber: 'A-1', trackingUrl: 'http://dhl.example/t' },
    'body.trackingUrl',
  ],
  [
    'ship',
    'a javascript: URL',
    { carrier: 'DHL', trackingNumber: 'A-1', trackingUrl: 'javascript:alert(1)' },
    'body.trackingUrl',
  ],
  ['ship', 'an unknown field', { carrier: 'DHL', trackingNumber: 'A-1', status: 'shipped' }, 'body'],
  ['deliver', 'an unknown field', { at: 'now' }, 'body'],
  ['cancel', 'no reason', {}, 'body.reason'],
  ['cancel', 'a 256-character reason', { reason: long }, 'body.reason'],
  ['refund', 'amount 0', { amount: 0 }, 'body.amount'],
  ['refund', 'a negative amount', { amount: -5 }, 'body.amount'],
  ['refund', 'a fractional amount', { amount: 10.5 }, 'body.amount'],
  ['refund', 'an amount as a string', { amount: '100' }, 'body.amount'],
  ['refund', 'a 256-character reason', { amount: 100, reason: long }, 'body.reason'],
  ['refund', 'an empty body (it must not mean "everything")', {}, 'body.amount'],
  ['refund', 'both an amount and full', { amount: 100, full: true }, 'body.amount'],
  ['refund', 'full: false', { full: false }, 'body.full'],
  ['retry', 'an unknown field', { step: 'capture' }, 'body'],
])('POST …/%s with %s', (verb, _label, body, path) => {
  test(`is a 422 naming ${path}`, async () => {
    const order = await createOrderRow(deps);
    const res = await post(order.id, verb, body);
    expect(res.status).toBe(422);
    expect(res.body.code).toBe('validation_failed');
    expect(res.body.errors.map((error: { path: string }) => error.path).join(' ')).toContain(path);
  });
});

describe('before the workflow', () => {
  test('an unknown order is a 404 for every action', async () => {
    for (const [verb, body] of [
      ['ship', { carrier: 'DHL', trackingNumber: 'A-1' }],
      ['deliver', undefined],
      ['cancel', { reason: 'asked' }],
      ['refund', { full: true }],
      ['retry', undefined],
    ] as const) {
      const res = await post(999_999_999, verb, body);
      expect([verb, res.status]).toEqual([verb, 404]);
    }
  });

  test('customers are refused (403) and nothing is asked of the order', async () => {
    const order = await createOrderRow(deps);
    const res = await request(app)
      .post(`/api/admin/orders/${order.id}/cancel`)
      .set(customer.auth)
      .send({ reason: 'mine' });
    expect(res.status).toBe(403);
    expect(res.body.code).toBe('forbidden');
  });

  test('a malformed Idempotency-Key on a refund is a 400', async () => {
    const order = await createOrderRow(deps);
    const res = await post(order.id, 'refund', { full: true }).set('Idempotency-Key', 'short');
    expect(res.status).toBe(400);
    expect(res.body.code).toBe('idempotency_key_invalid');
  });
});

describe('an order whose process is gone', () => {
  test.each([
    ['ship', { carrier: 'DHL', trackingNumber: 'A-1', trackingUrl: 'https://dhl.example/t/A-1' }],
    ['deliver', undefined],
    ['cancel', { reason: 'asked' }],
    ['refund', { amount: 100, reason: 'damaged' }],
    ['retry', {}],
  ] as const)('%s is a 409 order_closed and leaves the order as it was', async (verb, body) => {
    const order = await createOrderRow(deps, { status: 'shipped' });
    const res = await post(order.id, verb, body);
    expect(res.status).toBe(409);
    expect(res.body.code).toBe('order_closed');
    await order.reload();
    expect(order.status).toBe('shipped');
  });

  test.each([
    ['deliver', 'delivered', undefined],
    ['cancel', 'cancelled', { reason: 'asked twice' }],
  ] as const)(
    '%s on an order already %s answers it as it is (a repeat is harmless)',
    async (verb, status, body) => {
      const order = await createOrderRow(deps, { status });
      const before = order.updatedAt.getTime();
      const res = await post(order.id, verb, body);
      expect(res.status).toBe(200);
      expect(res.body).toMatchObject({ id: order.id, status });
      expect((await order.reload()).updatedAt.getTime()).toBe(before);
    },
  );
});

describe('an order whose worker does not answer', () => {
  test('is a 503 order_processing after the deadline, and the order is unchanged', async () => {
    const order = await createOrderRow(deps, { status: 'processing' });
    // A run on a task queue no worker polls: the update is never taken up.
    const handle = await deps.temporal.client.workflow.start('orderWorkflow', {
      workflowId: order.workflowId,
      taskQueue: `nobody-${randomUUID()}`,
      args: [],
    });
    try {
      const started = Date.now();
      const res = await post(order.id, 'ship', { carrier: 'DHL', trackingNumber: 'A-1' });
      expect(res.status).toBe(503);
      expect(res.body).toMatchObject({ code: 'order_processing', retryAfterSeconds: 5 });
      expect(Date.now() - started).toBeLessThan(10_000);
      await order.reload();
      expect(order.status).toBe('processing');
    } finally {
      await handle.terminate('test over');
    }
  });
});

describe('POST /api/orders/:id/cancel (the shopper)', () => {
  test.each([
    ['a 256-character reason', { reason: long }],
    ['an unknown field', { by: 'staff:me' }],
  ])('%s is a 422', async (_label, body) => {
    const order = await createOrderRow(deps);
    const res = await request(app).post(`/api/orders/${order.id}/cancel`).send(body);
    expect(res.status).toBe(422);
  });

  test('someone else’s order is a 404 and stays as it was', async () => {
    const order = await createOrderRow(deps, { userId: support.user.id });
    const res = await request(app).post(`/api/orders/${order.id}/cancel`).set(customer.auth).send({});
    expect(res.status).toBe(404);
    await order.reload();
    expect(order.status).toBe('processing');
  });
});
