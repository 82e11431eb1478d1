import type Stripe from 'stripe';
import type { PaymentDecline, PaymentEvent, PaymentState, ProviderPayment } from './port';

/**
 * Stripe's PaymentIntent objects and events in the port's words. Pure functions (type-only SDK import), so the
 * mapping is unit-tested with fixture objects and reused by the test provider, which stores Stripe's statuses.
 */

/** Stripe's PaymentIntent status → the port's state. */
export function paymentStateOf(status: Stripe.PaymentIntent.Status | string): PaymentState {
  switch (status) {
    case 'requires_capture':
      return 'authorized';
    case 'succeeded':
      return 'captured';
    case 'canceled':
      return 'cancelled';
    case 'processing':
      return 'processing';
    case 'requires_action':
      return 'requires_action';
    case 'requires_payment_method':
    case 'requires_confirmation':
      return 'requires_payment_method';
    default:
      // A status Stripe adds later: treat it as undecided rather than guess a money-moving state.
      return 'processing';
  }
}

/** The shape shared by Stripe's `last_payment_error` and the error thrown by the SDK. */
export interface StripeErrorLike {
  code?: string | null;
  decline_code?: string | null;
  message?: string | null;
}

/** A decline from Stripe's error fields; null when there is no code (e.g. stripe-mock's bare fixtures). */
export function declineOf(error: StripeErrorLike | null | undefined): PaymentDecline | null {
  if (!error) return null;
  const code = error.decline_code ?? error.code;
  if (!code) return null;
  return { code, message: error.message ?? 'The card was declined.' };
}

/** A PaymentIntent in the port's words; `decline` overrides the one read from `last_payment_error`. */
export function toProviderPayment(
  intent: Pick<
    Stripe.PaymentIntent,
    'id' | 'status' | 'amount' | 'currency' | 'client_secret' | 'last_payment_error'
  >,
  decline?: PaymentDecline,
): ProviderPayment {
  const state = decline ? 'requires_payment_method' : paymentStateOf(intent.status);
  return {
    id: intent.id,
    state,
    amount: intent.amount,
    currency: intent.currency.toUpperCase(),
    // Only the storefront finishing 3-D Secure needs it; elsewhere it is one more secret to keep out of logs.
    clientSecret: state === 'requires_action' ? intent.client_secret : null,
    decline: decline ?? (state === 'requires_payment_method' ? declineOf(intent.last_payment_error) : null),
  };
}

const EVENT_KINDS: Record<string, PaymentEvent['kind']> = {
  'payment_intent.amount_capturable_updated': 'authorized',
  'payment_intent.succeeded': 'captured',
  'payment_intent.payment_failed': 'failed',
  'payment_intent.canceled': 'cancelled',
};

/** A verified Stripe event, reduced to what the order workflow needs. */
export function paymentEventOf(event: Pick<Stripe.Event, 'id' | 'type' | 'data'>): PaymentEvent {
  const kind = EVENT_KINDS[event.type] ?? 'ignored';
  const isPaymentIntent = event.type.startsWith('payment_intent.');
  const intent = isPaymentIntent ? (event.data.object as Partial<Stripe.PaymentIntent>) : null;
  return {
    id: event.id,
    type: event.type,
    kind,
    paymentId: typeof intent?.id === 'string' ? intent.id : null,
    decline: kind === 'failed' ? (declineOf(intent?.last_payment_error) ?? UNKNOWN_FAILURE) : null,
  };
}

const UNKNOWN_FAILURE: PaymentDecline = { code: 'payment_failed', message: 'The payment failed.' };
