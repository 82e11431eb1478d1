import { z } from 'zod';
import {
  type Invoice,
  type Order,
  type OrderEvent,
  type OrderItem,
  type Payment,
  REFUND_STATUSES,
  type Refund,
  type Shipment,
  SHIPMENT_STATUSES,
} from '@market/db';
import type { AppDeps } from '../deps';

/** Everything the shopper sees of an order, read from the database (never from Temporal). */
export interface OrderRecord {
  order: Order;
  items: OrderItem[];
  payment: Payment | null;
  events: OrderEvent[];
  /** The latest parcel, if shipped. */
  shipment: Shipment | null;
  refunds: Refund[];
  invoice: Invoice | null;
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
  cancelReason: z.string().nullable(),
  shipment: z
    .object({
      carrier: z.string(),
      trackingNumber: z.string().nullable(),
      trackingUrl: z.string().nullable(),
      status: z.enum(SHIPMENT_STATUSES),
      shippedAt: z.string().nullable(),
      deliveredAt: z.string().nullable(),
    })
    .nullable(),
  refunds: z.array(
    z.object({
      id: z.number().int(),
      amount,
      currency: z.string(),
      status: z.enum(REFUND_STATUSES),
      reason: z.string().nullable(),
      createdAt: z.string(),
    }),
  ),
  refundedAmount: amount.meta({ description: 'Sum of the succeeded refunds, minor units' }),
  invoice: z
    .object({
      number: z.string(),
      url: z.string().meta({ description: 'Where to download the PDF (this API, same credentials)' }),
    })
    .nullable()
    .meta({ description: 'Null until the invoice is generated, shortly after payment' }),
});

export async function loadOrderRecord(deps: AppDeps, order: Order): Promise<OrderRecord> {
  const { OrderItem, Payment, OrderEvent, Shipment, Refund, Invoice } = deps.db.models;
  const [items, payment, events, shipment, refunds, invoice] = await Promise.all([
    OrderItem.findAll({ where: { orderId: order.id }, order: [['id', 'ASC']] }),
    Payment.findOne({ where: { orderId: order.id }, order: [['id', 'DESC']] }),
    OrderEvent.findAll({
      where: { orderId: order.id },
      order: [
        ['occurredAt', 'ASC'],
        ['id', 'ASC'],
      ],
    }),
    Shipment.findOne({
      where: { orderId: order.id },
      order: [
        ['createdAt', 'DESC'],
        ['id', 'DESC'],
      ],
    }),
    Refund.findAll({ where: { orderId: order.id }, order: [['id', 'ASC']] }),
    Invoice.findOne({ where: { orderId: order.id } }),
  ]);
  return { order, items, payment, events, shipment, refunds, invoice };
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

/**
 * The order with its lines, payment, timeline, parcel, refunds and invoice. `invoicePath` is where this reader
 * downloads the invoice (the shopper's route by default; the admin view passes its own).
 */
export function presentOrder(
  { order, items, payment, events, shipment, refunds, invoice }: OrderRecord,
  invoicePath = `/api/orders/${order.id}/invoice`,
): z.output<typeof orderSchema> {
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
    cancelReason: order.cancelReason ?? null,
    shipment: shipment && {
      carrier: shipment.carrier,
      trackingNumber: shipment.trackingNumber ?? null,
      trackingUrl: shipment.trackingUrl ?? null,
      status: shipment.status,
      shippedAt: shipment.shippedAt?.toISOString() ?? null,
      deliveredAt: shipment.deliveredAt?.toISOString() ?? null,
    },
    refunds: refunds.map((refund) => ({
      id: refund.id,
      amount: Number(refund.amount),
      currency: refund.currency,
      status: refund.status,
      reason: refund.reason ?? null,
      createdAt: refund.createdAt.toISOString(),
    })),
    // Only money the provider confirmed; a pending refund may still fail.
    refundedAmount: refunds
      .filter((refund) => refund.status === 'succeeded')
      .reduce((sum, refund) => sum + Number(refund.amount), 0),
    // The row exists before its PDF is stored: ready once the storage key is set.
    invoice: invoice?.number && invoice.storageKey ? { number: invoice.number, url: invoicePath } : null,
  };
}
