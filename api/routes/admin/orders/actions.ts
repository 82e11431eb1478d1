import { createHash } from 'node:crypto';
import type { Request } from 'express';
import type { z } from 'zod';
import type { AppDeps } from '../../../deps';
import { BadRequestError, idempotencyKeyReused } from '../../../errors';
import { defineRoute, type Route, type RouteSpec } from '../../../openapi/route';
import type { Actor } from '../../../policies';
import { type OrderAction, runOrderAction } from '../../../services/order-actions';
import { IDEMPOTENCY_KEY } from '../../checkout/schema';
import { idParams } from '../simple-rest';
import { findOrder, presentAdminOrder } from './present';
import { adminOrderSchema, cancelBody, emptyBody, refundBody, shipBody } from './schema';

/**
 * Support's actions on an order. Each is an update to the order's workflow, which checks it against the order's
 * state; the answer is the order as the database has it afterwards (the workflow writes every step there before it
 * answers), so the admin shows exactly what a reload would.
 */

const tags = ['Admin: orders'];

const refusals = {
  200: { description: 'Done: the order as it is now', schema: adminOrderSchema },
  401: { description: 'Not signed in' },
  403: { description: 'Not staff' },
  404: { description: 'No such order' },
  409: {
    description:
      'invalid_transition: the order’s state does not allow this; order_closed: its process has finished; ' +
      'nothing_to_retry (retry only); refund_refused: the payment provider refused the refund (refund, cancel)',
  },
  422: {
    description:
      'An invalid body; refund_too_large, or idempotency_key_reused: the key came before with another body (refund only)',
  },
  503: {
    description:
      'order_processing: no answer from the order’s process in time; read the order again. ' +
      'payments_unavailable: the worker has no payment provider',
  },
};

type Body = z.ZodType<Record<string, unknown>>;

/** One action route: find the order, ask its workflow, answer with the order re-read. */
function actionRoute<B extends Body>(spec: {
  verb: string;
  summary: string;
  description: string;
  body: B;
  toAction: (body: z.output<B>, actor: Actor) => OrderAction;
  updateId?: (req: Request) => string | undefined;
  /** The order already is where the action leads: answered as it is, without asking its (perhaps finished) run. */
  done?: (status: string) => boolean;
}): Route {
  const route: RouteSpec<typeof idParams, z.ZodObject<Record<string, never>>, B, 'orders.manage'> = {
    method: 'post',
    access: 'orders.manage',
    path: `/api/admin/orders/:id/${spec.verb}`,
    summary: spec.summary,
    description: spec.description,
    tags,
    request: { params: idParams, body: spec.body },
    status: 200,
    ...(spec.updateId ? { idempotencyKey: 'optional' as const } : {}),
    responses: refusals,
    handler: async ({ input, deps, actor, req }) => {
      const order = await findOrder(deps, input.params.id);
      if (spec.done?.(order.status)) return presentAdminOrder(deps, order);
      const updateId = spec.updateId?.(req);
      if (updateId) await bindKeyToBody(deps, order.id, updateId, input.body);
      await runOrderAction(deps, order.workflowId, spec.toAction(input.body, actor), updateId);
      return presentAdminOrder(deps, await order.reload());
    },
  };
  return defineRoute(route);
}

const staff = (actor: Actor) => `staff:${actor.email}`;

const DAY_SECONDS = 86_400;

/**
 * An Idempotency-Key stands for one request: the body it first came with is kept for a day (in the cache, beside
 * the order), and the same key with another body is a 422 `idempotency_key_reused`, as at checkout — Temporal
 * would otherwise answer the first update's result to a different refund, silently. Two requests racing with the
 * same key and different bodies within milliseconds can both pass; the workflow still runs the update once.
 */
async function bindKeyToBody(deps: AppDeps, orderId: number, updateId: string, body: unknown): Promise<void> {
  const key = `idempotency:order-action:${orderId}:${updateId}`;
  const fingerprint = createHash('sha256').update(JSON.stringify(body)).digest('hex');
  const seen = await deps.cache.get(key);
  if (seen === null) return deps.cache.set(key, fingerprint, DAY_SECONDS);
  if (seen !== fingerprint) {
    throw idempotencyKeyReused(
      'This Idempotency-Key was already used for a different request on this order.',
    );
  }
}

/** The Idempotency-Key as the refund update's id: within the order's run, a repeat gets the first answer. */
function refundUpdateId(req: Request): string | undefined {
  const key = req.get('idempotency-key');
  if (key === undefined) return undefined;
  if (!IDEMPOTENCY_KEY.test(key)) {
    throw new BadRequestError(
      'The Idempotency-Key must be 8–128 letters, digits or -_.: characters.',
      'idempotency_key_invalid',
    );
  }
  return `refund-${createHash('sha256').update(key).digest('hex').slice(0, 32)}`;
}

export const shipOrder = actionRoute({
  verb: 'ship',
  summary: 'Mark the order shipped: carrier and tracking number (processing → shipped)',
  description: 'The workflow records the parcel and emails the shopper a tracking link.',
  body: shipBody,
  toAction: (body) => ({
    kind: 'ship',
    request: {
      carrier: body.carrier,
      trackingNumber: body.trackingNumber,
      trackingUrl: body.trackingUrl ?? null,
    },
  }),
});

export const deliverOrder = actionRoute({
  verb: 'deliver',
  summary: 'Mark the order delivered (shipped → delivered)',
  description: 'For carriers that send no webhook. The workflow emails the shopper.',
  body: emptyBody,
  toAction: () => ({ kind: 'deliver' }),
  done: (status) => status === 'delivered',
});

export const cancelAdminOrder = actionRoute({
  verb: 'cancel',
  summary: 'Cancel the order before it ships',
  description:
    'Awaiting payment: the payment is voided; paid or processing: everything captured is refunded. The stock ' +
    'goes back on the shelf and the shopper is emailed. A shipped or delivered order is a 409; a cancelled one ' +
    'answers as it is.',
  body: cancelBody,
  toAction: (body, actor) => ({ kind: 'cancel', request: { by: staff(actor), reason: body.reason } }),
  done: (status) => status === 'cancelled',
});

export const refundAdminOrder = actionRoute({
  verb: 'refund',
  summary: 'Refund part or all of what was captured',
  description:
    '`amount` in minor units, or `full: true` for everything captured and not yet refunded (one of the two; an ' +
    'empty body is a 422). More than is left is a 422 refund_too_large. Send an Idempotency-Key header to make a ' +
    'repeated request return the first answer instead of refunding again; the same key with another body is a ' +
    '422 idempotency_key_reused.',
  body: refundBody,
  toAction: (body, actor) => ({
    kind: 'refund',
    request: {
      amount: body.full ? null : (body.amount ?? null),
      reason: body.reason ?? null,
      by: staff(actor),
    },
  }),
  updateId: refundUpdateId,
});

export const retryOrderStep = actionRoute({
  verb: 'retry',
  summary: 'Run again the step that failed after its retries ran out (capture or invoice)',
  description:
    'The step is named in the workflow state (`fulfilment.stuck`); with none, a 409 nothing_to_retry.',
  body: emptyBody,
  toAction: () => ({ kind: 'retry' }),
});

export const orderActionRoutes = [
  shipOrder,
  deliverOrder,
  cancelAdminOrder,
  refundAdminOrder,
  retryOrderStep,
];
