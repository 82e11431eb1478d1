/**
 * The payments port: authorize-then-capture card payments, whatever the provider. Two adapters: Stripe
 * (PaymentIntents with manual capture) and the built-in test provider of the embedded default, which honours
 * Stripe's test PaymentMethod ids. Amounts are integer minor units; currencies ISO 4217 upper-case.
 */

/**
 * Where a payment stands, in the provider-neutral words the order workflow uses:
 * - `requires_payment_method`: created, waiting for the shopper's card (or a new one after a decline);
 * - `requires_action`: 3-D Secure; the storefront finishes it with `clientSecret`;
 * - `authorized`: the amount is held on the card (Stripe's `requires_capture`);
 * - `captured`: the money is taken; `cancelled`: the authorization was voided or the payment abandoned;
 * - `processing`: the provider has not decided yet (a webhook will tell).
 */
export type PaymentState =
  'requires_payment_method' | 'requires_action' | 'processing' | 'authorized' | 'captured' | 'cancelled';

export interface ProviderPayment {
  /** The provider's id (Stripe: `pi_…`). */
  id: string;
  state: PaymentState;
  amount: number;
  currency: string;
  /** Given while `requires_action`, for the storefront (Stripe.js `handleNextAction`). Never log it. */
  clientSecret: string | null;
  /** The last decline, if the last attempt was declined (the payment then is `requires_payment_method`). */
  decline: PaymentDecline | null;
}

export interface PaymentDecline {
  /** Stripe's decline or error code: card_declined, expired_card, authentication_required, … */
  code: string;
  message: string;
}

export interface CreatePaymentInput {
  amount: number;
  currency: string;
  /** Sent to the provider as its Idempotency-Key: a retried activity gets the same payment back. */
  idempotencyKey: string;
  /** Shown in the provider's dashboard and returned in webhooks: order number, workflow id. */
  metadata: Record<string, string>;
  description?: string;
  receiptEmail?: string;
}

export interface ConfirmPaymentInput {
  paymentId: string;
  /** A PaymentMethod id from the storefront (Stripe.js), or a test one such as `pm_card_visa`. */
  paymentMethodId: string;
  idempotencyKey: string;
  /** Where a 3-D Secure redirect comes back to. */
  returnUrl?: string;
}

export interface PaymentOperationInput {
  paymentId: string;
  idempotencyKey: string;
}

export interface RefundPaymentInput {
  paymentId: string;
  /** Minor units; at most what was captured and not yet refunded (the provider refuses more). */
  amount: number;
  idempotencyKey: string;
  reason?: 'requested_by_customer' | 'duplicate' | 'fraudulent';
}

export interface ProviderRefund {
  /** The provider's id (Stripe: `re_…`). */
  id: string;
  amount: number;
  /** Card refunds are `succeeded` or `pending` (the bank is slow) at once; `failed` comes later, if ever. */
  status: 'succeeded' | 'pending' | 'failed';
}

/** A webhook event, reduced to what the order workflow needs. */
export interface PaymentEvent {
  /** The provider's event id (Stripe `evt_…`), the deduplication key. */
  id: string;
  /** The provider's event type, e.g. `payment_intent.amount_capturable_updated`. */
  type: string;
  /** What it means for the order; `ignored` for event types the workflow does not care about. */
  kind: 'authorized' | 'failed' | 'cancelled' | 'captured' | 'ignored';
  paymentId: string | null;
  decline: PaymentDecline | null;
}

export interface PaymentProvider {
  readonly name: 'stripe' | 'test';
  /** Creates a payment for manual capture (authorize only), in `requires_payment_method`. */
  createPayment(input: CreatePaymentInput): Promise<ProviderPayment>;
  /**
   * Confirms with a card server-side. A decline is not an error: the payment comes back in
   * `requires_payment_method` with `decline` set. Only infrastructure failures throw.
   */
  confirmPayment(input: ConfirmPaymentInput): Promise<ProviderPayment>;
  /** Takes the authorized amount. Capturing an already captured payment returns it unchanged. */
  capturePayment(input: PaymentOperationInput): Promise<ProviderPayment>;
  /** Voids an authorization or abandons an unpaid payment. Cancelling a cancelled payment returns it unchanged. */
  cancelPayment(input: PaymentOperationInput): Promise<ProviderPayment>;
  retrievePayment(paymentId: string): Promise<ProviderPayment>;
  /**
   * Gives money back on a captured payment (partially or in full). The same idempotency key returns the first
   * refund. More than what is left to refund → PaymentRejectedError('amount_too_large').
   */
  refundPayment(input: RefundPaymentInput): Promise<ProviderRefund>;
  /**
   * Verifies a webhook's signature over the exact raw body and parses it. Throws WebhookSignatureError when the
   * signature is missing, wrong or too old.
   */
  parseWebhook(rawBody: Buffer, signature: string | undefined): PaymentEvent;
}

/** A payment operation the provider refused for a reason retrying cannot fix (wrong state, unknown payment). */
export class PaymentRejectedError extends Error {
  constructor(
    message: string,
    readonly code: string,
  ) {
    super(message);
    this.name = 'PaymentRejectedError';
  }
}

export class WebhookSignatureError extends Error {
  constructor(message = 'The webhook signature is missing or does not match.') {
    super(message);
    this.name = 'WebhookSignatureError';
  }
}
