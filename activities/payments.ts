import type { Database, Payment } from '@market/db';
import {
  PaymentRejectedError,
  type PaymentProvider,
  type ProviderPayment,
} from '@market/adapters/payments/port';
import { ApplicationFailure } from '@temporalio/activity';
import { requireDatabase } from './database';
import { moveFrom } from './order-status';
import type { ActivityDeps } from './deps';
import { paymentOf, paymentRow, recordAnswer } from './payment-rows';
import { refundCaptured } from './refunds';
import { addTimelineEntry } from './timeline';

/** A provider refusal that retrying cannot fix becomes a nonRetryable failure of type PaymentRejected. */
export async function provider<T>(call: () => Promise<T>): Promise<T> {
  try {
    return await call();
  } catch (err) {
    if (err instanceof PaymentRejectedError) {
      throw ApplicationFailure.nonRetryable(err.message, 'PaymentRejected', err.code);
    }
    throw err;
  }
}

/**
 * Payment activities. The idempotency key each one gets comes from the workflow (`<workflowId>:capture`) and goes
 * to the provider, so a retried or replayed activity gets the provider's first answer back instead of charging
 * again. They never log card data or client secrets.
 */
export function createPaymentActivities(deps: ActivityDeps) {
  const payments = (): PaymentProvider => {
    if (!deps.payments) {
      throw ApplicationFailure.nonRetryable('the worker has no payment provider', 'PaymentsNotConfigured');
    }
    return deps.payments;
  };

  /**
   * Creates the provider's payment (authorize only) for the order's total. Our row is written first with the
   * idempotency key; a retry after a crash finds it and asks the provider again with the same key, which answers
   * with the payment it made the first time. With `awaitPayment` (orders since 2026-12-07) the order moves from
   * pending to awaiting_payment in the transaction that records the provider's payment, instead of in a markOrder
   * step of its own: both happen, or neither and a retry does them.
   */
  async function createPayment(input: {
    orderId: number;
    idempotencyKey: string;
    awaitPayment?: boolean;
  }): Promise<{ paymentId: number; payment: ProviderPayment }> {
    const db = requireDatabase(deps);
    const order = await db.models.Order.findByPk(input.orderId, {
      attributes: ['id', 'number', 'email', 'totalAmount', 'currency', 'workflowId'],
    });
    if (!order)
      throw ApplicationFailure.nonRetryable(`order ${input.orderId} does not exist`, 'InvalidOrder');
    const provider_ = payments();
    const row = await paymentRow(db, {
      orderId: order.id,
      provider: provider_.name,
      amount: order.totalAmount,
      currency: order.currency,
      idempotencyKey: input.idempotencyKey,
    });
    const payment = await provider(() =>
      provider_.createPayment({
        amount: order.totalAmount,
        currency: order.currency,
        idempotencyKey: input.idempotencyKey,
        description: `Order ${order.number}`,
        receiptEmail: order.email,
        metadata: { orderNumber: order.number, workflowId: order.workflowId },
      }),
    );
    const recorded = row.providerPaymentId === payment.id;
    if (!recorded || input.awaitPayment) {
      await db.sequelize.transaction(async (transaction) => {
        let changed = 0;
        if (!recorded) {
          [changed] = await db.models.Payment.update(
            { providerPaymentId: payment.id },
            { where: { id: row.id, providerPaymentId: null }, transaction },
          );
        }
        if (changed) {
          await addTimelineEntry(
            db,
            {
              orderId: order.id,
              type: 'payment_created',
              data: { amount: payment.amount, provider: provider_.name },
            },
            transaction,
          );
        }
        // Whoever recorded the payment (this attempt, an earlier one, a concurrent one), the order is moved: the
        // move is conditional, so a second one changes nothing.
        if (input.awaitPayment) await moveFrom(db, order.id, 'pending', 'awaiting_payment', transaction);
      });
    }
    return { paymentId: row.id, payment };
  }

  /** Confirms with the shopper's card. A decline is an answer, not an error. */
  async function confirmPayment(input: {
    orderId: number;
    paymentMethodId: string;
    idempotencyKey: string;
  }): Promise<ProviderPayment> {
    const db = requireDatabase(deps);
    const row = await paymentOf(db, input.orderId);
    const answer = await provider(() =>
      payments().confirmPayment({
        paymentId: row.providerPaymentId,
        paymentMethodId: input.paymentMethodId,
        idempotencyKey: input.idempotencyKey,
      }),
    );
    await recordAnswer(
      db,
      row,
      answer,
      answer.state === 'requires_action' ? 'payment_requires_action' : 'payment_authorized',
    );
    return answer;
  }

  /** An authorization that arrived by webhook (3-D Secure finished in the browser): our row catches up. */
  async function recordPayment(input: { orderId: number; state: 'authorized' }): Promise<void> {
    const db = requireDatabase(deps);
    const row = await paymentOf(db, input.orderId);
    if (row.status === 'authorized' || row.status === 'captured') return;
    const answer = await provider(() => payments().retrievePayment(row.providerPaymentId));
    await recordAnswer(db, row, answer, 'payment_authorized');
  }

  async function capturePayment(input: {
    orderId: number;
    idempotencyKey: string;
  }): Promise<ProviderPayment> {
    const db = requireDatabase(deps);
    const row = await paymentOf(db, input.orderId);
    const answer = await provider(() =>
      payments().capturePayment({ paymentId: row.providerPaymentId, idempotencyKey: input.idempotencyKey }),
    );
    await recordAnswer(db, row, answer, 'payment_captured');
    return answer;
  }

  /**
   * Compensation: voids the authorization or abandons the unpaid payment. When the provider refuses because the
   * money is already taken (a capture that went through but could not be recorded, then the order is cancelled or
   * fails), the captured amount is refunded instead: a compensation that left the shopper charged would not undo
   * anything. Other refusals are recorded, not retried forever.
   */
  async function cancelPayment(input: { orderId: number; idempotencyKey: string }): Promise<void> {
    const db = requireDatabase(deps);
    const row = await db.models.Payment.findOne({
      where: { orderId: input.orderId },
      order: [['id', 'DESC']],
    });
    if (!row?.providerPaymentId || row.status === 'cancelled') return;
    const provider_ = payments();
    try {
      const answer = await provider_.cancelPayment({
        paymentId: row.providerPaymentId,
        idempotencyKey: input.idempotencyKey,
      });
      // A declined payment stays `failed` in our records: that is the more useful fact.
      if (row.status !== 'failed') await recordAnswer(db, row, answer, 'payment_cancelled');
    } catch (err) {
      if (!(err instanceof PaymentRejectedError)) throw err;
      const current = await provider_.retrievePayment(row.providerPaymentId).catch((lookup: unknown) => {
        if (lookup instanceof PaymentRejectedError) return null;
        throw lookup;
      });
      if (current?.state === 'captured') {
        await refundCapture(db, provider_, row, current, input);
        return;
      }
      await db.sequelize.transaction((transaction) =>
        addTimelineEntry(
          db,
          { orderId: input.orderId, type: 'payment_cancel_refused', data: { code: err.code } },
          transaction,
        ),
      );
    }
  }

  /**
   * The compensation of a captured payment: our row catches up (captured, once), then whatever is not refunded yet
   * goes back under a key derived from the cancel's own. A retry finds it refunded and does nothing more.
   */
  async function refundCapture(
    db: Database,
    provider_: PaymentProvider,
    row: Payment,
    captured: ProviderPayment,
    input: { orderId: number; idempotencyKey: string },
  ): Promise<void> {
    await recordAnswer(db, row, captured, 'payment_captured');
    await row.reload();
    const left = Number(row.amount) - Number(row.refundedAmount);
    if (left <= 0) return;
    try {
      await refundCaptured(db, provider_, row, {
        orderId: input.orderId,
        amount: left,
        idempotencyKey: `${input.idempotencyKey}:refund`,
        reason: 'order not completed',
        by: 'system',
      });
    } catch (err) {
      // Refused too: the refund row is failed and the timeline says why, for support. Throwing would stop the
      // compensations that come after this one (the stock, the order's status).
      if (err instanceof ApplicationFailure && err.type === 'PaymentRejected') return;
      throw err;
    }
  }

  return { createPayment, confirmPayment, recordPayment, capturePayment, cancelPayment };
}
