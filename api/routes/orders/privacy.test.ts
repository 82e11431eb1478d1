import request from 'supertest';
import { processingOrder as placeProcessingOrder, useOrderApp } from '../../testing/order-app';
import { createTestUser, type TestUser, uniqueEmail } from '../../testing/users';

/**
 * What a shopper sees of staff work on their order: that the shop acted, never which staff member or their notes.
 * Support acts through the admin API on real order workflows; the shopper reads with their Cart-Token.
 */

const ctx = useOrderApp();
let support: TestUser;

beforeAll(async () => {
  support = await createTestUser(ctx.deps, { role: 'support', email: uniqueEmail('alice-staff') });
});

interface TimelineEntry {
  type: string;
  toStatus: string | null;
  data: Record<string, unknown> | null;
}

/** A processing order, read as its shopper (Cart-Token) and as support. */
async function processingOrder() {
  const order = await placeProcessingOrder(ctx);
  return {
    ...order,
    asShopper: () =>
      request(ctx.app).get(`/api/orders/${order.id}`).set('Cart-Token', order.token).expect(200),
    asStaff: () => request(ctx.app).get(`/api/admin/orders/${order.id}`).set(support.auth).expect(200),
  };
}

const act = (id: number, verb: string, body: object) =>
  request(ctx.app).post(`/api/admin/orders/${id}/${verb}`).set(support.auth).send(body);

const entry = (timeline: TimelineEntry[], type: string, toStatus: string | null = null) =>
  timeline.find((e) => e.type === type && (toStatus === null || e.toStatus === toStatus));

test('a staff cancel: the shopper sees that the shop cancelled, not who or why; support sees both', async () => {
  const order = await processingOrder();
  const reason = 'Fraud check flagged the card, see ticket 4711';
  const cancelled = await act(order.id, 'cancel', { reason }).expect(200);
  expect(cancelled.body.status).toBe('cancelled');

  const shopper = await order.asShopper();
  const seen = JSON.stringify(shopper.body);
  expect(seen).not.toContain(support.user.email);
  expect(seen).not.toContain('staff:');
  expect(seen).not.toContain(reason);
  expect(shopper.body).toMatchObject({
    status: 'cancelled',
    cancelledBy: 'shop',
    cancelReason: null,
    refundedAmount: order.total,
  });
  expect(entry(shopper.body.timeline, 'status_changed', 'cancelled')!.data).toEqual({ by: 'shop' });
  expect(entry(shopper.body.timeline, 'payment_refunded')!.data).toEqual({ amount: order.total, by: 'shop' });
  // The allow-list keeps what the shopper is meant to see.
  expect(entry(shopper.body.timeline, 'order_placed')!.data).toEqual({
    totalAmount: order.total,
    currency: 'EUR',
    lines: 1,
  });
  expect(shopper.body.refunds).toHaveLength(1);
  expect(shopper.body.refunds[0]).not.toHaveProperty('reason');

  const staff = await order.asStaff();
  expect(staff.body.cancelReason).toBe(`staff:${support.user.email}: ${reason}`);
  expect(entry(staff.body.timeline, 'status_changed', 'cancelled')!.data).toEqual({
    by: `staff:${support.user.email}`,
    reason,
  });
  expect(entry(staff.body.timeline, 'payment_refunded')!.data).toMatchObject({
    by: `staff:${support.user.email}`,
  });
});

test('a staff refund after shipping: amount and tracking shown, the staff email and note and a failed refund not', async () => {
  const order = await processingOrder();
  await act(order.id, 'ship', {
    carrier: 'DHL',
    trackingNumber: 'DHL-PRIV-1',
    trackingUrl: 'https://dhl.example/t/DHL-PRIV-1',
  }).expect(200);
  const note = 'Goodwill: box dented, per Bob';
  await act(order.id, 'refund', { amount: 500, reason: note }).expect(200);
  // A refund the provider refused: support needs it, the shopper was never paid by it.
  const payment = await ctx.deps.db.models.Payment.findOne({ where: { orderId: order.id } });
  await ctx.deps.db.models.Refund.create({
    orderId: order.id,
    paymentId: payment!.id,
    amount: 700,
    currency: 'EUR',
    status: 'failed',
    reason: note,
    idempotencyKey: `privacy-failed-${order.id}`,
  });
  await ctx.deps.db.models.OrderEvent.create({
    orderId: order.id,
    type: 'refund_failed',
    fromStatus: null,
    toStatus: null,
    data: { amount: 700, by: `staff:${support.user.email}`, code: 'charge_disputed', message: 'Disputed' },
    occurredAt: new Date(),
  });

  const shopper = await order.asShopper();
  const seen = JSON.stringify(shopper.body);
  expect(seen).not.toContain(support.user.email);
  expect(seen).not.toContain('staff:');
  expect(seen).not.toContain(note);
  expect(shopper.body).toMatchObject({ status: 'shipped', cancelledBy: null, refundedAmount: 500 });
  expect(shopper.body.refunds).toEqual([
    {
      id: expect.any(Number),
      amount: 500,
      currency: 'EUR',
      status: 'succeeded',
      createdAt: expect.any(String),
    },
  ]);
  expect(entry(shopper.body.timeline, 'payment_refunded')!.data).toEqual({ amount: 500, by: 'shop' });
  expect(entry(shopper.body.timeline, 'refund_failed')).toBeUndefined();
  expect(entry(shopper.body.timeline, 'shipment_shipped')!.data).toEqual({
    carrier: 'DHL',
    trackingNumber: 'DHL-PRIV-1',
    trackingUrl: 'https://dhl.example/t/DHL-PRIV-1',
  });

  const staff = await order.asStaff();
  expect(staff.body.refunds).toEqual([
    expect.objectContaining({ amount: 500, status: 'succeeded', reason: note }),
    expect.objectContaining({ amount: 700, status: 'failed', reason: note }),
  ]);
  expect(entry(staff.body.timeline, 'payment_refunded')!.data).toEqual({
    amount: 500,
    by: `staff:${support.user.email}`,
    reason: note,
  });
  expect(entry(staff.body.timeline, 'refund_failed')!.data).toMatchObject({ code: 'charge_disputed' });
});

test('the shopper’s own cancel: their reason is shown back to them', async () => {
  const order = await processingOrder();
  const reason = 'Ordered the wrong size';
  const cancelled = await request(ctx.app)
    .post(`/api/orders/${order.id}/cancel`)
    .set('Cart-Token', order.token)
    .send({ reason })
    .expect(200);
  expect(cancelled.body).toMatchObject({
    status: 'cancelled',
    cancelledBy: 'customer',
    cancelReason: reason,
  });

  const shopper = await order.asShopper();
  expect(shopper.body).toMatchObject({ cancelledBy: 'customer', cancelReason: reason });
  expect(entry(shopper.body.timeline, 'status_changed', 'cancelled')!.data).toEqual({
    by: 'customer',
    reason,
  });
  expect(entry(shopper.body.timeline, 'payment_refunded')!.data).toEqual({
    amount: order.total,
    by: 'customer',
  });

  const staff = await order.asStaff();
  expect(staff.body.cancelReason).toBe(`customer: ${reason}`);
});
