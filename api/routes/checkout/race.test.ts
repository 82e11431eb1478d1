import type { Server } from 'node:http';
import { randomUUID } from 'node:crypto';
import request from 'supertest';
import { address, createStockedProduct, useOrderApp } from '../../testing/order-app';

// A crowd racing for the last units: 200 shoppers, 20 in stock, all checking out at once.
const ctx = useOrderApp();
let server: Server;
beforeAll(() => {
  server = ctx.app.listen(0);
});
afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

const SHOPPERS = 200;
const STOCK = 20;

/**
 * Sends a request until it is answered, as a real client does: a 503 `order_processing` (the worker is slower than
 * the API's answer deadline, as it can be with 200 orders at once on two shared cores) is asked again with the same
 * Idempotency-Key, which can only ever join the same order.
 */
async function answered(send: () => request.Test): Promise<request.Response> {
  for (;;) {
    const res = await send();
    if (res.status !== 503 || res.body.code !== 'order_processing') return res;
  }
}

async function cartFor(productId: number): Promise<string> {
  const res = await request(server).post('/api/cart/items').send({ productId, quantity: 1 }).expect(200);
  return res.headers['cart-token'] as string;
}

test(`${SHOPPERS} concurrent checkouts for ${STOCK} units: exactly ${STOCK} paid, never oversold`, async () => {
  const product = await createStockedProduct(ctx, STOCK);
  const tokens: string[] = [];
  for (let i = 0; i < SHOPPERS; i += 1) tokens.push(await cartFor(product.id));

  const checkouts = await Promise.all(
    tokens.map((token) => {
      const key = randomUUID();
      return answered(() =>
        request(server)
          .post('/api/checkout')
          .set({ 'Cart-Token': token, 'Idempotency-Key': key })
          .send({ shippingAddress: address, email: 'crowd@example.com' }),
      );
    }),
  );
  const placed = checkouts.flatMap((res, i) =>
    res.status === 201 || res.status === 200 ? [{ res, token: tokens[i]! }] : [],
  );
  const refused = checkouts.filter((res) => res.status === 409);
  expect(placed).toHaveLength(STOCK);
  expect(refused).toHaveLength(SHOPPERS - STOCK);
  expect(refused.every((res) => res.body.code === 'out_of_stock')).toBe(true);
  // Refused by the stock gate before any workflow (no order), or by a workflow that lost the race (a failed order).
  expect(
    refused.every((res) => res.body.orderId !== undefined || res.body.productIds?.[0] === product.id),
  ).toBe(true);
  const midway = await ctx.deps.db.models.Inventory.findByPk(product.id);
  expect(midway).toMatchObject({ onHand: STOCK, reserved: STOCK });

  const paid = await Promise.all(
    placed.map(({ res, token }) =>
      answered(() =>
        request(server)
          .post(`/api/orders/${res.body.order.id}/pay`)
          .set({ 'Cart-Token': token, 'Idempotency-Key': `pay-${res.body.order.id}` })
          .send({ paymentMethodId: 'pm_card_visa' }),
      ),
    ),
  );
  // Paid, or already moved on to processing by the workflow (fulfilment).
  expect(paid.map((res) => ['paid', 'processing'].includes(res.body.order?.status))).toEqual(
    Array(STOCK).fill(true),
  );

  const { Order, Inventory, StockReservation, StockMovement, TestPayment } = ctx.deps.db.models;
  const orderIds = checkouts.flatMap((res) => res.body.order?.id ?? res.body.orderId ?? []);
  expect(new Set(orderIds).size).toBe(orderIds.length);
  // Every order of this product is one of the answers: none was written that no shopper heard of.
  const ofProduct = await ctx.deps.db.models.OrderItem.findAll({ where: { productId: product.id } });
  expect(ofProduct.map((item) => item.orderId).sort()).toEqual([...orderIds].sort());
  // The paid orders move on to processing (fulfilment) in their workflows: wait for that, so the count is stable.
  const movedOn = async () => (await Order.count({ where: { id: orderIds, status: 'paid' } })) === 0;
  for (let i = 0; i < 100 && !(await movedOn()); i += 1) await new Promise((r) => setTimeout(r, 100));
  const orders = await Order.findAll({ where: { id: orderIds } });
  const byStatus = orders.reduce<Record<string, number>>((acc, o) => {
    acc[`${o.status}:${o.failureReason ?? ''}`] = (acc[`${o.status}:${o.failureReason ?? ''}`] ?? 0) + 1;
    return acc;
  }, {});
  const lostInWorkflow = orderIds.length - STOCK;
  expect(byStatus).toEqual({
    'processing:': STOCK,
    ...(lostInWorkflow ? { 'failed:out_of_stock': lostInWorkflow } : {}),
  });
  expect(await Inventory.findByPk(product.id)).toMatchObject({ onHand: 0, reserved: 0 });
  expect(await StockReservation.count({ where: { orderId: orderIds, status: 'held' } })).toBe(0);
  expect(await StockReservation.count({ where: { orderId: orderIds, status: 'committed' } })).toBe(STOCK);
  expect(await StockMovement.sum('delta', { where: { productId: product.id, reason: 'sale' } })).toBe(-STOCK);
  expect(await TestPayment.sum('captureCount', { where: { status: 'succeeded' } })).toBeGreaterThanOrEqual(
    STOCK,
  );
}, 240_000);
