import { createHmac, timingSafeEqual } from 'node:crypto';
import type { RequestHandler } from 'express';
import { z } from 'zod';
import type { Order, OrderStatus } from '@market/db';
import type { AppDeps } from '../../deps';
import { AppError, NotFoundError, UnauthorizedError } from '../../errors';
import { defineRoute } from '../../openapi/route';
import { type OrderAction, runOrderAction } from '../../services/order-actions';
import type { RawBodyRequest } from './handler';

/**
 * The carrier's webhook: a parcel shipped or delivered, mapped to the same workflow updates as the admin's ship and
 * deliver actions. Signed like Stripe's: `X-Carrier-Signature: t=<unix seconds>,v1=<hex HMAC-SHA256 of
 * "<t>.<raw body>">` with the shared secret (CARRIER_WEBHOOK_SECRET).
 */

export const CARRIER_SIGNATURE_HEADER = 'X-Carrier-Signature';
/** A signature older (or further in the future) than this is refused, so a captured request cannot be replayed. */
export const SIGNATURE_TOLERANCE_SECONDS = 5 * 60;

const hmac = (secret: string, timestamp: number, body: Buffer | string) =>
  createHmac('sha256', secret).update(`${timestamp}.`).update(body).digest();

/** The header value for a body: for tests, and for a carrier integration written from docs/support.md. */
export function signCarrierWebhook(
  secret: string,
  body: Buffer | string,
  timestamp = Math.floor(Date.now() / 1000),
): string {
  return `t=${timestamp},v1=${hmac(secret, timestamp, body).toString('hex')}`;
}

/** True when one of the header's v1 signatures is the body's, made within the tolerance of `now` (unix seconds). */
export function verifyCarrierSignature(
  secret: string,
  body: Buffer,
  header: string | undefined,
  now = Math.floor(Date.now() / 1000),
): boolean {
  if (!header) return false;
  const parts = header.split(',').map((part) => part.trim().split('='));
  const t = parts.find(([key]) => key === 't')?.[1];
  if (!t || !/^\d{1,12}$/.test(t)) return false;
  const timestamp = Number(t);
  if (Math.abs(now - timestamp) > SIGNATURE_TOLERANCE_SECONDS) return false;
  const expected = hmac(secret, timestamp, body);
  // Several v1 values are allowed so a carrier can sign with an old and a new secret while rotating.
  return parts
    .filter(([key, value]) => key === 'v1' && value && /^[0-9a-f]+$/i.test(value))
    .map(([, value]) => Buffer.from(value!, 'hex'))
    .some((given) => given.length === expected.length && timingSafeEqual(given, expected));
}

/** Before anything reads the body: no secret means no carrier integration (404); a bad signature writes nothing. */
const verifySignature =
  (deps: AppDeps): RequestHandler =>
  (req, _res, next) => {
    const secret = deps.config.fulfilment.carrierWebhookSecret;
    if (!secret) return next(new NotFoundError('No carrier webhook is configured.'));
    const raw = (req as unknown as RawBodyRequest).rawBody ?? Buffer.alloc(0);
    if (!verifyCarrierSignature(secret, raw, req.get(CARRIER_SIGNATURE_HEADER))) {
      return next(
        new UnauthorizedError(
          `The ${CARRIER_SIGNATURE_HEADER} header is missing, wrong or too old.`,
          'invalid_signature',
        ),
      );
    }
    next();
  };

export const shippingEventBody = z
  .object({
    id: z.string().regex(/^[A-Za-z0-9_.:-]{1,128}$/, 'The carrier’s event id: letters, digits, _.:-'),
    type: z.enum(['shipped', 'delivered']),
    orderNumber: z.string().min(1).max(32),
    carrier: z.string().trim().min(1).max(64),
    trackingNumber: z.string().regex(/^[A-Za-z0-9-]{1,128}$/, 'Letters, digits and dashes, at most 128'),
    trackingUrl: z
      .url({ protocol: /^https$/, hostname: z.regexes.domain })
      .max(512)
      .optional(),
    occurredAt: z.iso.datetime({ offset: true }),
  })
  .strict();

type ShippingEvent = z.output<typeof shippingEventBody>;
type Outcome = 'delivered' | 'duplicate' | 'ignored';

/** Statuses from which the event can no longer apply: acknowledged as ignored, so the carrier stops sending it. */
const PAST: Record<ShippingEvent['type'], OrderStatus[]> = {
  shipped: ['shipped', 'delivered', 'cancelled', 'refunded', 'failed'],
  delivered: ['delivered', 'cancelled', 'refunded', 'failed'],
};

/**
 * A refusal is ignored only when the order is past the event (or its process is over). An order not there yet (just
 * paid, the workflow still moving it to processing) is a 409 left unprocessed, so the carrier's retry applies it.
 */
async function isPast(err: unknown, order: Order, event: ShippingEvent): Promise<boolean> {
  if (!(err instanceof AppError)) return false;
  if (err.code === 'order_closed') return true;
  if (err.code !== 'invalid_transition') return false;
  await order.reload();
  return PAST[event.type].includes(order.status);
}

async function apply(deps: AppDeps, order: Order, event: ShippingEvent): Promise<Outcome> {
  const ship: OrderAction = {
    kind: 'ship',
    request: {
      carrier: event.carrier,
      trackingNumber: event.trackingNumber,
      trackingUrl: event.trackingUrl ?? null,
    },
  };
  try {
    // A delivery for an order never marked shipped (the shipped event was lost or is late): it evidently shipped.
    if (event.type === 'delivered' && order.status === 'processing') {
      await runOrderAction(deps, order.workflowId, ship, `carrier-${event.id}-ship`);
    }
    const action: OrderAction = event.type === 'shipped' ? ship : { kind: 'deliver' };
    await runOrderAction(deps, order.workflowId, action, `carrier-${event.id}`);
    return 'delivered';
  } catch (err) {
    if (await isPast(err, order, event)) return 'ignored';
    throw err;
  }
}

/**
 * Once per event id, like the payment webhooks: the event row first, processed_at only after the workflow answered,
 * so an event that failed half-way (no worker: 503) is applied when the carrier sends it again.
 */
async function receive(deps: AppDeps, event: ShippingEvent): Promise<Outcome> {
  const { WebhookEvent, Order } = deps.db.models;
  const [row] = await WebhookEvent.findOrCreate({
    where: { provider: 'carrier', eventId: event.id },
    defaults: { provider: 'carrier', eventId: event.id, type: event.type, receivedAt: new Date() },
  });
  if (row.processedAt) return 'duplicate';
  const order = await Order.findOne({ where: { number: event.orderNumber } });
  const outcome = order ? await apply(deps, order, event) : 'ignored';
  await row.update({ processedAt: new Date() });
  return outcome;
}

export const shippingWebhook = defineRoute({
  method: 'post',
  access: 'public',
  path: '/api/webhooks/shipping',
  summary: 'Carrier webhook: a parcel shipped or delivered',
  description:
    `Signed with \`${CARRIER_SIGNATURE_HEADER}: t=<unix seconds>,v1=<hex HMAC-SHA256 of "<t>.<raw body>">\` ` +
    `and the shared secret; older than ${SIGNATURE_TOLERANCE_SECONDS / 60} minutes is refused. Deduplicated by ` +
    'event id. Events for unknown orders, or for orders already past that state, are acknowledged as `ignored`; ' +
    'an order not ready for the event yet (not paid) is a 409 and the event is taken again when resent.',
  tags: ['Webhooks'],
  request: { body: shippingEventBody },
  before: (deps) => [verifySignature(deps)],
  responses: {
    200: {
      description: 'Received (also for duplicates and ignored events)',
      schema: z.object({
        received: z.literal(true),
        outcome: z.enum(['delivered', 'duplicate', 'ignored']),
      }),
    },
    401: { description: 'invalid_signature: missing, wrong or too old' },
    409: {
      description: 'invalid_transition: the order is not ready for this event yet; send it again later',
    },
    404: { description: 'No carrier webhook secret is configured' },
    422: { description: 'A signed body that is not a shipping event' },
    503: { description: 'order_processing: the order did not answer in time; send the event again' },
  },
  handler: async ({ input, deps }) => ({ received: true as const, outcome: await receive(deps, input.body) }),
});

export const shippingWebhookRoutes = [shippingWebhook];
