import Stripe from 'stripe';
import {
  type ConfirmPaymentInput,
  type CreatePaymentInput,
  type PaymentEvent,
  type PaymentOperationInput,
  type PaymentProvider,
  PaymentRejectedError,
  type ProviderPayment,
  type ProviderRefund,
  type RefundPaymentInput,
  WebhookSignatureError,
} from './port';
import { declineOf, paymentEventOf, toProviderPayment } from './stripe-mapping';

export interface StripePaymentProviderOptions {
  secretKey: string;
  webhookSecret: string;
  /** Another API base URL (stripe-mock in tests, e.g. http://127.0.0.1:12111); null for api.stripe.com. */
  apiUrl: string | null;
}

/** Stripe's own default: a signature older than five minutes is a replay. */
const WEBHOOK_TOLERANCE_SECONDS = 300;

type StripeError = InstanceType<typeof Stripe.errors.StripeError>;

/**
 * Stripe PaymentIntents with manual capture. Declines come back as data; requests Stripe refuses for good
 * (wrong state, unknown id, reused idempotency key) as PaymentRejectedError; everything else (connection, rate
 * limit, Stripe's 5xx) is thrown as the SDK threw it, for the calling activity to retry with the same key.
 * Nothing here logs: keys and client secrets must never reach a log line.
 */
export class StripePaymentProvider implements PaymentProvider {
  readonly name = 'stripe' as const;
  /** The SDK client, exposed for tests (`client.on('request', …)`); production code goes through the port. */
  readonly client: Stripe;
  private readonly webhookSecret: string;

  constructor(options: StripePaymentProviderOptions) {
    this.webhookSecret = options.webhookSecret;
    this.client = new Stripe(options.secretKey, {
      // The SDK pins the API version its types describe; no override needed.
      // One retry of its own (it reuses our idempotency key); the activity's retry policy does the rest.
      maxNetworkRetries: 1,
      timeout: 20_000,
      ...hostOptions(options.apiUrl),
    });
  }

  async createPayment(input: CreatePaymentInput): Promise<ProviderPayment> {
    const intent = await this.call(() =>
      this.client.paymentIntents.create(
        {
          amount: input.amount,
          currency: input.currency.toLowerCase(),
          capture_method: 'manual',
          payment_method_types: ['card'],
          metadata: input.metadata,
          ...(input.description !== undefined && { description: input.description }),
          ...(input.receiptEmail !== undefined && { receipt_email: input.receiptEmail }),
        },
        { idempotencyKey: input.idempotencyKey },
      ),
    );
    return toProviderPayment(intent);
  }

  async confirmPayment(input: ConfirmPaymentInput): Promise<ProviderPayment> {
    try {
      const intent = await this.client.paymentIntents.confirm(
        input.paymentId,
        {
          payment_method: input.paymentMethodId,
          ...(input.returnUrl !== undefined && { return_url: input.returnUrl }),
        },
        { idempotencyKey: input.idempotencyKey },
      );
      return toProviderPayment(intent);
    } catch (err) {
      if (!isStripeError(err)) throw err;
      if (err.code === 'payment_intent_unexpected_state') {
        // A retried confirm of a payment that already went through: the port promises it back unchanged.
        return this.unchangedIf(input.paymentId, ['authorized', 'captured'], err);
      }
      const decline = declineOf(err);
      if (decline && isDecline(err)) {
        const intent = err.payment_intent ?? (await this.client.paymentIntents.retrieve(input.paymentId));
        return toProviderPayment(intent, decline);
      }
      throw rejectedOrAsIs(err);
    }
  }

  async capturePayment(input: PaymentOperationInput): Promise<ProviderPayment> {
    try {
      const intent = await this.client.paymentIntents.capture(
        input.paymentId,
        {},
        { idempotencyKey: input.idempotencyKey },
      );
      return toProviderPayment(intent);
    } catch (err) {
      if (isStripeError(err) && err.code === 'payment_intent_unexpected_state') {
        return this.unchangedIf(input.paymentId, ['captured'], err);
      }
      throw rejectedOrAsIs(err);
    }
  }

  async cancelPayment(input: PaymentOperationInput): Promise<ProviderPayment> {
    try {
      const intent = await this.client.paymentIntents.cancel(
        input.paymentId,
        {},
        { idempotencyKey: input.idempotencyKey },
      );
      return toProviderPayment(intent);
    } catch (err) {
      if (isStripeError(err) && err.code === 'payment_intent_unexpected_state') {
        return this.unchangedIf(input.paymentId, ['cancelled'], err);
      }
      throw rejectedOrAsIs(err);
    }
  }

  async retrievePayment(paymentId: string): Promise<ProviderPayment> {
    return toProviderPayment(await this.call(() => this.client.paymentIntents.retrieve(paymentId)));
  }

  async refundPayment(input: RefundPaymentInput): Promise<ProviderRefund> {
    const refund = await this.call(() =>
      this.client.refunds.create(
        {
          payment_intent: input.paymentId,
          amount: input.amount,
          ...(input.reason ? { reason: input.reason } : {}),
        },
        { idempotencyKey: input.idempotencyKey },
      ),
    );
    const status =
      refund.status === 'succeeded' ? 'succeeded' : refund.status === 'failed' ? 'failed' : 'pending';
    return { id: refund.id, amount: refund.amount, status };
  }

  parseWebhook(rawBody: Buffer, signature: string | undefined): PaymentEvent {
    if (!signature) throw new WebhookSignatureError('The Stripe-Signature header is missing.');
    let event: Stripe.Event;
    try {
      event = this.client.webhooks.constructEvent(
        rawBody,
        signature,
        this.webhookSecret,
        WEBHOOK_TOLERANCE_SECONDS,
      );
    } catch {
      // Wrong secret, altered body, stale timestamp or a signed body that is not JSON: all are refused alike.
      throw new WebhookSignatureError();
    }
    return paymentEventOf(event);
  }

  /** After `payment_intent_unexpected_state`: the payment as it is if that state is fine, else a rejection. */
  private async unchangedIf(
    paymentId: string,
    fine: ProviderPayment['state'][],
    err: StripeError,
  ): Promise<ProviderPayment> {
    const current = toProviderPayment(await this.call(() => this.client.paymentIntents.retrieve(paymentId)));
    if (fine.includes(current.state)) return current;
    throw new PaymentRejectedError(err.message, err.code ?? 'payment_intent_unexpected_state');
  }

  private async call<T>(request: () => Promise<T>): Promise<T> {
    try {
      return await request();
    } catch (err) {
      throw rejectedOrAsIs(err);
    }
  }
}

function hostOptions(apiUrl: string | null): Pick<Stripe.StripeConfig, 'host' | 'port' | 'protocol'> {
  if (!apiUrl) return {};
  const url = new URL(apiUrl);
  const protocol = url.protocol === 'http:' ? 'http' : 'https';
  return { host: url.hostname, port: url.port || (protocol === 'http' ? 80 : 443), protocol };
}

function isStripeError(err: unknown): err is StripeError {
  return err instanceof Stripe.errors.StripeError;
}

/**
 * A card decline: Stripe's card errors, anything carrying a decline code or the PaymentIntent it failed, and a
 * PaymentMethod id Stripe does not know (the shopper's card is unusable; another card may work).
 */
function isDecline(err: StripeError): boolean {
  return (
    err instanceof Stripe.errors.StripeCardError ||
    Boolean(err.decline_code) ||
    Boolean(err.payment_intent) ||
    (err.code === 'resource_missing' && err.param === 'payment_method')
  );
}

/** Refusals retrying cannot fix become PaymentRejectedError; transient failures stay as they are. */
function rejectedOrAsIs(err: unknown): unknown {
  if (
    err instanceof Stripe.errors.StripeInvalidRequestError ||
    err instanceof Stripe.errors.StripeIdempotencyError ||
    err instanceof Stripe.errors.StripeCardError
  ) {
    return new PaymentRejectedError(err.message, err.code ?? err.rawType ?? err.type);
  }
  return err;
}
