import type { Express } from 'express';
import request from 'supertest';
import { createApp } from '../../../app';
import { createTestDeps, type TestDeps } from '../../../testing/deps';
import { createTestUser, type TestUser } from '../../../testing/users';
import { createOrderRow, uniqueTag } from './testing';

/** The admin order list and page, their validation and access; no workflow runs here (see actions.test.ts). */

let deps: TestDeps;
let app: Express;
let admin: TestUser;
let support: TestUser;
let customer: TestUser;

beforeAll(async () => {
  deps = await createTestDeps({ TEMPORAL_UI_URL: 'https://temporal.example/' });
  app = createApp(deps);
  admin = await createTestUser(deps, { role: 'admin' });
  support = await createTestUser(deps, { role: 'support' });
  customer = await createTestUser(deps);
});
afterAll(async () => {
  await deps.close();
});

const list = (filter: object, extra: Record<string, string> = {}) =>
  request(app)
    .get('/api/admin/orders')
    .set(support.auth)
    .query({ filter: JSON.stringify(filter), ...extra });

const numbersOf = (res: request.Response) => (res.body as { number: string }[]).map((order) => order.number);

describe('GET /api/admin/orders', () => {
  test('q matches the number or email; sorted, paged, with Content-Range', async () => {
    const tag = uniqueTag();
    const a = await createOrderRow(deps, { email: `${tag}-a@example.com`, totalAmount: 300 });
    const b = await createOrderRow(deps, { email: `${tag}-b@example.com`, totalAmount: 100 });
    const c = await createOrderRow(deps, { number: `M-${tag}`.slice(0, 32), totalAmount: 200 });

    const all = await list({ q: tag.toUpperCase() }, { sort: '["totalAmount","DESC"]' });
    expect(all.status).toBe(200);
    expect(numbersOf(all)).toEqual([a.number, c.number, b.number]);
    expect(all.headers['content-range']).toBe('orders 0-2/3');
    expect(all.body[0]).toEqual({
      id: a.id,
      number: a.number,
      status: 'processing',
      failureReason: null,
      totalAmount: 300,
      currency: 'EUR',
      createdAt: a.createdAt.toISOString(),
      email: a.email,
      userId: null,
    });

    const page = await list({ q: tag }, { sort: '["totalAmount","ASC"]', range: '[1,1]' });
    expect(numbersOf(page)).toEqual([c.number]);
    expect(page.headers['content-range']).toBe('orders 1-1/3');

    const many = await list({ id: [a.id, b.id] }, { sort: '["id","ASC"]' });
    expect(numbersOf(many)).toEqual([a.number, b.number]);
  });

  test('status: one or a list', async () => {
    const tag = uniqueTag();
    const shipped = await createOrderRow(deps, { email: `${tag}-1@example.com`, status: 'shipped' });
    const delivered = await createOrderRow(deps, { email: `${tag}-2@example.com`, status: 'delivered' });
    await createOrderRow(deps, { email: `${tag}-3@example.com`, status: 'cancelled' });

    expect(numbersOf(await list({ q: tag, status: 'shipped' }))).toEqual([shipped.number]);
    const both = await list({ q: tag, status: ['shipped', 'delivered'] }, { sort: '["id","ASC"]' });
    expect(numbersOf(both)).toEqual([shipped.number, delivered.number]);
  });

  test('from/to: a day includes all of it; an instant is exact', async () => {
    const tag = uniqueTag();
    const at = (iso: string, n: number) =>
      createOrderRow(deps, { email: `${tag}-${n}@example.com`, createdAt: new Date(iso) });
    const first = await at('2020-01-01T23:59:59.000Z', 1);
    const second = await at('2020-01-02T12:00:00.000Z', 2);
    const third = await at('2020-01-03T00:00:00.000Z', 3);
    const sort = { sort: '["createdAt","ASC"]' };

    expect(numbersOf(await list({ q: tag, from: '2020-01-02', to: '2020-01-02' }, sort))).toEqual([
      second.number,
    ]);
    expect(numbersOf(await list({ q: tag, to: '2020-01-02' }, sort))).toEqual([first.number, second.number]);
    expect(numbersOf(await list({ q: tag, from: '2020-01-02T12:00:00Z' }, sort))).toEqual([
      second.number,
      third.number,
    ]);
    expect(numbersOf(await list({ q: tag, to: '2020-01-02T11:59:59+00:00' }, sort))).toEqual([first.number]);
  });

  test('customer: a user id, or an email (the account’s or a guest order’s)', async () => {
    const tag = uniqueTag();
    const shopper = await createTestUser(deps, { email: `${tag}-account@example.com` });
    const own = await createOrderRow(deps, { userId: shopper.user.id, email: `${tag}-other@example.com` });
    const guest = await createOrderRow(deps, { email: `${tag}-account@example.com` });
    await createOrderRow(deps, { email: `${tag}-stranger@example.com` });
    const sort = { sort: '["id","ASC"]' };

    expect(numbersOf(await list({ customer: shopper.user.id }, sort))).toEqual([own.number]);
    expect(numbersOf(await list({ customer: shopper.user.id.toString() }, sort))).toEqual([own.number]);
    expect(numbersOf(await list({ customer: `${tag}-ACCOUNT@example.com` }, sort))).toEqual([
      own.number,
      guest.number,
    ]);
  });

  test.each([
    ['status', { status: 'lost' }],
    ['status', { status: [] }],
    ['from', { from: '2020-13-01' }],
    ['to', { to: 'yesterday' }],
    ['customer', { customer: 'not an email' }],
    ['nope', { nope: 1 }],
  ])('a bad filter (%s) is a 422', async (field, filter) => {
    const res = await list(filter);
    expect(res.status).toBe(422);
    expect(JSON.stringify(res.body.errors)).toContain(`query.filter`);
    expect(JSON.stringify(res.body.errors)).toContain(field);
  });

  test('sorting on a field not offered is a 422', async () => {
    const res = await list({}, { sort: '["email","ASC"]' });
    expect(res.status).toBe(422);
  });

  test('customers may not list orders; support and admins may', async () => {
    const query = { range: '[0,0]' };
    expect((await request(app).get('/api/admin/orders').query(query).set(customer.auth)).status).toBe(403);
    expect((await request(app).get('/api/admin/orders').query(query).set(support.auth)).status).toBe(200);
    expect((await request(app).get('/api/admin/orders').query(query).set(admin.auth)).status).toBe(200);
  });
});

describe('GET /api/admin/orders/:id', () => {
  test('the order with its shipment, refunds, customer and Temporal Web link', async () => {
    const shopper = await createTestUser(deps, { name: 'Ada Lovelace' });
    const order = await createOrderRow(deps, {
      userId: shopper.user.id,
      status: 'shipped',
      totalAmount: 5_000,
    });
    const { Payment, Refund, Shipment } = deps.db.models;
    const payment = await Payment.create({
      orderId: order.id,
      provider: 'test',
      amount: 5_000,
      currency: 'EUR',
      status: 'captured',
      idempotencyKey: `${order.workflowId}:payment`,
    });
    await Shipment.create({ orderId: order.id, carrier: 'Old', trackingNumber: 'OLD-1', status: 'returned' });
    await Shipment.create({
      orderId: order.id,
      carrier: 'DHL',
      trackingNumber: 'DHL-123',
      trackingUrl: 'https://dhl.example/t/DHL-123',
      status: 'shipped',
      shippedAt: new Date('2026-01-02T10:00:00Z'),
    });
    const refund = (amount: number, status: 'succeeded' | 'failed', n: number) =>
      Refund.create({
        orderId: order.id,
        paymentId: payment.id,
        amount,
        currency: 'EUR',
        status,
        reason: 'damaged',
        idempotencyKey: `${order.workflowId}:refund:${n}`,
      });
    await refund(1_000, 'succeeded', 1);
    await refund(700, 'failed', 2);
    await refund(500, 'succeeded', 3);
    const { EmailLog } = deps.db.models;
    const email = (template: string, fields: object) =>
      EmailLog.create({
        orderId: order.id,
        template,
        recipient: order.email,
        dedupeKey: `${order.workflowId}:email:${template}`,
        ...fields,
      });
    // Created out of order on purpose: the view lists them oldest first.
    await email('order_shipped', {
      status: 'failed',
      error: '421: try again later',
      createdAt: new Date('2026-01-02T10:01:00Z'),
    });
    await email('order_confirmation', {
      status: 'sent',
      error: 'ECONNREFUSED: an earlier attempt',
      providerMessageId: '<secret-ish@mail>',
      createdAt: new Date('2026-01-01T09:00:00Z'),
      sentAt: new Date('2026-01-01T09:00:05Z'),
    });

    const res = await request(app).get(`/api/admin/orders/${order.id}`).set(support.auth);
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({
      id: order.id,
      number: order.number,
      status: 'shipped',
      userId: shopper.user.id,
      customer: { id: shopper.user.id, email: shopper.user.email, name: 'Ada Lovelace' },
      payment: { status: 'captured', amount: 5_000 },
      shipment: {
        carrier: 'DHL',
        trackingNumber: 'DHL-123',
        trackingUrl: 'https://dhl.example/t/DHL-123',
        status: 'shipped',
        shippedAt: '2026-01-02T10:00:00.000Z',
        deliveredAt: null,
      },
      refundedAmount: 1_500,
      workflowId: `order-${order.number}`,
      temporalUrl: `https://temporal.example/namespaces/default/workflows/${encodeURIComponent(
        `order-${order.number}`,
      )}`,
      timeline: [],
    });
    expect(res.body.refunds.map((r: { amount: number; status: string }) => [r.amount, r.status])).toEqual([
      [1_000, 'succeeded'],
      [700, 'failed'],
      [500, 'succeeded'],
    ]);
    // The emails as logged, oldest first: who, what and whether it went out; no body, message id or dedupe key.
    expect(res.body.emails).toEqual([
      {
        id: expect.any(Number),
        template: 'order_confirmation',
        to: order.email,
        status: 'sent',
        error: null,
        createdAt: '2026-01-01T09:00:00.000Z',
        sentAt: '2026-01-01T09:00:05.000Z',
      },
      {
        id: expect.any(Number),
        template: 'order_shipped',
        to: order.email,
        status: 'failed',
        error: '421: try again later',
        createdAt: '2026-01-02T10:01:00.000Z',
        sentAt: null,
      },
    ]);
  });

  test('a guest order has no customer; an unknown id is a 404; customers get a 403', async () => {
    const order = await createOrderRow(deps);
    const res = await request(app).get(`/api/admin/orders/${order.id}`).set(admin.auth);
    expect(res.body).toMatchObject({
      customer: null,
      shipment: null,
      refunds: [],
      refundedAmount: 0,
      emails: [],
    });
    expect((await request(app).get('/api/admin/orders/999999999').set(admin.auth)).status).toBe(404);
    expect((await request(app).get(`/api/admin/orders/${order.id}`).set(customer.auth)).status).toBe(403);
  });
});

test('the OpenAPI document describes the order admin, shopper cancel and carrier webhook routes', async () => {
  const res = await request(app).get('/api/openapi.json');
  expect(res.status).toBe(200);
  const paths = res.body.paths as Record<string, Record<string, unknown>>;
  for (const verb of ['ship', 'deliver', 'cancel', 'refund', 'retry']) {
    expect(paths[`/api/admin/orders/{id}/${verb}`]?.post).toBeDefined();
  }
  expect(paths['/api/admin/orders']?.get).toBeDefined();
  expect(paths['/api/admin/orders/{id}']?.get).toBeDefined();
  expect(paths['/api/orders/{id}/cancel']?.post).toBeDefined();
  expect(paths['/api/webhooks/shipping']?.post).toBeDefined();
});
