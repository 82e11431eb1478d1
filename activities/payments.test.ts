import { randomUUID } from 'node:crypto';
import { createPaymentProvider } from '@market/adapters/payments/index';
import type { PaymentProvider } from '@market/adapters/payments/port';
import { StripePaymentProvider } from '@market/adapters/payments/stripe';
import { paymentIntentFixture, startStripeProxy, type StripeProxy } from '@market/adapters/payments/testing';
import type { Database } from '@market/db';
import { createTestDatabase } from '@market/db/testing';
import { createActivities } from './index';

// cancelPayment, the order's compensation, when the money was already taken: a capture that went through at the
// provider but could not be recorded, then the order is cancelled or fails. The shopper must get the money back.
let db: Database;
let provider: PaymentProvider;
let activities: ReturnType<typeof createActivities>;
beforeAll(async () => {
  db = await createTestDatabase();
  provider = createPaymentProvider({ provider: 'test' }, { db });
  activities = createActivities({ db, payments: provider });
});
afterAll(() => db.close());

const TOTAL = 5_000;

async function orderRow() {
  const id = randomUUID();
  return db.models.Order.create({
    number: `P-${id.slice(0, 20)}`,
    email: 'compensation@example.com',
    status: 'awaiting_payment',
    subtotalAmount: TOTAL,
    shippingAmount: 0,
    taxAmount: 0,
    totalAmount: TOTAL,
    currency: 'EUR',
    shippingAddress: { name: 'A', line1: 'B', city: 'C', postalCode: '1', country: 'DE' },
    workflowId: `order-${id}`,
  });
}

/** An authorized payment whose capture went through at the provider only: our row still says authorized. */
async function capturedUnrecorded() {
  const order = await orderRow();
  const key = order.workflowId;
  const { payment } = await activities.createPayment({ orderId: order.id, idempotencyKey: `${key}:payment` });
  await activities.confirmPayment({
    orderId: order.id,
    paymentMethodId: 'pm_card_visa',
    idempotencyKey: `${key}:confirm`,
  });
  await provider.capturePayment({ paymentId: payment.id, idempotencyKey: `${key}:capture` });
  expect((await db.models.Payment.findOne({ where: { orderId: order.id } }))!.status).toBe('authorized');
  return { orderId: order.id, key, cancelKey: `${key}:cancel`, providerPaymentId: payment.id };
}

const types = async (orderId: number) =>
  (await db.models.OrderEvent.findAll({ where: { orderId }, order: [['id', 'ASC']] })).map((e) => e.type);
const paymentOf = (orderId: number) => db.models.Payment.findOne({ where: { orderId } });

describe('with the test provider', () => {
  test('a captured payment is refunded in full, once, however often the compensation runs', async () => {
    const o = await capturedUnrecorded();
    const input = { orderId: o.orderId, idempotencyKey: o.cancelKey };
    await Promise.all([activities.cancelPayment(input), activities.cancelPayment(input)]);
    await activities.cancelPayment(input);

    // The provider gave it back, under the key derived from the cancel's.
    const charge = await db.models.TestPayment.findByPk(o.providerPaymentId);
    expect(Number(charge!.refundedAmount)).toBe(TOTAL);
    const given = await db.models.TestRefund.findAll({ where: { paymentId: o.providerPaymentId } });
    expect(given.map((r) => [r.idempotencyKey, Number(r.amount)])).toEqual([
      [`${o.cancelKey}:refund`, TOTAL],
    ]);

    // Our records say so: captured, then refunded by the shop.
    expect(await paymentOf(o.orderId)).toMatchObject({ status: 'captured', refundedAmount: TOTAL });
    expect(await db.models.Refund.findAll({ where: { orderId: o.orderId } })).toEqual([
      expect.objectContaining({
        amount: TOTAL,
        status: 'succeeded',
        idempotencyKey: `${o.cancelKey}:refund`,
        reason: 'order not completed',
      }),
    ]);
    const timeline = await types(o.orderId);
    expect(timeline.filter((t) => t === 'payment_captured')).toHaveLength(1);
    expect(timeline.filter((t) => t === 'payment_refunded')).toHaveLength(1);
    expect(timeline).not.toContain('payment_cancel_refused');
    const refunded = await db.models.OrderEvent.findOne({
      where: { orderId: o.orderId, type: 'payment_refunded' },
    });
    expect(refunded!.data).toEqual({ amount: TOTAL, by: 'system', reason: 'order not completed' });
  });

  test('an authorized payment is voided, nothing refunded', async () => {
    const order = await orderRow();
    const key = order.workflowId;
    await activities.createPayment({ orderId: order.id, idempotencyKey: `${key}:payment` });
    await activities.confirmPayment({
      orderId: order.id,
      paymentMethodId: 'pm_card_visa',
      idempotencyKey: `${key}:c`,
    });
    await activities.cancelPayment({ orderId: order.id, idempotencyKey: `${key}:cancel` });
    expect(await paymentOf(order.id)).toMatchObject({ status: 'cancelled', refundedAmount: 0 });
    expect(await db.models.Refund.count({ where: { orderId: order.id } })).toBe(0);
    expect(await types(order.id)).toContain('payment_cancelled');
  });

  test('a refund the provider refuses too is recorded as failed; the compensation does not throw', async () => {
    const o = await capturedUnrecorded();
    // Already given back in the provider's dashboard: the provider refuses another refund.
    await db.models.TestPayment.update({ refundedAmount: TOTAL }, { where: { id: o.providerPaymentId } });
    await expect(
      activities.cancelPayment({ orderId: o.orderId, idempotencyKey: o.cancelKey }),
    ).resolves.toBeUndefined();
    await expect(
      activities.cancelPayment({ orderId: o.orderId, idempotencyKey: o.cancelKey }),
    ).resolves.toBeUndefined();
    expect(await db.models.Refund.findAll({ where: { orderId: o.orderId } })).toEqual([
      expect.objectContaining({ status: 'failed', amount: TOTAL }),
    ]);
    expect(await paymentOf(o.orderId)).toMatchObject({ status: 'captured', refundedAmount: 0 });
    const failed = await db.models.OrderEvent.findAll({
      where: { orderId: o.orderId, type: 'refund_failed' },
    });
    expect(failed.map((e) => e.data)).toEqual([
      expect.objectContaining({ code: 'amount_too_large', by: 'system' }),
    ]);
  });

  // A worker that dies before its workflow task completes leaves no marker of the local steps it ran: the next
  // worker runs them again, the confirm first, and the provider answers it with the payment as it is now.
  test('a confirm run again after the capture went through records the capture once, as payment_captured', async () => {
    const o = await capturedUnrecorded();
    const confirm = {
      orderId: o.orderId,
      paymentMethodId: 'pm_card_visa',
      idempotencyKey: `${o.key}:confirm`,
    };
    await expect(activities.confirmPayment(confirm)).resolves.toMatchObject({ state: 'captured' });
    const capture = { orderId: o.orderId, idempotencyKey: `${o.key}:capture` };
    await expect(activities.capturePayment(capture)).resolves.toMatchObject({ state: 'captured' });

    expect(await paymentOf(o.orderId)).toMatchObject({ status: 'captured' });
    expect(await db.models.TestPayment.findByPk(o.providerPaymentId)).toMatchObject({ captureCount: 1 });
    expect(await types(o.orderId)).toEqual(['payment_created', 'payment_authorized', 'payment_captured']);
  });
});

describe('with Stripe (stripe-mock behind the recording proxy)', () => {
  let proxy: StripeProxy;
  let stripe: ReturnType<typeof createActivities>;
  beforeAll(async () => {
    proxy = await startStripeProxy();
    const payments = new StripePaymentProvider({
      secretKey: 'sk_test_market',
      webhookSecret: 'whsec_test_market',
      apiUrl: proxy.url,
    });
    stripe = createActivities({ db, payments });
  });
  afterAll(() => proxy?.close());

  test('cancel refused as captured → the PaymentIntent is refunded with a key derived from the cancel’s', async () => {
    const order = await orderRow();
    const intent = `pi_w6${randomUUID().replace(/-/g, '')}`;
    await db.models.Payment.create({
      orderId: order.id,
      provider: 'stripe',
      providerPaymentId: intent,
      amount: TOTAL,
      currency: 'EUR',
      status: 'authorized',
      idempotencyKey: `${order.workflowId}:payment`,
    });
    // What Stripe answers for a PaymentIntent that was captured: the cancel is refused, a read says succeeded.
    proxy.respond('POST', `/v1/payment_intents/${intent}/cancel`, 400, {
      error: {
        type: 'invalid_request_error',
        code: 'payment_intent_unexpected_state',
        message: 'You cannot cancel this PaymentIntent because it has a status of succeeded.',
      },
    });
    const succeeded = paymentIntentFixture({ id: intent, amount: TOTAL, status: 'succeeded' });
    proxy.respond('GET', `/v1/payment_intents/${intent}`, 200, succeeded);
    proxy.respond('GET', `/v1/payment_intents/${intent}`, 200, succeeded);

    const cancelKey = `${order.workflowId}:cancel`;
    await stripe.cancelPayment({ orderId: order.id, idempotencyKey: cancelKey });

    const refundRequests = proxy.requests.filter(
      (r) => r.method === 'POST' && r.path === '/v1/refunds' && r.form.get('payment_intent') === intent,
    );
    expect(refundRequests).toHaveLength(1);
    expect(Object.fromEntries(refundRequests[0]!.form)).toEqual({
      payment_intent: intent,
      amount: String(TOTAL),
    });
    expect(refundRequests[0]!.headers['idempotency-key']).toBe(`${cancelKey}:refund`);

    expect(await paymentOf(order.id)).toMatchObject({ status: 'captured', refundedAmount: TOTAL });
    expect(await db.models.Refund.findAll({ where: { orderId: order.id } })).toEqual([
      expect.objectContaining({
        status: 'succeeded',
        amount: TOTAL,
        providerRefundId: expect.stringMatching(/^re_/),
        idempotencyKey: `${cancelKey}:refund`,
      }),
    ]);
    const timeline = await types(order.id);
    expect(timeline).toEqual(expect.arrayContaining(['payment_captured', 'payment_refunded']));
    expect(timeline).not.toContain('payment_cancel_refused');
  });
});
