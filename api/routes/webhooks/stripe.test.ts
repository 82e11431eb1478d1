import { randomUUID } from 'node:crypto';
import { createPaymentActivities } from '@market/activities/payments';
import type { PaymentProvider, ProviderPayment } from '@market/adapters/payments/port';
import type { StripePaymentProvider } from '@market/adapters/payments/stripe';
import request from 'supertest';
import { stackEnv } from '../../testing/deps';
import { checkoutAsGuest, createStockedProduct, guestCart, useOrderApp } from '../../testing/order-app';

const WEBHOOK_SECRET = 'whsec_test_webhooks_for_market';

/**
 * Stripe's side for the worker: stripe-mock keeps no state and never authorizes, so the workflow talks to this
 * scripted provider (named stripe) while the API verifies real Stripe signatures with the real adapter.
 */
class ScriptedStripe implements Omit<PaymentProvider, 'parseWebhook' | 'refundPayment'> {
  readonly name = 'stripe' as const;
  captures = 0;
  readonly payments = new Map<string, ProviderPayment>();
  async createPayment(input: { amount: number; currency: string; idempotencyKey: string }) {
    const payment: ProviderPayment = {
      id: `pi_${input.idempotencyKey.replace(/\W/g, '').slice(-24)}`,
      state: 'requires_payment_method',
      amount: input.amount,
      currency: input.currency,
      clientSecret: null,
      decline: null,
    };
    if (!this.payments.has(payment.id)) this.payments.set(payment.id, payment);
    return this.payments.get(payment.id)!;
  }
  async confirmPayment(): Promise<ProviderPayment> {
    throw new Error('not used: the card is confirmed in the browser (3-D Secure), the webhook tells');
  }
  async capturePayment(input: { paymentId: string }) {
    const payment = this.payments.get(input.paymentId)!;
    if (payment.state !== 'captured') this.captures += 1;
    payment.state = 'captured';
    return payment;
  }
  async cancelPayment(input: { paymentId: string }) {
    const payment = this.payments.get(input.paymentId)!;
    payment.state = 'cancelled';
    return payment;
  }
  async retrievePayment(id: string) {
    return this.payments.get(id)!;
  }
}

const stripe = new ScriptedStripe();
const ctx = useOrderApp({
  env: {
    STRIPE_SECRET_KEY: 'sk_test_123',
    STRIPE_WEBHOOK_SECRET: WEBHOOK_SECRET,
    STRIPE_API_URL: stackEnv('MARKET_TEST_STRIPE_URL'),
  },
  activities: (_real, deps) =>
    createPaymentActivities({ db: deps.db, payments: stripe as unknown as PaymentProvider }),
});

function signed(event: object, secret = WEBHOOK_SECRET) {
  const payload = JSON.stringify(event);
  const client = (ctx.deps.payments as StripePaymentProvider).client;
  return { payload, signature: client.webhooks.generateTestHeaderString({ payload, secret }) };
}

const postWebhook = (payload: string, signature: string) =>
  request(ctx.app)
    .post('/api/webhooks/stripe')
    .set({ 'Content-Type': 'application/json', 'Stripe-Signature': signature })
    .send(payload);

function authorizedEvent(paymentIntentId: string, id = `evt_${randomUUID().replace(/-/g, '')}`) {
  return {
    id,
    object: 'event',
    type: 'payment_intent.amount_capturable_updated',
    data: { object: { id: paymentIntentId, object: 'payment_intent', status: 'requires_capture' } },
  };
}

async function placeOrder() {
  const product = await createStockedProduct(ctx, 5);
  const token = await guestCart(ctx, [{ productId: product.id, quantity: 1 }]);
  const placed = await checkoutAsGuest(ctx, token).expect(201);
  const payment = await ctx.deps.db.models.Payment.findOne({ where: { orderId: placed.body.order.id } });
  return { orderId: placed.body.order.id as number, token, paymentIntentId: payment!.providerPaymentId! };
}

async function statusOf(orderId: number, until?: string) {
  for (let i = 0; i < 100; i += 1) {
    const order = await ctx.deps.db.models.Order.findByPk(orderId);
    if (!until || order!.status === until) return order!.status;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  return (await ctx.deps.db.models.Order.findByPk(orderId))!.status;
}

test('the API really talks to Stripe (stripe-mock) through the adapter', async () => {
  expect(ctx.deps.payments.name).toBe('stripe');
  const created = await ctx.deps.payments.createPayment({
    amount: 1_000,
    currency: 'EUR',
    idempotencyKey: randomUUID(),
    metadata: { orderNumber: 'M-TEST' },
  });
  expect(created.id).toMatch(/^pi_/);
});

test('a webhook delivered twice, and again concurrently, captures once', async () => {
  const { orderId, paymentIntentId } = await placeOrder();
  const capturesBefore = stripe.captures;
  const { payload, signature } = signed(authorizedEvent(paymentIntentId));

  const first = await postWebhook(payload, signature).expect(200);
  expect(first.body).toEqual({ received: true, outcome: 'delivered' });
  const repeats = await Promise.all([1, 2, 3].map(() => postWebhook(payload, signature)));
  expect(repeats.map((r) => r.status)).toEqual([200, 200, 200]);
  expect(await statusOf(orderId, 'processing')).toBe('processing');
  const again = await postWebhook(payload, signature).expect(200);
  expect(again.body.outcome).toBe('duplicate');

  // Another event id saying the same thing: the workflow is already past it.
  const other = signed(authorizedEvent(paymentIntentId));
  await postWebhook(other.payload, other.signature).expect(200);
  expect(stripe.captures).toBe(capturesBefore + 1);
  expect(await ctx.deps.db.models.WebhookEvent.count({ where: { eventId: JSON.parse(payload).id } })).toBe(1);
  const captured = await ctx.deps.db.models.OrderEvent.count({
    where: { orderId, type: 'payment_captured' },
  });
  expect(captured).toBe(1);
});

test('a bad signature is a 400 and changes nothing', async () => {
  const { orderId, paymentIntentId } = await placeOrder();
  const eventsBefore = await ctx.deps.db.models.WebhookEvent.count();
  const event = authorizedEvent(paymentIntentId);
  const wrongSecret = signed(event, 'whsec_not_the_shops_secret');
  const res = await postWebhook(wrongSecret.payload, wrongSecret.signature);
  expect(res.status).toBe(400);
  expect(res.body.code).toBe('invalid_signature');
  const good = signed(event);
  await postWebhook(good.payload.replace('requires_capture', 'requires_capturf'), good.signature).expect(400);
  await request(ctx.app).post('/api/webhooks/stripe').send(event).expect(400);
  expect(await ctx.deps.db.models.WebhookEvent.count()).toBe(eventsBefore);
  expect(await statusOf(orderId)).toBe('awaiting_payment');
});

test('a payment_failed webhook fails the order and gives the stock back', async () => {
  const { orderId, paymentIntentId } = await placeOrder();
  const { payload, signature } = signed({
    id: `evt_${randomUUID().replace(/-/g, '')}`,
    object: 'event',
    type: 'payment_intent.payment_failed',
    data: {
      object: {
        id: paymentIntentId,
        object: 'payment_intent',
        status: 'requires_payment_method',
        last_payment_error: {
          code: 'card_declined',
          decline_code: 'insufficient_funds',
          message: 'Declined',
        },
      },
    },
  });
  await postWebhook(payload, signature).expect(200);
  expect(await statusOf(orderId, 'failed')).toBe('failed');
  const holds = await ctx.deps.db.models.StockReservation.findAll({ where: { orderId } });
  expect(holds.map((h) => h.status)).toEqual(['released']);
});
