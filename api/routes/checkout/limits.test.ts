import { randomUUID } from 'node:crypto';
import type { Express } from 'express';
import request from 'supertest';
import { createApp } from '../../app';
import { createTestDeps, type TestDeps } from '../../testing/deps';
import { clientIp, fromClient } from '../auth/testing';

// The checkout and payment limits at their defaults (20 a minute per client IP, 5 per cart or order). Each test is
// its own client: a random loopback address (see auth/testing.ts).
let deps: TestDeps;
let app: Express;

beforeAll(async () => {
  deps = await createTestDeps({ CHECKOUT_RATE_LIMIT_PER_MINUTE: '20', PAYMENT_RATE_LIMIT_PER_MINUTE: '20' });
  app = createApp(deps);
});
afterAll(async () => {
  await deps.close();
});

function expectRateLimited(res: request.Response) {
  expect(res.status).toBe(429);
  expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
  expect(res.body.code).toBe('rate_limited');
  expect(Number(res.headers['retry-after'])).toBeGreaterThanOrEqual(1);
}

/** A cart token of the right shape: the limit counts it before the cart is even looked up. */
const cartToken = () => randomUUID().replace(/-/g, '').padEnd(43, 'x');

const checkout = (ip: string, token: string) =>
  request(app)
    .post('/api/checkout')
    .agent(fromClient(ip))
    .set({ 'Cart-Token': token, 'Idempotency-Key': randomUUID() })
    .send({});

test('a sixth checkout of one cart within a minute is a 429; another cart from the same client is not', async () => {
  const ip = clientIp();
  const token = cartToken();
  for (let i = 0; i < 5; i += 1) expect((await checkout(ip, token)).status).not.toBe(429);
  expectRateLimited(await checkout(ip, token));
  expect((await checkout(ip, cartToken())).status).not.toBe(429);
});

test('a 21st checkout from one client within a minute is a 429; another client is not limited', async () => {
  const ip = clientIp();
  for (let i = 0; i < 20; i += 1) expect((await checkout(ip, cartToken())).status).not.toBe(429);
  expectRateLimited(await checkout(ip, cartToken()));
  expect((await checkout(clientIp(), cartToken())).status).not.toBe(429);
});

const pay = (ip: string, orderId: number) =>
  request(app)
    .post(`/api/orders/${orderId}/pay`)
    .agent(fromClient(ip))
    .set('Cart-Token', cartToken())
    .send({ paymentMethodId: 'pm_card_visa' });

test('pay: 5 attempts per order and 20 per client within a minute, then 429', async () => {
  const ip = clientIp();
  const order = 2_000_000_000 - Math.floor(Math.random() * 1_000_000);
  for (let i = 0; i < 5; i += 1) expect((await pay(ip, order)).status).toBe(404);
  expectRateLimited(await pay(ip, order));

  const busy = clientIp();
  for (let i = 0; i < 20; i += 1) expect((await pay(busy, order - 1 - i)).status).toBe(404);
  expectRateLimited(await pay(busy, order - 100));
});

test('3-D Secure answers: 20 per client within a minute, then 429', async () => {
  const ip = clientIp();
  const authenticate = () =>
    request(app)
      .post('/api/payments/test/tpi_nothing/authenticate')
      .agent(fromClient(ip))
      .send({ clientSecret: 'tpi_nothing_secret_x', succeed: true });
  for (let i = 0; i < 20; i += 1) expect((await authenticate()).status).not.toBe(429);
  expectRateLimited(await authenticate());
});
