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
import { cancellationOf, shopperTimelineData, STAFF_ONLY_EVENTS, timelineDataOf } from './order-privacy';
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

const timelineEntry = (data: string) =>
  z.object({
    type: z.string(),
    fromStatus: z.string().nullable(),
    toStatus: z.string().nullable(),
    data: z.record(z.string(), z.unknown()).nullable().meta({ description: data }),
    occurredAt: z.string(),
  });

const refund = z.object({
  id: z.number().int(),
  amount,
  currency: z.string(),
  status: z.enum(REFUND_STATUSES),
  reason: z.string().nullable(),
  createdAt: z.string(),
});

/** What every reader of an order sees; the shopper's and the staff's views add the parts that differ. */
const orderBaseSchema = orderSummarySchema.extend({
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
  refundedAmount: amount.meta({ description: 'Sum of the succeeded refunds, minor units' }),
  invoice: z
    .object({
      number: z.string(),
      url: z.string().meta({ description: 'Where to download the PDF (this API, same credentials)' }),
    })
    .nullable()
    .meta({ description: 'Null until the invoice is generated, shortly after payment' }),
});

/** The shopper's view: who acted is only `customer` or `shop`, and no staff notes. */
export const orderSchema = orderBaseSchema.extend({
  timeline: z.array(
    timelineEntry(
      'Only facts meant for the shopper (amounts, currency, parcel tracking, hold expiry, decline code); ' +
        '`by` is `customer` or `shop`',
    ),
  ),
  cancelledBy: z
    .enum(['customer', 'shop'])
    .nullable()
    .meta({ description: 'Who cancelled the order; null unless cancelled' }),
  cancelReason: z
    .string()
    .nullable()
    .meta({ description: 'The shopper’s own reason when they cancelled; null when the shop did' }),
  refunds: z.array(refund.omit({ reason: true }).extend({ status: z.enum(['pending', 'succeeded']) })),
});

/** The staff's view: everything recorded, including who on the staff acted and why. */
export const staffOrderSchema = orderBaseSchema.extend({
  timeline: z.array(timelineEntry('As recorded, `by` included (`customer` or `staff:<email>`)')),
  cancelReason: z.string().nullable().meta({ description: '`<by>: <reason>` as recorded' }),
  refunds: z.array(refund),
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

type OrderBase = z.output<typeof orderBaseSchema>;

function presentOrderBase(
  { order, items, payment, shipment, refunds, invoice }: OrderRecord,
  invoicePath: string,
): OrderBase {
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
    shipment: shipment && {
      carrier: shipment.carrier,
      trackingNumber: shipment.trackingNumber ?? null,
      trackingUrl: shipment.trackingUrl ?? null,
      status: shipment.status,
      shippedAt: shipment.shippedAt?.toISOString() ?? null,
      deliveredAt: shipment.deliveredAt?.toISOString() ?? null,
    },
    // Only money the provider confirmed; a pending refund may still fail.
    refundedAmount: refunds
      .filter((refund) => refund.status === 'succeeded')
      .reduce((sum, refund) => sum + Number(refund.amount), 0),
    // The row exists before its PDF is stored: ready once the storage key is set.
    invoice: invoice?.number && invoice.storageKey ? { number: invoice.number, url: invoicePath } : null,
  };
}

/** Everything recorded, for support: staff emails, their reasons, failed refunds. */
export function presentStaffOrder(
  record: OrderRecord,
  invoicePath: string,
): z.output<typeof staffOrderSchema> {
  return {
    ...presentOrderBase(record, invoicePath),
    timeline: record.events.map((event) => ({
      type: event.type,
      fromStatus: event.fromStatus ?? null,
      toStatus: event.toStatus ?? null,
      data: timelineDataOf(event),
      occurredAt: event.occurredAt.toISOString(),
    })),
    cancelReason: record.order.cancelReason ?? null,
    refunds: record.refunds.map((refund) => ({
      id: refund.id,
      amount: Number(refund.amount),
      currency: refund.currency,
      status: refund.status,
      reason: refund.reason ?? null,
      createdAt: refund.createdAt.toISOString(),
    })),
  };
}

/**
 * The shopper's view of their order: lines, payment, timeline, parcel, refunds and invoice. Staff appear only as
 * `shop`: no staff email, no staff reason, no failed refund (nor its timeline entry).
 */
export function presentOrder(record: OrderRecord): z.output<typeof orderSchema> {
  const { order, events, refunds } = record;
  const cancellation = cancellationOf(order);
  return {
    ...presentOrderBase(record, `/api/orders/${order.id}/invoice`),
    timeline: events
      .filter((event) => !STAFF_ONLY_EVENTS.has(event.type))
      .map((event) => ({
        type: event.type,
        fromStatus: event.fromStatus ?? null,
        toStatus: event.toStatus ?? null,
        data: shopperTimelineData(event),
        occurredAt: event.occurredAt.toISOString(),
      })),
    cancelledBy: cancellation?.by ?? null,
    cancelReason: cancellation?.by === 'customer' ? cancellation.reason : null,
    // A failed refund moved no money: nothing the shopper needs to see.
    refunds: refunds
      .filter((refund) => refund.status !== 'failed')
      .map((refund) => ({
        id: refund.id,
        amount: Number(refund.amount),
        currency: refund.currency,
        status: refund.status as 'pending' | 'succeeded',
        createdAt: refund.createdAt.toISOString(),
      })),
  };
}
