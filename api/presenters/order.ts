import { z } from 'zod';
import type { Order, OrderEvent, OrderItem, Payment } from '@market/db';
import type { AppDeps } from '../deps';

/** Everything the shopper sees of an order, read from the database (never from Temporal). */
export interface OrderRecord {
  order: Order;
  items: OrderItem[];
  payment: Payment | null;
  events: OrderEvent[];
}

const amount = z.number().int().meta({ description: 'Minor units' });

export const paymentSchema = z
  .object({
    status: z.enum([
      'pending',
      'requires_action',
      'authorized',
      'captured',
      'failed',
      'cancelled',
      'refunded',
    ]),
    provider: z.string(),
    amount,
    currency: z.string(),
    clientSecret: z.string().nullable(),
    decline: z.object({ code: z.string(), message: z.string() }).nullable(),
  })
  .nullable();

export const orderSummarySchema = z.object({
  id: z.number().int(),
  number: z.string(),
  status: z.string(),
  failureReason: z.string().nullable(),
  totalAmount: amount,
  currency: z.string(),
  createdAt: z.string(),
});

export const orderSchema = orderSummarySchema.extend({
  email: z.string(),
  subtotalAmount: amount,
  shippingAmount: amount,
  taxAmount: amount,
  shippingAddress: z.record(z.string(), z.unknown()),
  items: z.array(
    z.object({
      productId: z.number().int(),
      title: z.string(),
      unitPriceAmount: amount,
      quantity: z.number().int(),
      lineTotalAmount: amount,
    }),
  ),
  payment: paymentSchema,
  timeline: z.array(
    z.object({
      type: z.string(),
      fromStatus: z.string().nullable(),
      toStatus: z.string().nullable(),
      data: z.record(z.string(), z.unknown()).nullable(),
      occurredAt: z.string(),
    }),
  ),
});

export async function loadOrderRecord(deps: AppDeps, order: Order): Promise<OrderRecord> {
  const { OrderItem, Payment, OrderEvent } = deps.db.models;
  const [items, payment, events] = await Promise.all([
    OrderItem.findAll({ where: { orderId: order.id }, order: [['id', 'ASC']] }),
    Payment.findOne({ where: { orderId: order.id }, order: [['id', 'DESC']] }),
    OrderEvent.findAll({
      where: { orderId: order.id },
      order: [
        ['occurredAt', 'ASC'],
        ['id', 'ASC'],
      ],
    }),
  ]);
  return { order, items, payment, events };
}

export function presentPayment(payment: Payment | null): z.output<typeof paymentSchema> {
  if (!payment) return null;
  return {
    status: payment.status as NonNullable<z.output<typeof paymentSchema>>['status'],
    provider: payment.provider,
    amount: Number(payment.amount),
    currency: payment.currency,
    /** Only while 3-D Secure is pending: what Stripe.js needs to finish it. */
    clientSecret: payment.status === 'requires_action' ? payment.clientSecret : null,
    decline: payment.failureCode
      ? { code: payment.failureCode, message: payment.failureMessage ?? '' }
      : null,
  };
}

export function presentOrderSummary(order: Order): z.output<typeof orderSummarySchema> {
  return {
    id: order.id,
    number: order.number,
    status: order.status,
    failureReason: order.failureReason ?? null,
    totalAmount: Number(order.totalAmount),
    currency: order.currency,
    createdAt: order.createdAt.toISOString(),
  };
}

export function presentOrder({ order, items, payment, events }: OrderRecord): z.output<typeof orderSchema> {
  return {
    ...presentOrderSummary(order),
    email: order.email,
    subtotalAmount: Number(order.subtotalAmount),
    shippingAmount: Number(order.shippingAmount),
    taxAmount: Number(order.taxAmount),
    shippingAddress: { ...order.shippingAddress },
    items: items.map((item) => ({
      productId: item.productId,
      title: item.title,
      unitPriceAmount: Number(item.unitPriceAmount),
      quantity: item.quantity,
      lineTotalAmount: Number(item.lineTotalAmount),
    })),
    payment: presentPayment(payment),
    timeline: events.map((event) => ({
      type: event.type,
      fromStatus: event.fromStatus ?? null,
      toStatus: event.toStatus ?? null,
      data: (event.data as Record<string, unknown> | null) ?? null,
      occurredAt: event.occurredAt.toISOString(),
    })),
  };
}
