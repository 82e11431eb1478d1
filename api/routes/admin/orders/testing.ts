import { randomUUID } from 'node:crypto';
import type { Order, OrderStatus } from '@market/db';
import type { AppDeps } from '../../../deps';

let seq = 0;

/** A word no other test uses: put it in emails and numbers, then filter on it with `q`. */
export const uniqueTag = () => `t${process.pid}${Date.now().toString(36)}${++seq}`.toLowerCase();

/**
 * An order row with no workflow behind it (its workflow id names no run): enough for lists, reads, and for an
 * action to find the process gone.
 */
export function createOrderRow(
  deps: AppDeps,
  fields: Partial<{
    number: string;
    email: string;
    status: OrderStatus;
    totalAmount: number;
    userId: number | null;
    createdAt: Date;
  }> = {},
): Promise<Order> {
  const number = fields.number ?? `M-T-${randomUUID().slice(0, 18)}`;
  const totalAmount = fields.totalAmount ?? 1_000;
  return deps.db.models.Order.create({
    number,
    email: fields.email ?? `${uniqueTag()}@example.com`,
    status: fields.status ?? 'processing',
    userId: fields.userId ?? null,
    subtotalAmount: totalAmount,
    shippingAmount: 0,
    taxAmount: 0,
    totalAmount,
    currency: 'EUR',
    shippingAddress: { name: 'Ada', line1: '1 Street', city: 'Berlin', postalCode: '10115', country: 'DE' },
    workflowId: `order-${number}`,
    ...(fields.createdAt ? { createdAt: fields.createdAt } : {}),
  });
}
