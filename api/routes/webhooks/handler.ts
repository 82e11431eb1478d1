import type { RequestHandler } from 'express';
import { z } from 'zod';
import { WebhookSignatureError, type PaymentEvent } from '@market/adapters/payments/port';
import type { TestPaymentProvider } from '@market/adapters/payments/test-provider';
import type { AppDeps } from '../../deps';
import { AppError, BadRequestError, NotFoundError } from '../../errors';
import { rateLimited } from '../../openapi/document';
import { defineRoute } from '../../openapi/route';
import { signalPaymentEvent } from '../../services/order-workflows';
import { authenticationLimit } from '../checkout/limits';
import { testAuthenticationBody, testAuthenticationParams } from '../orders/schema';

/** express.json keeps the exact bytes of webhook bodies here: signatures are over the raw body. */
export type RawBodyRequest = { rawBody?: Buffer };

const verified = new WeakMap<object, PaymentEvent>();

/** Verifies the Stripe signature before anything else reads the body; a bad one is a 400 and changes nothing. */
const verifyStripeSignature =
  (deps: AppDeps): RequestHandler =>
  (req, _res, next) => {
    if (deps.payments.name !== 'stripe')
      return next(new NotFoundError('Stripe is not this shop’s payment provider.'));
    const raw = (req as unknown as RawBodyRequest).rawBody ?? Buffer.alloc(0);
    try {
      verified.set(req, deps.payments.parseWebhook(raw, req.get('stripe-signature')));
      next();
    } catch (err) {
      next(
        err instanceof WebhookSignatureError ? new BadRequestError(err.message, 'invalid_signature') : err,
      );
    }
  };

/**
 * Hands a payment fact to the order's workflow, once. The event row is written first; processed_at is set only
 * after the workflow has the signal, so a delivery that failed half-way is handed on again when the provider
 * retries, and the workflow drops the repeat by event id.
 */
async function deliver(
  deps: AppDeps,
  provider: string,
  event: PaymentEvent,
): Promise<'delivered' | 'duplicate' | 'ignored'> {
  const { WebhookEvent, Payment, Order } = deps.db.models;
  const [row] = await WebhookEvent.findOrCreate({
    where: { provider, eventId: event.id },
    defaults: { provider, eventId: event.id, type: event.type, receivedAt: new Date() },
  });
  if (row.processedAt) return 'duplicate';
  let outcome: 'delivered' | 'ignored' = 'ignored';
  const kind = event.kind;
  if ((kind === 'authorized' || kind === 'failed' || kind === 'cancelled') && event.paymentId) {
    const payment = await Payment.findOne({ where: { provider, providerPaymentId: event.paymentId } });
    const order = payment ? await Order.findByPk(payment.orderId, { attributes: ['workflowId'] }) : null;
    if (order) {
      await signalPaymentEvent(deps, order.workflowId, {
        eventId: `${provider}:${event.id}`,
        kind,
        providerPaymentId: event.paymentId,
        decline: event.decline,
      });
      outcome = 'delivered';
    }
  }
  await row.update({ processedAt: new Date() });
  return outcome;
}

const receiptSchema = z.object({
  received: z.literal(true),
  outcome: z.enum(['delivered', 'duplicate', 'ignored']),
});

export const stripeWebhook = defineRoute({
  method: 'post',
  access: 'public',
  path: '/api/webhooks/stripe',
  summary: 'Stripe webhook: payment authorized, failed or cancelled',
  description:
    'Verified with the `Stripe-Signature` header over the raw body (400 `invalid_signature` otherwise), ' +
    'deduplicated by event id, and signalled to the order’s workflow.',
  tags: ['Webhooks'],
  request: { body: z.looseObject({ id: z.string(), type: z.string() }) },
  before: (deps) => [verifyStripeSignature(deps)],
  responses: {
    200: { description: 'Received (also for duplicates and events the shop ignores)', schema: receiptSchema },
    400: { description: 'invalid_signature' },
    404: { description: 'The shop does not use Stripe' },
  },
  handler: async ({ deps, req }) => ({
    received: true as const,
    outcome: await deliver(deps, 'stripe', verified.get(req)!),
  }),
});

export const testAuthentication = defineRoute({
  method: 'post',
  access: 'public',
  path: '/api/payments/test/:paymentId/authenticate',
  summary: 'Built-in test payments: finish (or fail) 3-D Secure, as the bank page would',
  description:
    'Only on the built-in test provider (404 with Stripe). The client secret from the pay answer proves the ' +
    'caller is the shopper. The outcome reaches the order’s workflow like a webhook. Limited to ' +
    'PAYMENT_RATE_LIMIT_PER_MINUTE per client IP (429).',
  tags: ['Webhooks'],
  before: authenticationLimit,
  request: { params: testAuthenticationParams, body: testAuthenticationBody },
  responses: {
    200: { description: 'Handed to the order', schema: receiptSchema },
    404: { description: 'Not the test provider, or no such payment' },
    409: { description: 'The payment is not waiting for authentication' },
    429: rateLimited,
  },
  handler: async ({ input, deps }) => {
    if (deps.payments.name !== 'test') throw new NotFoundError('The test payment provider is not in use.');
    const provider = deps.payments as TestPaymentProvider;
    const { paymentId } = input.params;
    const current = await provider.retrievePayment(paymentId).catch(() => null);
    if (!current || current.clientSecret !== input.body.clientSecret) {
      throw new NotFoundError('There is no such payment waiting for authentication.');
    }
    if (current.state !== 'requires_action') {
      throw new AppError(
        409,
        'not_awaiting_authentication',
        'Conflict',
        'The payment is not waiting for 3-D Secure.',
      );
    }
    const after = await provider.authenticate(paymentId, input.body.succeed);
    const event: PaymentEvent = {
      id: `3ds-${paymentId}`,
      type: 'test.authentication',
      kind: after.state === 'authorized' ? 'authorized' : 'failed',
      paymentId,
      decline: after.decline,
    };
    return { received: true as const, outcome: await deliver(deps, 'test', event) };
  },
});

export const webhookRoutes = [stripeWebhook, testAuthentication];
