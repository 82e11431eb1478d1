import { z } from 'zod';
import { defineRoute } from '../../openapi/route';
import { loadOrderRecord, orderSchema, presentOrder } from '../../presenters/order';
import { runOrderAction } from '../../services/order-actions';
import { findOwnOrder } from './access';
import { orderIdParams } from './schema';

export const shopperCancelBody = z.object({ reason: z.string().trim().min(1).max(255).optional() }).strict();

/**
 * The shopper's own cancel, allowed until the parcel ships. The order's workflow decides (a shipped order refuses
 * with a 409) and does the rest: void or refund, stock back on the shelf, an email.
 */
export const cancelOwnOrder = defineRoute({
  method: 'post',
  access: 'guest-or-user',
  path: '/api/orders/:id/cancel',
  summary: 'Cancel one of my orders before it ships',
  description:
    'Before payment the payment is voided; after it, everything captured is refunded. The stock goes back on ' +
    'sale and a confirmation email is sent. Shipped, delivered or failed orders answer 409; a cancelled one ' +
    'answers as it is, so a repeat is harmless.',
  tags: ['Orders'],
  request: { params: orderIdParams, body: shopperCancelBody },
  status: 200,
  responses: {
    200: { description: 'Cancelled: the order as it is now', schema: orderSchema },
    401: { description: 'A bearer token was sent but is not valid' },
    404: { description: 'No such order among the caller’s' },
    409: {
      description:
        'invalid_transition: too late to cancel; order_closed: the order’s process has finished; ' +
        'refund_refused: the payment provider refused the refund',
    },
    422: { description: 'A reason longer than 255 characters, or unknown fields' },
    503: { description: 'order_processing: no answer in time; read the order again' },
  },
  handler: async ({ input, deps, actor, req }) => {
    const order = await findOwnOrder(deps, req, actor, input.params.id);
    // Already cancelled: a repeat (a double click, a retried request) answers as it is.
    if (order.status === 'cancelled') return presentOrder(await loadOrderRecord(deps, order));
    await runOrderAction(deps, order.workflowId, {
      kind: 'cancel',
      request: { by: 'customer', reason: input.body.reason ?? 'Cancelled by the customer' },
    });
    return presentOrder(await loadOrderRecord(deps, await order.reload()));
  },
});

export const shopperCancelRoutes = [cancelOwnOrder];
