import type { Database, Payment, PaymentStatus } from '@market/db';
import type { PaymentState, ProviderPayment } from '@market/adapters/payments/port';
import { ApplicationFailure } from '@temporalio/activity';
import { Op, UniqueConstraintError } from 'sequelize';
import { addTimelineEntry } from './timeline';

// Our payments rows (payments.ts's activities call the provider, then write here): the row of an idempotency key,
// the order's latest one, and the provider's answers recorded on it with their timeline entries.

/** Our payments row's status for a provider state (a decline leaves the provider's payment waiting for a card). */
function statusOf(payment: ProviderPayment): PaymentStatus {
  if (payment.decline && payment.state === 'requires_payment_method') return 'failed';
  const map: Record<PaymentState, PaymentStatus> = {
    requires_payment_method: 'pending',
    processing: 'pending',
    requires_action: 'requires_action',
    authorized: 'authorized',
    captured: 'captured',
    cancelled: 'cancelled',
  };
  return map[payment.state];
}

/** The timeline entry of a change to each status; `pending` takes the caller's. */
const EVENT_OF_STATUS: Partial<Record<PaymentStatus, string>> = {
  failed: 'payment_declined',
  requires_action: 'payment_requires_action',
  authorized: 'payment_authorized',
  captured: 'payment_captured',
  cancelled: 'payment_cancelled',
};

/** The order's latest payment row, which must have the provider's payment id by now. */
export async function paymentOf(
  db: Database,
  orderId: number,
): Promise<Payment & { providerPaymentId: string }> {
  const payment = await db.models.Payment.findOne({ where: { orderId }, order: [['id', 'DESC']] });
  if (!payment?.providerPaymentId) {
    throw ApplicationFailure.nonRetryable(`order ${orderId} has no payment`, 'InvalidOrder');
  }
  return payment as Payment & { providerPaymentId: string };
}

/**
 * Writes the provider's answer to our row and its timeline entry, only when the status changes: one conditional
 * UPDATE, so two runs of the same activity (a retry racing a slow first attempt) record the change once. The
 * entry names the status written, whichever activity saw it: a confirm run again after the capture went through
 * (a worker that died before its workflow task completed re-runs the local steps) answers `captured`, and that is
 * the order's one `payment_captured`. `event` names the other changes.
 */
export async function recordAnswer(db: Database, payment: Payment, answer: ProviderPayment, event: string) {
  const status = statusOf(answer);
  await db.sequelize.transaction(async (transaction) => {
    const [changed] = await db.models.Payment.update(
      {
        status,
        clientSecret: answer.state === 'requires_action' ? answer.clientSecret : null,
        failureCode: answer.decline?.code ?? null,
        failureMessage: answer.decline?.message.slice(0, 255) ?? null,
      },
      { where: { id: payment.id, status: { [Op.ne]: status } }, transaction },
    );
    if (changed) {
      const type = EVENT_OF_STATUS[status] ?? event;
      const data = answer.decline ? { code: answer.decline.code } : { amount: answer.amount };
      await addTimelineEntry(db, { orderId: payment.orderId, type, data }, transaction);
    }
  });
}

/**
 * Our payments row for this idempotency key: a new one, or the one a first attempt wrote. One INSERT, not
 * findOrCreate's transaction around a SELECT and an INSERT, and no read first: the key is unique, so a retry's
 * INSERT (or the loser of two attempts racing each other) clashes and reads the row that is there.
 */
export async function paymentRow(
  db: Database,
  values: { orderId: number; provider: string; amount: number; currency: string; idempotencyKey: string },
): Promise<Payment> {
  try {
    return await db.models.Payment.create(values);
  } catch (err) {
    if (!(err instanceof UniqueConstraintError)) throw err;
    const existing = await db.models.Payment.findOne({ where: { idempotencyKey: values.idempotencyKey } });
    if (!existing) throw err;
    return existing;
  }
}
