// Plain words for an order's status, its failure and a card decline, and how often a page showing it re-reads it.
export const STATUS_LABELS: Record<string, string> = {
  pending: 'Being placed',
  awaiting_payment: 'Awaiting payment',
  paid: 'Paid',
  processing: 'Processing',
  shipped: 'Shipped',
  delivered: 'Delivered',
  failed: 'Failed',
  cancelled: 'Cancelled',
  refunded: 'Refunded',
};

export function statusLabel(status: string): string {
  return STATUS_LABELS[status] ?? status.replace(/_/g, ' ');
}

const FAILURES: Record<string, string> = {
  out_of_stock: 'some items sold out before we could reserve them',
  payment_declined: 'the payment was declined',
  payment_timeout: 'the order was not paid in time',
  capture_failed: 'the payment could not be collected',
};

export function failureText(reason: string | null | undefined): string {
  return (reason && FAILURES[reason]) ?? 'the order could not be completed';
}

const DECLINES: Record<string, string> = {
  card_declined: 'the bank refused the payment',
  insufficient_funds: 'insufficient funds',
  expired_card: 'the card has expired',
  incorrect_cvc: 'the security code was wrong',
  authentication_failed: 'the 3-D Secure bank check failed',
  invalid_payment_method: 'the card could not be used',
};

export function declineText(code: string | null | undefined): string {
  return (code && DECLINES[code]) ?? 'the card was declined';
}

/** States in which the shop itself moves the order on (payment, capture, packing) without the shopper. */
const LIVE = new Set(['pending', 'awaiting_payment', 'paid', 'processing']);

export function isLive(status: string): boolean {
  return LIVE.has(status);
}

export const FAST_POLL_MS = 2_000;
export const SLOW_POLL_MS = 15_000;
const FAST_FOR_MS = 60_000;

/**
 * How long to wait before reading the order again: quickly right after a change the shopper is waiting for, then
 * gently (packing can take days), and not at all once nothing more happens on its own.
 */
export function pollDelay(status: string, watchedForMs: number): number | null {
  if (!isLive(status)) return null;
  return watchedForMs < FAST_FOR_MS ? FAST_POLL_MS : SLOW_POLL_MS;
}

export function canCancel(status: string): boolean {
  return status === 'awaiting_payment' || status === 'paid' || status === 'processing';
}

/**
 * Why the card was refused: the payment's decline, else the decline step's code; a failed bank check (3-D Secure)
 * leaves neither, so it is recognised by the bank check that preceded the failure.
 */
export function declineCodeOf(order: {
  failureReason: string | null;
  payment: { decline: { code: string } | null } | null;
  timeline: { type: string; data: Record<string, unknown> | null }[];
}): string | null {
  if (order.failureReason !== 'payment_declined') return null;
  const step = order.timeline.findLast((entry) => entry.type === 'payment_declined');
  const code = order.payment?.decline?.code ?? step?.data?.code;
  if (typeof code === 'string' && code) return code;
  return order.timeline.some((entry) => entry.type === 'payment_requires_action')
    ? 'authentication_failed'
    : 'card_declined';
}
