import type { Order, OrderEvent } from '@market/db';

// What of an order's record a shopper may see: the privacy rules of the shopper's view (api/presenters/order.ts).

/** A timeline entry's data as stored. */
export const timelineDataOf = (event: OrderEvent) => (event.data as Record<string, unknown> | null) ?? null;

/** Who acted, as the shopper may know it: themselves or the shop (`staff:<email>` stays with the staff). */
export const actorOf = (by: unknown): 'customer' | 'shop' => (by === 'customer' ? 'customer' : 'shop');

/**
 * The fields of each timeline entry's data a shopper may see (activities/*.ts write them). Anything not listed,
 * and every field of a type not listed, is dropped: a new field is private until it is added here.
 */
const SHOPPER_TIMELINE_FIELDS = new Map<string, readonly string[]>([
  ['order_placed', ['totalAmount', 'currency', 'lines']],
  ['stock_reserved', ['expiresAt']],
  ['stock_released', ['units']],
  ['stock_restocked', ['units']],
  ['payment_created', ['amount']],
  ['payment_requires_action', ['amount']],
  ['payment_authorized', ['amount']],
  ['payment_captured', ['amount']],
  ['payment_cancelled', ['amount']],
  ['payment_declined', ['code', 'message']],
  ['shipment_shipped', ['carrier', 'trackingNumber', 'trackingUrl']],
  ['payment_refunded', ['amount']],
]);

/** Support's business, not the shopper's: a refund the provider refused, a void it refused. */
export const STAFF_ONLY_EVENTS = new Set(['refund_failed', 'payment_cancel_refused']);

export function shopperTimelineData(event: OrderEvent): Record<string, unknown> | null {
  const data = timelineDataOf(event);
  if (!data) return null;
  const cancelled = event.type === 'status_changed' && event.toStatus === 'cancelled';
  const failed = event.type === 'status_changed' && event.toStatus === 'failed';
  // A failure's reason is a code (payment_declined, out_of_stock), also on the order as failureReason.
  const fields = failed ? ['reason'] : (SHOPPER_TIMELINE_FIELDS.get(event.type) ?? []);
  const shown: Record<string, unknown> = {};
  for (const field of fields) if (Object.hasOwn(data, field)) shown[field] = data[field];
  if ((cancelled || event.type === 'payment_refunded') && Object.hasOwn(data, 'by')) {
    shown.by = actorOf(data.by);
    // Their own words only; staff reasons are notes for the staff.
    if (cancelled && shown.by === 'customer' && typeof data.reason === 'string') shown.reason = data.reason;
  }
  return Object.keys(shown).length > 0 ? shown : null;
}

/** The order's `<by>: <reason>` column (activities/fulfilment.ts cancelOrder) split back into its parts. */
export function cancellationOf(order: Order): { by: 'customer' | 'shop'; reason: string } | null {
  if (!order.cancelReason) return null;
  const at = order.cancelReason.indexOf(': ');
  if (at < 0) return { by: 'shop', reason: order.cancelReason };
  return { by: actorOf(order.cancelReason.slice(0, at)), reason: order.cancelReason.slice(at + 2) };
}
