import { randomUUID } from 'node:crypto';
import request from 'supertest';
import {
  address,
  checkoutAsGuest,
  createStockedProduct,
  guestCart,
  orderRowCounts,
  useOrderApp,
} from '../../testing/order-app';

const ctx = useOrderApp();

const counts = () => orderRowCounts(ctx);

test('the same Idempotency-Key ten times in parallel makes one order', async () => {
  const product = await createStockedProduct(ctx, 10);
  const token = await guestCart(ctx, [{ productId: product.id, quantity: 2 }]);
  const key = randomUUID();
  const before = await counts();

  const answers = await Promise.all(Array.from({ length: 10 }, () => checkoutAsGuest(ctx, token, key)));
  expect(answers.map((a) => a.status).every((s) => s === 201 || s === 200)).toBe(true);
  const ids = new Set(answers.map((a) => a.body.order.id));
  expect(ids.size).toBe(1);
  expect(await counts()).toEqual({
    orders: before.orders + 1,
    reservations: before.reservations + 1,
    payments: before.payments + 1,
  });
  const inventory = await ctx.deps.db.models.Inventory.findByPk(product.id);
  expect(inventory!.reserved).toBe(2);

  // Later, after the cart was emptied: the same key still answers with the same order (200, not a new one).
  const replay = await checkoutAsGuest(ctx, token, key).expect(200);
  expect(replay.body.order.id).toBe([...ids][0]);
});

test('the same key with another body is a 422 and changes nothing', async () => {
  const product = await createStockedProduct(ctx, 10);
  const token = await guestCart(ctx, [{ productId: product.id, quantity: 1 }]);
  const key = randomUUID();
  await checkoutAsGuest(ctx, token, key).expect(201);
  const before = await counts();
  const other = await checkoutAsGuest(ctx, token, key, {
    shippingAddress: { ...address, city: 'Hamburg' },
  });
  expect(other.status).toBe(422);
  expect(other.headers['content-type']).toMatch(/application\/problem\+json/);
  expect(other.body.errors[0].code).toBe('idempotency_key_reused');
  expect(await counts()).toEqual(before);
});

test('concurrent requests with one key and different bodies: one order, the others refused', async () => {
  const product = await createStockedProduct(ctx, 10);
  const token = await guestCart(ctx, [{ productId: product.id, quantity: 1 }]);
  const key = randomUUID();
  const before = await counts();
  const answers = await Promise.all(
    ['Berlin', 'Hamburg', 'Köln'].map((city) =>
      checkoutAsGuest(ctx, token, key, { shippingAddress: { ...address, city } }),
    ),
  );
  const statuses = answers.map((a) => a.status).sort();
  expect(statuses.filter((s) => s === 201 || s === 200)).toHaveLength(1);
  expect(statuses.filter((s) => s === 422)).toHaveLength(2);
  expect((await counts()).orders).toBe(before.orders + 1);
});

test('a missing or malformed Idempotency-Key is a 400 and writes nothing', async () => {
  const product = await createStockedProduct(ctx, 10);
  const token = await guestCart(ctx, [{ productId: product.id, quantity: 1 }]);
  const before = await counts();
  const missing = await request(ctx.app)
    .post('/api/checkout')
    .set('Cart-Token', token)
    .send({ shippingAddress: address, email: 'guest@example.com' });
  expect(missing.status).toBe(400);
  expect(missing.body.code).toBe('idempotency_key_required');
  const malformed = await checkoutAsGuest(ctx, token, 'short');
  expect(malformed.status).toBe(400);
  expect(malformed.body.code).toBe('idempotency_key_invalid');
  expect(await counts()).toEqual(before);
});
