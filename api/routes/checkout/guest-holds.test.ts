import { randomUUID } from 'node:crypto';
import request from 'supertest';
import {
  address,
  checkoutAsGuest,
  createStockedProduct,
  guestCart,
  pay,
  useOrderApp,
} from '../../testing/order-app';
import { createTestUser } from '../../testing/users';

// A limited drop: unpaid guest orders may hold at most half of a product's stock (GUEST_HOLD_MAX_PERCENT).
const ctx = useOrderApp({ env: { GUEST_HOLD_MAX_PERCENT: '50', GUEST_PAYMENT_TIMEOUT_MINUTES: '10' } });

async function stockOf(productId: number) {
  const row = await ctx.deps.db.models.Inventory.findByPk(productId);
  return { onHand: row!.onHand, reserved: row!.reserved, guestReserved: row!.guestReserved };
}

test('a flood of guest checkouts holds at most the configured share; signed-in shoppers buy the rest', async () => {
  const product = await createStockedProduct(ctx, 10);
  const tokens: string[] = [];
  for (let i = 0; i < 12; i += 1) tokens.push(await guestCart(ctx, [{ productId: product.id, quantity: 1 }]));
  const flood = await Promise.all(tokens.map((token) => checkoutAsGuest(ctx, token)));

  const placed = flood.filter((res) => res.status === 201);
  const refused = flood.filter((res) => res.status === 409);
  expect(placed).toHaveLength(5);
  expect(refused).toHaveLength(7);
  for (const res of refused) {
    expect(res.body).toMatchObject({ code: 'out_of_stock', guestHoldLimit: true });
    expect(res.body.detail).toMatch(/sign in/);
  }
  expect(await stockOf(product.id)).toEqual({ onHand: 10, reserved: 5, guestReserved: 5 });

  // A guest's hold lasts GUEST_PAYMENT_TIMEOUT_MINUTES (10), not the 30 of a signed-in shopper.
  const hold = await ctx.deps.db.models.StockReservation.findOne({
    where: { orderId: placed[0]!.body.order.id },
  });
  const minutes = (hold!.expiresAt.getTime() - hold!.createdAt.getTime()) / 60_000;
  expect(minutes).toBeGreaterThan(9.9);
  expect(minutes).toBeLessThanOrEqual(10.01);
  expect(hold!.guest).toBe(true);

  // Signed-in shoppers are not capped: one buys all 5 units left.
  const shopper = await createTestUser(ctx.deps);
  await request(ctx.app)
    .post('/api/cart/items')
    .set(shopper.auth)
    .send({ productId: product.id, quantity: 5 })
    .expect(200);
  const mine = await request(ctx.app)
    .post('/api/checkout')
    .set({ ...shopper.auth, 'Idempotency-Key': randomUUID() })
    .send({ shippingAddress: address });
  expect(mine.status).toBe(201);
  const userHold = await ctx.deps.db.models.StockReservation.findOne({
    where: { orderId: mine.body.order.id },
  });
  expect(userHold!.guest).toBe(false);
  expect((userHold!.expiresAt.getTime() - userHold!.createdAt.getTime()) / 60_000).toBeGreaterThan(29.9);
  expect(await stockOf(product.id)).toEqual({ onHand: 10, reserved: 10, guestReserved: 5 });
});

test('a paid guest order frees its share of the cap: the next guest can hold again', async () => {
  const product = await createStockedProduct(ctx, 4);
  const first = await guestCart(ctx, [{ productId: product.id, quantity: 2 }]);
  const placed = await checkoutAsGuest(ctx, first).expect(201);
  const second = await guestCart(ctx, [{ productId: product.id, quantity: 1 }]);
  const refused = await checkoutAsGuest(ctx, second);
  expect(refused.status).toBe(409);
  expect(refused.body.guestHoldLimit).toBe(true);

  const paid = await pay(ctx, first, placed.body.order.id, 'pm_card_visa');
  expect(paid.status).toBe(200);
  expect(await stockOf(product.id)).toEqual({ onHand: 2, reserved: 0, guestReserved: 0 });
  // 1 unit is half of the 2 left: a guest may hold it.
  const third = await guestCart(ctx, [{ productId: product.id, quantity: 1 }]);
  await checkoutAsGuest(ctx, third).expect(201);
  expect(await stockOf(product.id)).toEqual({ onHand: 2, reserved: 1, guestReserved: 1 });
});

test('a guest buying the very last unit is not refused: the share rounds up to whole units', async () => {
  const product = await createStockedProduct(ctx, 1);
  const token = await guestCart(ctx, [{ productId: product.id, quantity: 1 }]);
  await checkoutAsGuest(ctx, token).expect(201);
  const late = await guestCart(ctx, [{ productId: product.id, quantity: 1 }]);
  const refused = await checkoutAsGuest(ctx, late);
  expect(refused.status).toBe(409);
  // Nothing is left on the shelf: plainly out of stock, no "sign in" hint.
  expect(refused.body.guestHoldLimit).toBeUndefined();
});

test('a declined guest order gives its units back to the guest share', async () => {
  const product = await createStockedProduct(ctx, 4);
  const token = await guestCart(ctx, [{ productId: product.id, quantity: 2 }]);
  const placed = await checkoutAsGuest(ctx, token).expect(201);
  expect(await stockOf(product.id)).toEqual({ onHand: 4, reserved: 2, guestReserved: 2 });
  expect((await pay(ctx, token, placed.body.order.id, 'pm_card_chargeDeclined')).status).toBe(402);
  expect(await stockOf(product.id)).toEqual({ onHand: 4, reserved: 0, guestReserved: 0 });
});
