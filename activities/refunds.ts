import type { Database, Payment } from '@market/db';
import {
  PaymentRejectedError,
  type PaymentProvider,
  type ProviderRefund,
} from '@market/adapters/payments/port';
import { ApplicationFailure } from '@temporalio/activity';
import { literal, Op } from 'sequelize';
import { addTimelineEntry } from './timeline';

// Money back on a captured payment: shared by the refund activity (activities/fulfilment.ts) and the payment's
// compensation when it finds the money already taken (activities/payments.ts, cancelPayment).

export interface RefundInput {
  orderId: number;
  /** Minor units. */
  amount: number;
  /** From the workflow; also the provider's idempotency key, so a retry refunds once. */
  idempotencyKey: string;
  reason: string | null;
  /** Who asked: `customer`, `staff:<email>`, `system`. */
  by: string;
}

/**
 * Gives money back on a captured payment: our refund row first (its unique key), then the provider with the same
 * key, then the totals in one transaction, where a conditional UPDATE keeps refunded_amount <= amount. A provider
 * refusal marks the row `failed` (once: only a pending row changes, with a `refund_failed` timeline entry) and
 * fails for good as PaymentRejected. A retry with the same key finds the same row; a succeeded row is never sent
 * again nor changed, and a failed one becomes succeeded if the provider now agrees.
 */
export async function refundCaptured(
  db: Database,
  payments: PaymentProvider,
  payment: Payment,
  input: RefundInput,
): Promise<void> {
  const { Payment: Payments, Refund } = db.models;
  const paymentId = payment.providerPaymentId;
  if (!paymentId) {
    throw ApplicationFailure.nonRetryable(`order ${input.orderId} has no captured payment`, 'InvalidOrder');
  }
  const [refund] = await Refund.findOrCreate({
    where: { idempotencyKey: input.idempotencyKey },
    defaults: {
      orderId: input.orderId,
      paymentId: payment.id,
      amount: input.amount,
      currency: payment.currency,
      reason: input.reason?.slice(0, 64) ?? null,
      idempotencyKey: input.idempotencyKey,
    },
  });
  if (refund.status === 'succeeded') return;
  let answer: ProviderRefund;
  try {
    answer = await payments.refundPayment({
      paymentId,
      amount: input.amount,
      idempotencyKey: input.idempotencyKey,
    });
  } catch (err) {
    if (!(err instanceof PaymentRejectedError)) throw err; // transient: the activity retries with the same key
    await db.sequelize.transaction(async (transaction) => {
      const [changed] = await Refund.update(
        { status: 'failed' },
        { where: { id: refund.id, status: 'pending' }, transaction },
      );
      if (!changed) return;
      // Staff only (the shopper's timeline shows no field of this type): the provider's words, for support.
      const data = { amount: input.amount, by: input.by, code: err.code, message: err.message.slice(0, 255) };
      await addTimelineEntry(db, { orderId: input.orderId, type: 'refund_failed', data }, transaction);
    });
    throw ApplicationFailure.nonRetryable(err.message, 'PaymentRejected', err.code);
  }
  await db.sequelize.transaction(async (transaction) => {
    const [changed] = await Refund.update(
      // The amount too: a failed row retried with its key may be retried for what is left now.
      { status: 'succeeded', providerRefundId: answer.id, amount: input.amount },
      { where: { id: refund.id, status: { [Op.ne]: 'succeeded' } }, transaction },
    );
    if (!changed) return;
    const amount = db.sequelize.escape(input.amount);
    const [counted] = await Payments.update(
      { refundedAmount: literal(`refunded_amount + ${amount}`) },
      {
        where: { id: payment.id, [Op.and]: [literal(`refunded_amount + ${amount} <= amount`)] },
        transaction,
      },
    );
    if (!counted) throw ApplicationFailure.nonRetryable('refunds would exceed the payment', 'RefundTooLarge');
    await addTimelineEntry(
      db,
      {
        orderId: input.orderId,
        type: 'payment_refunded',
        data: { amount: input.amount, by: input.by, reason: input.reason },
      },
      transaction,
    );
  });
}
