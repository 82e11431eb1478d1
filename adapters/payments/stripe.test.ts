import { randomUUID } from 'node:crypto';
import Stripe from 'stripe';
import { PaymentRejectedError, WebhookSignatureError } from './port';
import { StripePaymentProvider } from './stripe';
import { paymentIntentFixture, startStripeProxy, type StripeProxy } from './testing';

// The Stripe adapter through the real SDK against stripe-mock (MARKET_TEST_STRIPE_URL), behind a recording proxy
// that also plays Stripe's answers stripe-mock cannot give (declines, other states).
const WEBHOOK_SECRET = 'whsec_test_market';

describe('StripePaymentProvider', () => {
  let proxy: StripeProxy;
  let stripe: StripePaymentProvider;

  beforeAll(async () => {
    proxy = await startStripeProxy();
    stripe = new StripePaymentProvider({
      secretKey: 'sk_test_market',
      webhookSecret: WEBHOOK_SECRET,
      apiUrl: proxy.url,
    });
  });
  afterAll(() => proxy?.close());

  const lastRequest = () => proxy.requests[proxy.requests.length - 1]!;
  const key = () => `test-${randomUUID()}`;

  it('creates a manual-capture card PaymentIntent and sends the idempotency key', async () => {
    const idempotencyKey = key();
    const sdkKeys: (string | undefined)[] = [];
    const onRequest = (event: Stripe.RequestEvent) => sdkKeys.push(event.idempotency_key);
    stripe.client.on('request', onRequest);
    try {
      const payment = await stripe.createPayment({
        amount: 4200,
        currency: 'EUR',
        idempotencyKey,
        metadata: { orderNumber: 'MK-1001', workflowId: 'order-1' },
        description: 'Order MK-1001',
        receiptEmail: 'shopper@example.com',
      });
      expect(payment).toMatchObject({ amount: 4200, currency: 'EUR', state: 'requires_payment_method' });
      expect(payment.id).toMatch(/^pi_/);
      expect(payment.decline).toBeNull();
      expect(payment.clientSecret).toBeNull();
    } finally {
      stripe.client.off('request', onRequest);
    }

    const request = lastRequest();
    expect(request).toMatchObject({ method: 'POST', path: '/v1/payment_intents' });
    expect(request.headers['idempotency-key']).toBe(idempotencyKey);
    expect(sdkKeys).toEqual([idempotencyKey]);
    expect(Object.fromEntries(request.form)).toMatchObject({
      amount: '4200',
      currency: 'eur',
      capture_method: 'manual',
      'payment_method_types[0]': 'card',
      'metadata[orderNumber]': 'MK-1001',
      'metadata[workflowId]': 'order-1',
      description: 'Order MK-1001',
      receipt_email: 'shopper@example.com',
    });
  });

  it('confirms server-side with the payment method, return URL and idempotency key', async () => {
    const idempotencyKey = key();
    const payment = await stripe.confirmPayment({
      paymentId: 'pi_confirm1',
      paymentMethodId: 'pm_card_visa',
      idempotencyKey,
      returnUrl: 'https://shop.example/checkout/return',
    });
    expect(payment).toMatchObject({ id: 'pi_confirm1', state: 'requires_payment_method', decline: null });
    const request = lastRequest();
    expect(request.path).toBe('/v1/payment_intents/pi_confirm1/confirm');
    expect(request.headers['idempotency-key']).toBe(idempotencyKey);
    expect(Object.fromEntries(request.form)).toEqual({
      payment_method: 'pm_card_visa',
      return_url: 'https://shop.example/checkout/return',
    });
  });

  it('maps confirm answers: authorized, and 3-D Secure with the client secret', async () => {
    proxy.respond(
      'POST',
      '/v1/payment_intents/pi_ok/confirm',
      200,
      paymentIntentFixture({
        id: 'pi_ok',
        status: 'requires_capture',
      }),
    );
    await expect(
      stripe.confirmPayment({ paymentId: 'pi_ok', paymentMethodId: 'pm_card_visa', idempotencyKey: key() }),
    ).resolves.toMatchObject({ id: 'pi_ok', state: 'authorized', clientSecret: null });

    proxy.respond(
      'POST',
      '/v1/payment_intents/pi_3ds/confirm',
      200,
      paymentIntentFixture({
        id: 'pi_3ds',
        status: 'requires_action',
        client_secret: 'pi_3ds_secret_abc',
      }),
    );
    await expect(
      stripe.confirmPayment({
        paymentId: 'pi_3ds',
        paymentMethodId: 'pm_card_threeDSecure2Required',
        idempotencyKey: key(),
      }),
    ).resolves.toMatchObject({ state: 'requires_action', clientSecret: 'pi_3ds_secret_abc' });
  });

  it('returns a card decline as data, not an error', async () => {
    const declined = paymentIntentFixture({ id: 'pi_declined', status: 'requires_payment_method' });
    proxy.respond('POST', '/v1/payment_intents/pi_declined/confirm', 402, {
      error: {
        type: 'card_error',
        code: 'card_declined',
        decline_code: 'insufficient_funds',
        message: 'Your card has insufficient funds.',
        payment_intent: declined,
      },
    });
    const payment = await stripe.confirmPayment({
      paymentId: 'pi_declined',
      paymentMethodId: 'pm_card_chargeDeclinedInsufficientFunds',
      idempotencyKey: key(),
    });
    expect(payment).toEqual({
      id: 'pi_declined',
      state: 'requires_payment_method',
      amount: 4200,
      currency: 'EUR',
      clientSecret: null,
      decline: { code: 'insufficient_funds', message: 'Your card has insufficient funds.' },
    });
  });

  it('treats an unknown payment method as a decline and reads the payment back', async () => {
    proxy.respond('POST', '/v1/payment_intents/pi_nopm/confirm', 400, {
      error: {
        type: 'invalid_request_error',
        code: 'resource_missing',
        param: 'payment_method',
        message: "No such PaymentMethod: 'pm_nope'",
      },
    });
    const payment = await stripe.confirmPayment({
      paymentId: 'pi_nopm',
      paymentMethodId: 'pm_nope',
      idempotencyKey: key(),
    });
    expect(payment).toMatchObject({
      id: 'pi_nopm',
      state: 'requires_payment_method',
      decline: { code: 'resource_missing', message: "No such PaymentMethod: 'pm_nope'" },
    });
    expect(lastRequest()).toMatchObject({ method: 'GET', path: '/v1/payment_intents/pi_nopm' });
  });

  it('captures and cancels with idempotency keys', async () => {
    const captureKey = key();
    await expect(
      stripe.capturePayment({ paymentId: 'pi_cap', idempotencyKey: captureKey }),
    ).resolves.toMatchObject({
      id: 'pi_cap',
    });
    expect(lastRequest()).toMatchObject({ method: 'POST', path: '/v1/payment_intents/pi_cap/capture' });
    expect(lastRequest().headers['idempotency-key']).toBe(captureKey);

    const cancelKey = key();
    await expect(
      stripe.cancelPayment({ paymentId: 'pi_can', idempotencyKey: cancelKey }),
    ).resolves.toMatchObject({
      id: 'pi_can',
    });
    expect(lastRequest()).toMatchObject({ method: 'POST', path: '/v1/payment_intents/pi_can/cancel' });
    expect(lastRequest().headers['idempotency-key']).toBe(cancelKey);
  });

  it('returns an already captured or cancelled payment unchanged, and rejects other wrong states', async () => {
    const unexpected = {
      error: {
        type: 'invalid_request_error',
        code: 'payment_intent_unexpected_state',
        message: 'Wrong state.',
      },
    };
    proxy.respond('POST', '/v1/payment_intents/pi_done/capture', 400, unexpected);
    proxy.respond(
      'GET',
      '/v1/payment_intents/pi_done',
      200,
      paymentIntentFixture({ id: 'pi_done', status: 'succeeded' }),
    );
    await expect(
      stripe.capturePayment({ paymentId: 'pi_done', idempotencyKey: key() }),
    ).resolves.toMatchObject({
      id: 'pi_done',
      state: 'captured',
    });

    proxy.respond('POST', '/v1/payment_intents/pi_void/cancel', 400, unexpected);
    proxy.respond(
      'GET',
      '/v1/payment_intents/pi_void',
      200,
      paymentIntentFixture({ id: 'pi_void', status: 'canceled' }),
    );
    await expect(
      stripe.cancelPayment({ paymentId: 'pi_void', idempotencyKey: key() }),
    ).resolves.toMatchObject({
      state: 'cancelled',
    });

    proxy.respond('POST', '/v1/payment_intents/pi_gone/capture', 400, unexpected);
    proxy.respond(
      'GET',
      '/v1/payment_intents/pi_gone',
      200,
      paymentIntentFixture({ id: 'pi_gone', status: 'canceled' }),
    );
    const rejection = stripe.capturePayment({ paymentId: 'pi_gone', idempotencyKey: key() });
    await expect(rejection).rejects.toBeInstanceOf(PaymentRejectedError);
    await expect(rejection).rejects.toMatchObject({ code: 'payment_intent_unexpected_state' });
  });

  it('retrieves a payment, rejects an unknown one, and throws transient errors as they are', async () => {
    await expect(stripe.retrievePayment('pi_get')).resolves.toMatchObject({
      id: 'pi_get',
      currency: expect.stringMatching(/^[A-Z]{3}$/),
    });

    proxy.respond('GET', '/v1/payment_intents/pi_unknown', 404, {
      error: {
        type: 'invalid_request_error',
        code: 'resource_missing',
        param: 'intent',
        message: 'No such payment_intent',
      },
    });
    await expect(stripe.retrievePayment('pi_unknown')).rejects.toMatchObject({
      name: 'PaymentRejectedError',
      code: 'resource_missing',
    });

    // A 500 is retried once by the SDK, then surfaces as Stripe's own error for the activity to retry.
    for (let i = 0; i < 2; i++) {
      proxy.respond('POST', '/v1/payment_intents/pi_flaky/capture', 500, {
        error: { type: 'api_error', message: 'Boom.' },
      });
    }
    const flakyKey = key();
    await expect(
      stripe.capturePayment({ paymentId: 'pi_flaky', idempotencyKey: flakyKey }),
    ).rejects.toBeInstanceOf(Stripe.errors.StripeAPIError);
    // Both attempts carried our key, so Stripe would have deduplicated them.
    const attempts = proxy.requests.filter((r) => r.path === '/v1/payment_intents/pi_flaky/capture');
    expect(attempts.map((r) => r.headers['idempotency-key'])).toEqual([flakyKey, flakyKey]);
  });

  describe('webhooks', () => {
    const payload = JSON.stringify({
      id: 'evt_123',
      object: 'event',
      type: 'payment_intent.amount_capturable_updated',
      data: { object: { id: 'pi_hook', object: 'payment_intent', status: 'requires_capture' } },
    });
    const sign = (body: string, timestamp?: number, secret = WEBHOOK_SECRET) =>
      stripe.client.webhooks.generateTestHeaderString({
        payload: body,
        secret,
        ...(timestamp && { timestamp }),
      });

    it('parses a correctly signed event', () => {
      expect(stripe.parseWebhook(Buffer.from(payload), sign(payload))).toEqual({
        id: 'evt_123',
        type: 'payment_intent.amount_capturable_updated',
        kind: 'authorized',
        paymentId: 'pi_hook',
        decline: null,
      });
    });

    it('parses a failed payment with its decline', () => {
      const failed = JSON.stringify({
        id: 'evt_fail',
        object: 'event',
        type: 'payment_intent.payment_failed',
        data: {
          object: {
            id: 'pi_hook',
            last_payment_error: { code: 'card_declined', decline_code: 'lost_card', message: 'Lost.' },
          },
        },
      });
      expect(stripe.parseWebhook(Buffer.from(failed), sign(failed))).toMatchObject({
        kind: 'failed',
        decline: { code: 'lost_card', message: 'Lost.' },
      });
    });

    it.each([
      ['a wrong secret', () => sign(payload, undefined, 'whsec_other'), Buffer.from(payload)],
      ['a missing signature', () => undefined, Buffer.from(payload)],
      ['a body changed by one byte', () => sign(payload), Buffer.from(payload.replace('pi_hook', 'pi_hool'))],
      [
        'a timestamp older than five minutes',
        () => sign(payload, Math.floor(Date.now() / 1000) - 301),
        Buffer.from(payload),
      ],
      ['a garbage header', () => 'nonsense', Buffer.from(payload)],
    ])('refuses %s', (_name, signature, body) => {
      expect(() => stripe.parseWebhook(body, signature())).toThrow(WebhookSignatureError);
    });
  });
});
