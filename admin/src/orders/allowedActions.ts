import type { AdminOrder, OrderStatus } from '../data/types';

export type OrderActionName = 'ship' | 'deliver' | 'cancel' | 'refund' | 'retry';

/** What is left to refund: captured and not yet refunded (only succeeded refunds count, as in the API). */
export function refundableAmount(order: Pick<AdminOrder, 'payment' | 'refundedAmount'>): number {
  const payment = order.payment;
  if (!payment || (payment.status !== 'captured' && payment.status !== 'refunded')) return 0;
  return Math.max(0, payment.amount - order.refundedAmount);
}

const SHIPPABLE: OrderStatus[] = ['paid', 'processing'];
const CANCELLABLE: OrderStatus[] = ['awaiting_payment', 'paid', 'processing'];
const REFUNDABLE: OrderStatus[] = ['paid', 'processing', 'shipped', 'delivered'];

/**
 * The actions worth offering for an order as it is, mirroring the workflow's validators
 * (workflows/order-fulfilment.ts): ship while paid or processing, deliver once shipped, cancel before shipping
 * (or while a stuck capture waits), refund while something captured is left, retry when a step is stuck. The
 * workflow checks again and answers 409 to anything it refuses; this only hides buttons that cannot work.
 */
export function allowedActions(
  order: Pick<AdminOrder, 'status' | 'payment' | 'refundedAmount' | 'process'>,
): OrderActionName[] {
  const stuck = order.process?.stuck ?? null;
  const actions: OrderActionName[] = [];
  if (SHIPPABLE.includes(order.status)) actions.push('ship');
  if (order.status === 'shipped') actions.push('deliver');
  if (CANCELLABLE.includes(order.status) || stuck === 'capture') actions.push('cancel');
  if (REFUNDABLE.includes(order.status) && refundableAmount(order) > 0) actions.push('refund');
  if (stuck) actions.push('retry');
  return actions;
}
