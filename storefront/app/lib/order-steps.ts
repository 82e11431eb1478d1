import { formatMoney } from './format';
import { declineText, failureText } from './order-status';
import type { TimelineEntry } from './types';

export interface OrderStep {
  /** Stable per kind of step, so a step reported twice (status change + event) is shown once. */
  key: string;
  label: string;
  detail: string | null;
  at: string;
  tone: 'done' | 'problem';
  link: { href: string; label: string } | null;
}

const text = (value: unknown): string | null => (typeof value === 'string' && value ? value : null);
const amountOf = (data: TimelineEntry['data'], currency: string): string | null =>
  typeof data?.amount === 'number' ? formatMoney(data.amount, currency) : null;

function stepFor(entry: TimelineEntry, currency: string): Omit<OrderStep, 'at'> | null {
  const { data } = entry;
  const step = (
    key: string,
    label: string,
    detail: string | null = null,
    tone: OrderStep['tone'] = 'done',
  ) => ({
    key,
    label,
    detail,
    tone,
    link: null,
  });
  switch (entry.type) {
    case 'order_placed':
      return step('placed', 'Order placed');
    case 'stock_reserved':
      return step('reserved', 'Stock reserved', 'Your items are set aside for you.');
    case 'payment_requires_action':
      return step('bank-check', 'Bank check requested', '3-D Secure confirmation with your bank.');
    case 'payment_authorized':
      return step('authorized', 'Payment authorized', amountOf(data, currency));
    case 'payment_captured':
      return step('captured', 'Payment captured', amountOf(data, currency));
    case 'payment_declined':
      return step('declined', 'Payment declined', `Reason: ${declineText(text(data?.code))}.`, 'problem');
    case 'payment_refunded': {
      const amount = amountOf(data, currency);
      return step(
        `refund-${entry.occurredAt}`,
        'Refunded',
        amount ? `${amount} returned to your card.` : null,
      );
    }
    case 'shipment_shipped': {
      const carrier = text(data?.carrier);
      const tracking = text(data?.trackingNumber);
      const url = text(data?.trackingUrl);
      const detail = [carrier, tracking ? `tracking number ${tracking}` : null].filter(Boolean).join(', ');
      return {
        ...step('shipped', 'Shipped', detail || null),
        link: url ? { href: url, label: 'Track your parcel' } : null,
      };
    }
    case 'shipment_delivered':
      return step('delivered', 'Delivered');
    case 'status_changed':
      return statusStep(entry, step);
    default:
      return null;
  }
}

function statusStep(
  entry: TimelineEntry,
  step: (
    key: string,
    label: string,
    detail?: string | null,
    tone?: OrderStep['tone'],
  ) => Omit<OrderStep, 'at'>,
): Omit<OrderStep, 'at'> | null {
  const { data } = entry;
  switch (entry.toStatus) {
    case 'paid':
      return step('paid', 'Paid');
    case 'processing':
      return step('processing', 'Processing', 'We are packing your order.');
    case 'shipped':
      return step('shipped', 'Shipped');
    case 'delivered':
      return step('delivered', 'Delivered');
    case 'refunded':
      return step('refunded', 'Fully refunded');
    case 'cancelled': {
      const by = data?.by === 'customer' ? 'by you' : data?.by === 'shop' ? 'by the shop' : null;
      const reason = text(data?.reason);
      const detail = [by ? `Cancelled ${by}.` : null, reason ? `Reason: ${reason}` : null].filter(Boolean);
      return step('cancelled', 'Cancelled', detail.join(' ') || null, 'problem');
    }
    case 'failed':
      return step('failed', 'Failed', `Because ${failureText(text(data?.reason))}.`, 'problem');
    default:
      return null;
  }
}

/**
 * The order's history as the shopper reads it, oldest first: internal bookkeeping (payment created, stock
 * released) is left out, and a step the API reports twice keeps its first time and the more detailed wording.
 */
export function orderSteps(timeline: TimelineEntry[], currency: string): OrderStep[] {
  const steps: OrderStep[] = [];
  for (const entry of timeline) {
    const step = stepFor(entry, currency);
    if (!step) continue;
    const seen = steps.find((s) => s.key === step.key);
    if (!seen) {
      steps.push({ ...step, at: entry.occurredAt });
      continue;
    }
    seen.detail ??= step.detail;
    seen.link ??= step.link;
  }
  return steps;
}

/** The steps still ahead of an order in this status, shown greyed out under the timeline. */
export function upcomingSteps(status: string): string[] {
  switch (status) {
    case 'pending':
      return ['Stock reserved', 'Paid', 'Shipped', 'Delivered'];
    case 'awaiting_payment':
      return ['Paid', 'Shipped', 'Delivered'];
    case 'paid':
    case 'processing':
      return ['Shipped', 'Delivered'];
    case 'shipped':
      return ['Delivered'];
    default:
      return [];
  }
}
