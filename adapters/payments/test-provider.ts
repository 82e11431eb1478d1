import { createHash, randomBytes } from 'node:crypto';
import type { Database, TestPayment } from '@market/db';
import { Op, UniqueConstraintError } from 'sequelize';
import {
  type ConfirmPaymentInput,
  type CreatePaymentInput,
  type PaymentDecline,
  type ProviderRefund,
  type RefundPaymentInput,
  type PaymentEvent,
  type PaymentOperationInput,
  type PaymentProvider,
  PaymentRejectedError,
  type ProviderPayment,
  WebhookSignatureError,
} from './port';
import { paymentStateOf } from './stripe-mapping';

/**
 * The built-in payment provider of the embedded default: no network, no money, Stripe's test PaymentMethod ids.
 * It plays an outside system, so its state is in `test_payments` (Stripe's statuses), shared by every process
 * and kept across crashes. Each state change is one conditional UPDATE, so concurrent retries of the same
 * operation cannot both win: capture_count proves a card is never charged twice.
 */

type Outcome =
  | { status: 'requires_capture' }
  | { status: 'requires_action' }
  | { status: 'requires_payment_method'; failureCode: string };

/** Stripe's test PaymentMethod ids and what confirming with them does. Others: `invalid_payment_method`. */
export const TEST_PAYMENT_METHODS: Readonly<Record<string, Outcome>> = {
  pm_card_visa: { status: 'requires_capture' },
  pm_card_mastercard: { status: 'requires_capture' },
  pm_card_amex: { status: 'requires_capture' },
  pm_card_discover: { status: 'requires_capture' },
  pm_card_us: { status: 'requires_capture' },
  pm_card_chargeDeclined: { status: 'requires_payment_method', failureCode: 'card_declined' },
  pm_card_chargeDeclinedInsufficientFunds: {
    status: 'requires_payment_method',
    failureCode: 'insufficient_funds',
  },
  pm_card_chargeDeclinedExpiredCard: { status: 'requires_payment_method', failureCode: 'expired_card' },
  pm_card_chargeDeclinedIncorrectCvc: { status: 'requires_payment_method', failureCode: 'incorrect_cvc' },
  pm_card_authenticationRequired: { status: 'requires_action' },
  pm_card_threeDSecure2Required: { status: 'requires_action' },
};

/** Stripe's wording for each decline code the test provider produces. */
const DECLINE_MESSAGES: Record<string, string> = {
  card_declined: 'Your card was declined.',
  insufficient_funds: 'Your card has insufficient funds.',
  expired_card: 'Your card has expired.',
  incorrect_cvc: "Your card's security code is incorrect.",
  authentication_failed: 'We are unable to authenticate your payment method.',
  invalid_payment_method: 'No such PaymentMethod; it is not one of the test cards.',
};

const UNEXPECTED_STATE = 'payment_intent_unexpected_state';

export class TestPaymentProvider implements PaymentProvider {
  readonly name = 'test' as const;
  private readonly db: Database;

  constructor(deps: { db: Database }) {
    this.db = deps.db;
  }

  private get model(): typeof TestPayment {
    return this.db.models.TestPayment;
  }

  async createPayment(input: CreatePaymentInput): Promise<ProviderPayment> {
    const existing = await this.model.findOne({ where: { idempotencyKey: input.idempotencyKey } });
    if (existing) return this.replay(existing, input);
    const id = `tpi_${randomBytes(12).toString('hex')}`;
    try {
      const row = await this.model.create({
        id,
        amount: input.amount,
        currency: input.currency.toUpperCase(),
        status: 'requires_payment_method',
        idempotencyKey: input.idempotencyKey,
      });
      return toProviderPayment(row);
    } catch (err) {
      // Two concurrent first calls: the unique key lets one insert; the other returns the winner's payment.
      if (!(err instanceof UniqueConstraintError)) throw err;
      const winner = await this.model.findOne({ where: { idempotencyKey: input.idempotencyKey } });
      if (!winner) throw err;
      return this.replay(winner, input);
    }
  }

  async confirmPayment(input: ConfirmPaymentInput): Promise<ProviderPayment> {
    const outcome = TEST_PAYMENT_METHODS[input.paymentMethodId] ?? {
      status: 'requires_payment_method',
      failureCode: 'invalid_payment_method',
    };
    const changed = await this.transition(input.paymentId, ['requires_payment_method', 'requires_action'], {
      status: outcome.status,
      paymentMethod: outcome.status === 'requires_payment_method' ? null : input.paymentMethodId,
      failureCode: 'failureCode' in outcome ? outcome.failureCode : null,
    });
    if (changed) return this.retrievePayment(input.paymentId);
    // A retried confirm of a payment that went through returns it unchanged.
    return this.unchangedIf(input.paymentId, ['requires_capture', 'succeeded']);
  }

  async capturePayment(input: PaymentOperationInput): Promise<ProviderPayment> {
    const changed = await this.transition(input.paymentId, ['requires_capture'], {
      status: 'succeeded',
      captureCount: this.db.sequelize.literal('capture_count + 1'),
    });
    if (changed) return this.retrievePayment(input.paymentId);
    return this.unchangedIf(input.paymentId, ['succeeded']);
  }

  async cancelPayment(input: PaymentOperationInput): Promise<ProviderPayment> {
    const changed = await this.transition(
      input.paymentId,
      ['requires_payment_method', 'requires_action', 'requires_capture'],
      { status: 'canceled' },
    );
    if (changed) return this.retrievePayment(input.paymentId);
    return this.unchangedIf(input.paymentId, ['canceled']);
  }

  async retrievePayment(paymentId: string): Promise<ProviderPayment> {
    return toProviderPayment(await this.find(paymentId));
  }

  /**
   * One transaction: the refund row (its unique key makes a repeat find the first) and one conditional UPDATE
   * that never lets the refunded total pass the captured amount.
   */
  async refundPayment(input: RefundPaymentInput): Promise<ProviderRefund> {
    const { TestRefund } = this.db.models;
    const first = await TestRefund.findOne({ where: { idempotencyKey: input.idempotencyKey } });
    if (first) return { id: first.id, amount: Number(first.amount), status: 'succeeded' };
    const payment = await this.find(input.paymentId);
    if (payment.status !== 'succeeded') {
      throw new PaymentRejectedError(`Payment ${payment.id} is not captured.`, 'charge_not_captured');
    }
    try {
      return await this.db.sequelize.transaction(async (transaction) => {
        const [changed] = await this.model.update(
          { refundedAmount: this.db.sequelize.literal(`refunded_amount + ${Number(input.amount)}`) },
          {
            where: {
              id: input.paymentId,
              [Op.and]: [
                this.db.sequelize.where(
                  this.db.sequelize.literal(`refunded_amount + ${Number(input.amount)}`),
                  Op.lte,
                  this.db.sequelize.col('amount'),
                ),
              ],
            },
            transaction,
          },
        );
        if (!changed) {
          throw new PaymentRejectedError(
            'The refund is larger than what is left to refund.',
            'amount_too_large',
          );
        }
        const id = `tre_${createHash('sha256').update(input.idempotencyKey).digest('hex').slice(0, 24)}`;
        await TestRefund.create(
          { id, paymentId: input.paymentId, amount: input.amount, idempotencyKey: input.idempotencyKey },
          { transaction },
        );
        return { id, amount: input.amount, status: 'succeeded' as const };
      });
    } catch (err) {
      if (!(err instanceof UniqueConstraintError)) throw err;
      return this.refundPayment(input);
    }
  }

  /**
   * Finishes 3-D Secure as the shopper would in Stripe's test modal (not on the port: real providers do this in
   * the browser). `succeed` authorizes; otherwise the payment wants a new card, declined `authentication_failed`.
   */
  async authenticate(paymentId: string, succeed: boolean): Promise<ProviderPayment> {
    const changed = await this.transition(
      paymentId,
      ['requires_action'],
      succeed
        ? { status: 'requires_capture', failureCode: null }
        : { status: 'requires_payment_method', paymentMethod: null, failureCode: 'authentication_failed' },
    );
    if (changed) return this.retrievePayment(paymentId);
    return this.unchangedIf(paymentId, succeed ? ['requires_capture', 'succeeded'] : []);
  }

  parseWebhook(_rawBody: Buffer, _signature: string | undefined): PaymentEvent {
    throw new WebhookSignatureError('The test payment provider sends no webhooks.');
  }

  /** One conditional UPDATE: true when this call moved the payment out of one of `from`. */
  private async transition(
    id: string,
    from: string[],
    values: Parameters<typeof TestPayment.update>[0],
  ): Promise<boolean> {
    const [count] = await this.model.update(values, { where: { id, status: { [Op.in]: from } } });
    return count > 0;
  }

  /** After a refused transition: the payment as it is if its status is fine, else a rejection. */
  private async unchangedIf(id: string, fine: string[]): Promise<ProviderPayment> {
    const row = await this.find(id);
    if (fine.includes(row.status)) return toProviderPayment(row);
    throw new PaymentRejectedError(
      `This payment is ${row.status}; the operation is not allowed in that state.`,
      UNEXPECTED_STATE,
    );
  }

  private async find(id: string): Promise<TestPayment> {
    const row = await this.model.findByPk(id);
    if (!row) throw new PaymentRejectedError(`No such payment: ${id}`, 'resource_missing');
    return row;
  }

  /** Stripe answers a reused idempotency key with other parameters with an error; so does this. */
  private replay(row: TestPayment, input: CreatePaymentInput): ProviderPayment {
    if (Number(row.amount) !== input.amount || row.currency !== input.currency.toUpperCase()) {
      throw new PaymentRejectedError(
        'This idempotency key was already used with other parameters.',
        'idempotency_error',
      );
    }
    return toProviderPayment(row);
  }
}

function toProviderPayment(row: TestPayment): ProviderPayment {
  const state = paymentStateOf(row.status);
  return {
    id: row.id,
    state,
    amount: Number(row.amount),
    currency: row.currency,
    clientSecret: state === 'requires_action' ? clientSecretOf(row.id) : null,
    decline: state === 'requires_payment_method' && row.failureCode ? declineOf(row.failureCode) : null,
  };
}

function declineOf(code: string): PaymentDecline {
  return { code, message: DECLINE_MESSAGES[code] ?? 'Your card was declined.' };
}

/** Deterministic, so every process hands out the same secret for a payment without storing it. */
function clientSecretOf(id: string): string {
  return `${id}_secret_${createHash('sha256').update(`test-payment:${id}`).digest('hex').slice(0, 24)}`;
}
