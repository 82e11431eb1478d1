import { defineQuery, defineSignal, defineUpdate } from '@temporalio/workflow';
import type { PlaceOrderInput } from '@market/activities';
import type { PaymentDecline, PaymentState } from '@market/adapters/payments/port';

// The order workflow's input, state and messages. Safe to import anywhere: it only defines things.

export type { OrderLine } from '@market/activities';

/** Everything the order needs from checkout: what placeOrder writes (less the workflow id) and the hold's time. */
export interface OrderInput extends Omit<PlaceOrderInput, 'workflowId'> {
  /** How long stock is held waiting for payment (the durable timer), in seconds; then the order fails. */
  paymentTimeoutSeconds: number;
  /** After delivery the order takes refunds this long, then the run completes; 30 when absent (older runs). */
  refundWindowDays?: number;
}

/**
 * Where the order is in its process: `placing` (row written, reserving stock, creating the payment),
 * `awaiting_payment`, `capturing`, then `paid` or `failed`.
 */
export type OrderPhase =
  | 'placing'
  | 'awaiting_payment'
  | 'capturing'
  | 'paid'
  | 'failed'
  // Fulfilment (after paid):
  | 'processing'
  | 'shipped'
  | 'delivered'
  | 'cancelled'
  | 'refunded';

/** Why an order failed; `cancelled` (from Temporal Web) and `internal_error` (an activity failed for good) are rare. */
export type FailureReason =
  'out_of_stock' | 'payment_declined' | 'payment_timeout' | 'capture_failed' | 'cancelled' | 'internal_error';

export interface OrderPaymentView {
  /** Our payments row, and the provider's id for it. */
  id: number | null;
  providerPaymentId: string | null;
  state: PaymentState | null;
  /** Only while 3-D Secure is pending. */
  clientSecret: string | null;
  decline: PaymentDecline | null;
}

export interface OrderState {
  orderId: number | null;
  number: string;
  phase: OrderPhase;
  failureReason: FailureReason | null;
  /** Products that were short, when failureReason is out_of_stock. */
  shortProductIds: number[];
  payment: OrderPaymentView;
  /** ISO time when held stock goes back on sale if the order is not paid. */
  holdExpiresAt: string | null;
  /** After payment: what was taken and given back, the parcel, the invoice. */
  fulfilment?: FulfilmentView;
  /**
   * A step whose activity ran out of retries and waits for POST …/retry: `capture` (the authorization is still
   * held), or `invoice` (fulfilment goes on without it).
   */
  stuck?: 'capture' | 'invoice' | null;
}

export interface FulfilmentView {
  capturedAmount: number;
  refundedAmount: number;
  shipment: { carrier: string; trackingNumber: string; trackingUrl: string | null } | null;
  invoice: 'pending' | 'ready' | 'failed';
}

/** A parcel handed to the carrier (admin action or carrier webhook). */
export interface ShipRequest {
  carrier: string;
  trackingNumber: string;
  trackingUrl?: string | null;
}

export interface CancelRequest {
  /** `customer` or `staff:<email>`, and why: kept on the order and shown in the timeline. */
  by: string;
  reason: string;
}

export interface RefundRequest {
  /** Minor units; null: everything captured and not yet refunded. */
  amount: number | null;
  reason: string | null;
  by: string;
}

/** A payment fact from outside the pay endpoint: a provider webhook or the test provider's 3-D Secure page. */
export interface PaymentEventSignal {
  /** Deduplication key: the provider's event id. */
  eventId: string;
  kind: 'authorized' | 'failed' | 'cancelled';
  providerPaymentId: string;
  decline?: PaymentDecline | null;
}

export const orderStateQuery = defineQuery<OrderState>('state');

/** Sent by checkout (with update-with-start). Answers once stock is reserved and the payment exists, or failed. */
export const checkoutUpdate = defineUpdate<OrderState, [{ requestHash: string }]>('checkout');

/**
 * Pays with a card (a PaymentMethod id). Answers when the payment is captured, declined or needs 3-D Secure, or
 * after a short wait with the order still capturing. Repeats are harmless: a paid order is never charged again.
 */
export const payUpdate = defineUpdate<OrderState, [{ paymentMethodId: string }]>('pay');

export const paymentEventSignal = defineSignal<[PaymentEventSignal]>('paymentEvent');

// Fulfilment and support actions. Each is checked against the order's state by its validator, which refuses with an
// ApplicationFailure of type InvalidTransition (the API's 409), RefundTooLarge or InvalidRefund (422) or
// NothingToRetry (409).

/** processing → shipped. */
export const shipUpdate = defineUpdate<OrderState, [ShipRequest]>('ship');
/** shipped → delivered. */
export const deliverUpdate = defineUpdate<OrderState, []>('deliver');
/**
 * Before shipping: awaiting payment → cancelled (payment voided, stock released); processing → cancelled (full
 * refund, stock back on the shelf). Shipped, delivered, failed or cancelled orders refuse.
 */
export const cancelUpdate = defineUpdate<OrderState, [CancelRequest]>('cancel');
/** After capture, until the refund window closes: part or all of what is left; all of it → refunded. */
export const refundUpdate = defineUpdate<OrderState, [RefundRequest]>('refund');
/** Re-runs the step named in `stuck`. */
export const retryUpdate = defineUpdate<OrderState, []>('retry');

export const orderWorkflowId = (number: string): string => `order-${number}`;
