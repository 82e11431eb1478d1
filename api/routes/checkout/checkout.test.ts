import request from 'supertest';
import { checkoutAsGuest, createStockedProduct, guestCart, pay, useOrderApp } from '../../testing/order-app';

const ctx = useOrderApp();

async function inventoryOf(productId: number) {
  const row = await ctx.deps.db.models.Inventory.findByPk(productId);
  return { onHand: row!.onHand, reserved: row!.reserved };
}

test('a guest checks out, pays with pm_card_visa and sees the order paid', async () => {
  const product = await createStockedProduct(ctx, 5, 2_000);
  const token = await guestCart(ctx, [{ productId: product.id, quantity: 2 }]);

  const placed = await checkoutAsGuest(ctx, token);
  expect(placed.status).toBe(201);
  const order = placed.body.order;
  expect(order).toMatchObject({ status: 'awaiting_payment', subtotalAmount: 4_000, currency: 'EUR' });
  expect(order.totalAmount).toBe(order.subtotalAmount + order.shippingAmount + order.taxAmount);
  expect(placed.body.payment).toMatchObject({
    status: 'pending',
    provider: 'test',
    amount: order.totalAmount,
  });
  expect(await inventoryOf(product.id)).toEqual({ onHand: 5, reserved: 2 });
  // The ordered lines left the cart.
  const cart = await request(ctx.app).get('/api/cart').set('Cart-Token', token).expect(200);
  expect(cart.body.items).toEqual([]);

  const paid = await pay(ctx, token, order.id, 'pm_card_visa');
  expect(paid.status).toBe(200);
  // Paid, and moved on to processing by the workflow (fulfilment) moments later.
  expect(['paid', 'processing']).toContain(paid.body.order.status);
  expect(paid.body.payment.status).toBe('captured');
  expect(await inventoryOf(product.id)).toEqual({ onHand: 3, reserved: 0 });

  const readOrder = () =>
    request(ctx.app).get(`/api/orders/${order.id}`).set('Cart-Token', token).expect(200);
  let read = await readOrder();
  for (let i = 0; i < 50 && read.body.status !== 'processing'; i += 1) {
    await new Promise((r) => setTimeout(r, 100));
    read = await readOrder();
  }
  expect(
    read.body.timeline.map((e: { type: string; toStatus: string | null }) => [e.type, e.toStatus]),
  ).toEqual([
    ['order_placed', 'pending'],
    ['stock_reserved', null],
    ['payment_created', null],
    ['status_changed', 'awaiting_payment'],
    ['payment_authorized', null],
    ['payment_captured', null],
    ['status_changed', 'paid'],
    ['status_changed', 'processing'],
  ]);
  expect(read.body).toMatchObject({ shipment: null, refunds: [], refundedAmount: 0, cancelReason: null });
  const list = await request(ctx.app).get('/api/orders').set('Cart-Token', token).expect(200);
  expect(list.body.items.map((o: { id: number }) => o.id)).toEqual([order.id]);
});

test('a declined card fails the order cleanly: 402, stock back on sale, payment cancelled', async () => {
  const product = await createStockedProduct(ctx, 3);
  const token = await guestCart(ctx, [{ productId: product.id, quantity: 3 }]);
  const placed = await checkoutAsGuest(ctx, token).expect(201);
  expect(await inventoryOf(product.id)).toEqual({ onHand: 3, reserved: 3 });

  const declined = await pay(ctx, token, placed.body.order.id, 'pm_card_chargeDeclined');
  expect(declined.status).toBe(402);
  expect(declined.body).toMatchObject({ code: 'payment_declined', declineCode: 'card_declined' });
  const read = await request(ctx.app)
    .get(`/api/orders/${placed.body.order.id}`)
    .set('Cart-Token', token)
    .expect(200);
  expect(read.body).toMatchObject({ status: 'failed', failureReason: 'payment_declined' });
  expect(read.body.payment.status).toBe('failed');
  expect(await inventoryOf(product.id)).toEqual({ onHand: 3, reserved: 0 });
  const holds = await ctx.deps.db.models.StockReservation.findAll({
    where: { orderId: placed.body.order.id },
  });
  expect(holds.map((h) => h.status)).toEqual(['released']);
  // Paying again is refused: the order is over.
  await pay(ctx, token, placed.body.order.id, 'pm_card_visa').expect(409);
});

test('3-D Secure: requires_action with a client secret, then authentication completes the order', async () => {
  const product = await createStockedProduct(ctx, 2);
  const token = await guestCart(ctx, [{ productId: product.id, quantity: 1 }]);
  const placed = await checkoutAsGuest(ctx, token).expect(201);
  const started = await pay(ctx, token, placed.body.order.id, 'pm_card_authenticationRequired').expect(200);
  expect(started.body.payment.status).toBe('requires_action');
  expect(started.body.payment.clientSecret).toMatch(/_secret_/);
  expect(started.body.nextAction.type).toBe('test_authentication');

  await request(ctx.app)
    .post(started.body.nextAction.url)
    .send({ clientSecret: 'wrong', succeed: true })
    .expect(404);
  await request(ctx.app)
    .post(started.body.nextAction.url)
    .send({ clientSecret: started.body.payment.clientSecret, succeed: true })
    .expect(200);
  let status = '';
  for (let i = 0; i < 50 && status !== 'processing'; i += 1) {
    const read = await request(ctx.app).get(`/api/orders/${placed.body.order.id}`).set('Cart-Token', token);
    status = read.body.status;
    if (status !== 'processing') await new Promise((r) => setTimeout(r, 100));
  }
  expect(status).toBe('processing');
  expect(await inventoryOf(product.id)).toEqual({ onHand: 1, reserved: 0 });
});

test('nobody reads or pays another shopper’s order', async () => {
  const product = await createStockedProduct(ctx, 2);
  const token = await guestCart(ctx, [{ productId: product.id, quantity: 1 }]);
  const placed = await checkoutAsGuest(ctx, token).expect(201);
  const other = await guestCart(ctx, [{ productId: product.id, quantity: 1 }]);
  await request(ctx.app).get(`/api/orders/${placed.body.order.id}`).set('Cart-Token', other).expect(404);
  await request(ctx.app).get(`/api/orders/${placed.body.order.id}`).expect(404);
  await pay(ctx, other, placed.body.order.id, 'pm_card_visa').expect(404);
  const list = await request(ctx.app).get('/api/orders').set('Cart-Token', other).expect(200);
  expect(list.body.items).toEqual([]);
});
