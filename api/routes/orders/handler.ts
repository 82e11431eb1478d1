import { createHash } from 'node:crypto';
import type { AppDeps } from '../../deps';
import { AppError, ConflictError } from '../../errors';
import { rateLimited } from '../../openapi/document';
import { defineRoute } from '../../openapi/route';
import { loadOrderRecord, orderSchema, presentOrder, presentOrderSummary } from '../../presenters/order';
import { payOrder } from '../../services/order-workflows';
import { payLimit } from '../checkout/limits';
import { findOwnOrder, orderOwnerWhere } from './access';
import { listOrdersQuery, orderIdParams, orderListSchema, payBody, payResultSchema } from './schema';

const tags = ['Orders'];

export const listOrders = defineRoute({
  method: 'get',
  access: 'guest-or-user',
  path: '/api/orders',
  summary: 'My orders, newest first',
  description: 'Signed-in customers see their orders; guests see the orders placed with their `Cart-Token`.',
  tags,
  request: { query: listOrdersQuery },
  responses: {
    200: { description: 'One page of orders', schema: orderListSchema },
    401: { description: 'A bearer token was sent but is not valid' },
    422: { description: 'A page parameter out of range' },
  },
  handler: async ({ input, deps, actor, req }) => {
    const { page, pageSize } = input.query;
    const where = orderOwnerWhere(req, actor);
    if (!where) return { items: [], total: 0, page, pageSize };
    const { rows, count } = await deps.db.models.Order.findAndCountAll({
      where,
      order: [
        ['createdAt', 'DESC'],
        ['id', 'DESC'],
      ],
      offset: (page - 1) * pageSize,
      limit: pageSize,
    });
    return { items: rows.map(presentOrderSummary), total: count, page, pageSize };
  },
});

export const getOrder = defineRoute({
  method: 'get',
  access: 'guest-or-user',
  path: '/api/orders/:id',
  summary: 'One of my orders: lines, totals, status, payment and timeline',
  tags,
  request: { params: orderIdParams },
  responses: {
    200: { description: 'The order', schema: orderSchema },
    401: { description: 'A bearer token was sent but is not valid' },
    404: { description: 'No such order among the caller’s' },
  },
  handler: async ({ input, deps, actor, req }) =>
    presentOrder(await loadOrderRecord(deps, await findOwnOrder(deps, req, actor, input.params.id))),
});

async function payResult(deps: AppDeps, orderId: number) {
  const order = await deps.db.models.Order.findByPk(orderId);
  const presented = presentOrder(await loadOrderRecord(deps, order!));
  const payment = presented.payment;
  const nextAction =
    payment?.status === 'requires_action' && payment.provider === 'test' && payment.clientSecret
      ? {
          type: 'test_authentication' as const,
          url: `/api/payments/test/${payment.clientSecret.split('_secret_')[0]}/authenticate`,
        }
      : null;
  return { order: presented, payment, nextAction };
}

export const payForOrder = defineRoute({
  method: 'post',
  access: 'guest-or-user',
  path: '/api/orders/:id/pay',
  summary: 'Pay an order with a card (a PaymentMethod id)',
  description:
    'The order workflow confirms the payment (authorize only), then captures it. Answers with the order paid, ' +
    'with `payment.status` `requires_action` and a `clientSecret` for 3-D Secure, or 402 when the card is ' +
    'declined (the order then fails and its stock goes back on sale). Repeating the call never charges twice; ' +
    'an optional Idempotency-Key header makes a repeat return the first answer. Limited to ' +
    'PAYMENT_RATE_LIMIT_PER_MINUTE per client IP and a quarter of it per order (429).',
  tags,
  idempotencyKey: 'optional',
  before: payLimit,
  request: { params: orderIdParams, body: payBody },
  responses: {
    200: { description: 'Paid, still capturing, or waiting for 3-D Secure', schema: payResultSchema },
    402: { description: 'payment_declined: the card was declined; `declineCode` says why' },
    404: { description: 'No such order among the caller’s' },
    409: { description: 'order_not_payable: the order failed or is not ready for payment' },
    422: { description: 'Not a PaymentMethod id' },
    429: rateLimited,
  },
  handler: async ({ input, deps, actor, req }) => {
    const order = await findOwnOrder(deps, req, actor, input.params.id);
    if (order.status === 'failed') {
      throw new ConflictError(`The order failed (${order.failureReason}).`, 'order_not_payable');
    }
    const { paymentMethodId } = input.body;
    const key = req.get('idempotency-key') ?? paymentMethodId;
    const updateId = `pay-${createHash('sha256').update(key).digest('hex').slice(0, 32)}`;
    const state = await payOrder(deps, order.workflowId, paymentMethodId, updateId);
    const result = await payResult(deps, order.id);
    if (result.order.status === 'failed') {
      if (state?.failureReason === 'payment_declined' || result.order.failureReason === 'payment_declined') {
        throw new AppError(402, 'payment_declined', 'Payment declined', 'The card was declined.', {
          declineCode: result.payment?.decline?.code ?? null,
          orderId: order.id,
        });
      }
      throw new ConflictError(`The order failed (${result.order.failureReason}).`, 'order_not_payable');
    }
    return result;
  },
});

export const orderRoutes = [listOrders, getOrder, payForOrder];
