import type { Express } from 'express';
import request from 'supertest';
import { createApp } from '../../../app';
import {
  checkoutAsGuest,
  createStockedProduct,
  guestCart,
  processingOrder as placeProcessingOrder,
  useOrderApp,
} from '../../../testing/order-app';
import { createTestUser, type TestUser } from '../../../testing/users';
import { signCarrierWebhook } from '../../webhooks/shipping';
import { uniqueTag } from './testing';

/** Support's actions and the carrier webhook against real order workflows on an in-process worker. */

const SECRET = 'carrier-actions-secret-0123456789abcdefgh';
const ctx = useOrderApp({ env: { CARRIER_WEBHOOK_SECRET: SECRET } });
let app: Express;
let support: TestUser;

beforeAll(async () => {
  app = createApp(ctx.deps);
  support = await createTestUser(ctx.deps, { role: 'support' });
});

async function statusOf(id: number): Promise<string> {
  return (await ctx.deps.db.models.Order.findByPk(id))!.status;
}

const processingOrder = () => placeProcessingOrder(ctx);

const act = (id: number, verb: string, body?: object) => {
  const req = request(app).post(`/api/admin/orders/${id}/${verb}`).set(support.auth);
  return body === undefined ? req : req.send(body);
};

const inventoryOf = async (productId: number) => {
  const row = await ctx.deps.db.models.Inventory.findByPk(productId);
  return { onHand: row!.onHand, reserved: row!.reserved };
};

test('ship → deliver; cancelling a shipped order and shipping a delivered one are 409s', async () => {
  const order = await processingOrder();
  const shipped = await act(order.id, 'ship', {
    carrier: 'DHL',
    trackingNumber: 'DHL-42',
    trackingUrl: 'https://dhl.example/t/DHL-42',
  });
  expect(shipped.status).toBe(200);
  expect(shipped.body).toMatchObject({
    status: 'shipped',
    shipment: { carrier: 'DHL', trackingNumber: 'DHL-42', trackingUrl: 'https://dhl.example/t/DHL-42' },
  });

  const cancel = await act(order.id, 'cancel', { reason: 'Too late' });
  expect(cancel.status).toBe(409);
  expect(cancel.body.code).toBe('invalid_transition');

  const delivered = await act(order.id, 'deliver');
  expect(delivered.status).toBe(200);
  expect(delivered.body.status).toBe('delivered');
  expect(delivered.body.shipment.deliveredAt).not.toBeNull();

  const again = await act(order.id, 'ship', { carrier: 'UPS', trackingNumber: 'UPS-1' });
  expect([again.status, again.body.code]).toEqual([409, 'invalid_transition']);
  expect((await act(order.id, 'retry')).body.code).toBe('nothing_to_retry');
});

test('cancel before shipping: everything refunded, stock back on the shelf', async () => {
  const order = await processingOrder();
  expect(await inventoryOf(order.productId)).toEqual({ onHand: 3, reserved: 0 });

  const res = await act(order.id, 'cancel', { reason: 'Customer called' });
  expect(res.status).toBe(200);
  expect(res.body).toMatchObject({ status: 'cancelled', refundedAmount: order.total });
  expect(res.body.refunds).toEqual([expect.objectContaining({ amount: order.total, status: 'succeeded' })]);
  expect(await inventoryOf(order.productId)).toEqual({ onHand: 5, reserved: 0 });

  // Refused by the workflow, or its run has already completed (a cancelled order's run ends once its email is out).
  const ship = await act(order.id, 'ship', { carrier: 'DHL', trackingNumber: 'DHL-1' });
  expect(ship.status).toBe(409);
  expect(['invalid_transition', 'order_closed']).toContain(ship.body.code);
});

test('partial refunds never exceed captured minus refunded; an Idempotency-Key refunds once', async () => {
  const order = await processingOrder();
  const key = `refund-${uniqueTag()}`;
  const first = await act(order.id, 'refund', { amount: 300, reason: 'damaged' }).set('Idempotency-Key', key);
  expect(first.status).toBe(200);
  expect(first.body).toMatchObject({ status: 'processing', refundedAmount: 300 });
  const repeat = await act(order.id, 'refund', { amount: 300, reason: 'damaged' }).set(
    'Idempotency-Key',
    key,
  );
  expect(repeat.status).toBe(200);
  expect(repeat.body.refunds).toHaveLength(1);
  // The same key with another amount is refused, not answered with the first refund.
  const reused = await act(order.id, 'refund', { amount: 200, reason: 'damaged' }).set(
    'Idempotency-Key',
    key,
  );
  expect(reused.status).toBe(422);
  expect(reused.body.errors).toEqual([expect.objectContaining({ code: 'idempotency_key_reused' })]);

  const tooMuch = await act(order.id, 'refund', { amount: order.total - 300 + 1 });
  expect(tooMuch.status).toBe(422);
  expect(tooMuch.body.code).toBe('refund_too_large');

  const rest = await act(order.id, 'refund', { full: true });
  expect(rest.status).toBe(200);
  expect(rest.body).toMatchObject({ status: 'refunded', refundedAmount: order.total });
  expect(rest.body.refunds.map((r: { amount: number }) => r.amount)).toEqual([300, order.total - 300]);

  // Fully refunded: refused by the workflow, or its run has already completed.
  const more = await act(order.id, 'refund', { amount: 1 });
  expect(more.status).toBe(409);
  expect(['invalid_transition', 'order_closed']).toContain(more.body.code);
});

describe('the shopper', () => {
  test('cancels their own order before it ships; nobody else can', async () => {
    const order = await processingOrder();
    const stranger = await createTestUser(ctx.deps);
    const other = await request(app).post(`/api/orders/${order.id}/cancel`).set(stranger.auth).send({});
    expect(other.status).toBe(404);
    expect(await statusOf(order.id)).toBe('processing');

    const res = await request(app)
      .post(`/api/orders/${order.id}/cancel`)
      .set('Cart-Token', order.token)
      .send({ reason: 'Changed my mind' });
    expect(res.status).toBe(200);
    expect(res.body.status).toBe('cancelled');
    expect(await inventoryOf(order.productId)).toEqual({ onHand: 5, reserved: 0 });
    const row = await ctx.deps.db.models.Order.findByPk(order.id);
    expect(row!.cancelReason).toContain('Changed my mind');
  });

  test('cannot cancel once shipped (409)', async () => {
    const order = await processingOrder();
    await act(order.id, 'ship', { carrier: 'DHL', trackingNumber: 'DHL-7' }).expect(200);
    const res = await request(app)
      .post(`/api/orders/${order.id}/cancel`)
      .set('Cart-Token', order.token)
      .send({});
    expect(res.status).toBe(409);
    expect(res.body.code).toBe('invalid_transition');
  });
});

describe('the carrier webhook', () => {
  const deliver = (event: object) => {
    const raw = JSON.stringify(event);
    return request(app)
      .post('/api/webhooks/shipping')
      .set({ 'Content-Type': 'application/json', 'X-Carrier-Signature': signCarrierWebhook(SECRET, raw) })
      .send(raw);
  };
  const eventFor = (order: { number: string }, type: 'shipped' | 'delivered') => ({
    id: `evt_${type}_${uniqueTag()}`,
    type,
    orderNumber: order.number,
    carrier: 'DHL',
    trackingNumber: 'DHL-900',
    trackingUrl: 'https://dhl.example/t/DHL-900',
    occurredAt: new Date().toISOString(),
  });

  test('shipped, then delivered; a repeat is a duplicate; a late shipped is ignored', async () => {
    const order = await processingOrder();
    const shipped = eventFor(order, 'shipped');
    expect((await deliver(shipped)).body).toEqual({ received: true, outcome: 'delivered' });
    expect(await statusOf(order.id)).toBe('shipped');
    expect((await deliver(shipped)).body).toEqual({ received: true, outcome: 'duplicate' });

    expect((await deliver(eventFor(order, 'delivered'))).body.outcome).toBe('delivered');
    expect(await statusOf(order.id)).toBe('delivered');
    const shipment = await ctx.deps.db.models.Shipment.findOne({ where: { orderId: order.id } });
    expect(shipment).toMatchObject({ carrier: 'DHL', trackingNumber: 'DHL-900', status: 'delivered' });

    expect((await deliver(eventFor(order, 'shipped'))).body.outcome).toBe('ignored');
    expect(await statusOf(order.id)).toBe('delivered');
  });

  test('a delivery for an order never marked shipped ships it first', async () => {
    const order = await processingOrder();
    expect((await deliver(eventFor(order, 'delivered'))).body.outcome).toBe('delivered');
    expect(await statusOf(order.id)).toBe('delivered');
  });

  test('an order not paid yet is a 409 and the event stays unprocessed, so a resend is applied later', async () => {
    const product = await createStockedProduct(ctx, 2);
    const token = await guestCart(ctx, [{ productId: product.id, quantity: 1 }]);
    const placed = await checkoutAsGuest(ctx, token).expect(201);
    const early = eventFor(placed.body.order, 'shipped');
    const res = await deliver(early);
    expect([res.status, res.body.code]).toEqual([409, 'invalid_transition']);
    const row = await ctx.deps.db.models.WebhookEvent.findOne({
      where: { provider: 'carrier', eventId: early.id },
    });
    expect(row!.processedAt).toBeNull();
    expect((await deliver(early)).status).toBe(409);
    expect(await statusOf(placed.body.order.id)).toBe('awaiting_payment');
  });

  test('an event for a cancelled order is ignored', async () => {
    const order = await processingOrder();
    await act(order.id, 'cancel', { reason: 'Out of paper' }).expect(200);
    expect((await deliver(eventFor(order, 'shipped'))).body.outcome).toBe('ignored');
    expect(await statusOf(order.id)).toBe('cancelled');
  });
});
