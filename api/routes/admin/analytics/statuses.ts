import type { OrderStatus } from '@market/db';

/**
 * Which orders each figure counts, by `orders.status` (the workflow is its only writer; see docs/orders.md).
 * docs/analytics.md explains each choice.
 */

/**
 * Orders whose money was taken: paid and every later step, including `refunded` (paid, then given back in full:
 * its refunds are subtracted, so it nets to zero). Not `pending`/`awaiting_payment` (nothing captured yet),
 * `failed` (never captured, or voided) or `cancelled` (before payment nothing was taken; after it, the cancel
 * refunded everything that was left).
 */
export const REVENUE_STATUSES = [
  'paid',
  'processing',
  'shipped',
  'delivered',
  'refunded',
] as const satisfies readonly OrderStatus[];

/**
 * Orders whose goods count as sold, for products and categories: the revenue statuses without `refunded`. Refunds
 * are order-level money with no line, so a partial refund cannot be taken off a product; an order refunded in full
 * is left out altogether.
 */
export const SOLD_STATUSES = [
  'paid',
  'processing',
  'shipped',
  'delivered',
] as const satisfies readonly OrderStatus[];

/** Orders still waiting for a next step (the shopper, the workflow, the warehouse or the carrier). */
export const OPEN_STATUSES = [
  'pending',
  'awaiting_payment',
  'paid',
  'processing',
  'shipped',
] as const satisfies readonly OrderStatus[];
export type OpenStatus = (typeof OPEN_STATUSES)[number];
