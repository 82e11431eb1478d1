import { messageIdFor } from '@market/adapters/mail/message-id';
import type { Database, EmailLog } from '@market/db';
import { ApplicationFailure } from '@temporalio/activity';
import { col, fn, Op, UniqueConstraintError, where } from 'sequelize';
import { requireDatabase } from './database';
import type { ActivityDeps } from './deps';
import {
  isOrderEmailTemplate,
  type OrderEmailTemplate,
  type OrderEmailView,
  renderOrderEmail,
  TEMPLATE_SHOWS,
} from './emails';

export type { OrderEmailTemplate } from './emails';

export interface SendOrderEmailInput {
  orderId: number;
  template: OrderEmailTemplate;
  /** Unique per email the workflow means to send: `<workflowId>:email:<template>[:n]` (docs/emails.md). */
  dedupeKey: string;
}

export interface SendOrderEmailResult {
  /**
   * `already_sent`: an earlier attempt (or a concurrent one) delivered it; nothing was sent this time.
   * `suppressed`: not sent, the recipient had enough emails about unpaid orders this hour (see recipientLimited).
   */
  status: 'sent' | 'already_sent' | 'suppressed';
}

/**
 * Order emails, sent at most once per dedupe key: the email_log row of the key is locked while the message goes
 * out and marked sent in the same transaction, so a retry or a concurrent duplicate of the activity finds it sent.
 * A crash between the SMTP server's acceptance and the commit can still send twice; the Message-ID derived from
 * the key is then the same, so mail clients and Mailpit can tell.
 */
export function createEmailActivities(deps: ActivityDeps) {
  return {
    async sendOrderEmail(input: SendOrderEmailInput): Promise<SendOrderEmailResult> {
      const db = requireDatabase(deps);
      const { mailer, shop } = deps;
      if (!mailer || !shop) {
        throw ApplicationFailure.nonRetryable(
          'the worker has no mailer or shop branding',
          'MailNotConfigured',
        );
      }
      if (!isOrderEmailTemplate(input.template)) {
        throw ApplicationFailure.nonRetryable(
          `unknown email template ${String(input.template)}`,
          'UnknownTemplate',
        );
      }
      const view = await loadView(db, input.orderId, shop, input.template);
      const log = await findOrCreateLog(db, input, view.order.email);
      if (log.status === 'sent') return { status: 'already_sent' };
      if (log.status === 'suppressed') return { status: 'suppressed' };
      if (await recipientLimited(db, deps.unpaidOrderEmailsPerHour, input, log.recipient)) {
        await db.models.EmailLog.update(
          {
            status: 'suppressed',
            error: 'rate_limited: enough emails about unpaid orders to this address this hour',
          },
          { where: { id: log.id, status: 'pending' } },
        );
        return { status: 'suppressed' };
      }

      const email = renderOrderEmail(input.template, view);
      const messageId = messageIdFor(input.dedupeKey);
      try {
        return await db.sequelize.transaction(async (transaction) => {
          // The lock makes a concurrent attempt wait here until this one committed, then see `sent`.
          const row = await db.models.EmailLog.findByPk(log.id, {
            transaction,
            lock: transaction.LOCK.UPDATE,
          });
          if (row?.status === 'sent') return { status: 'already_sent' as const };
          const sent = await mailer.send({
            to: log.recipient,
            subject: email.subject,
            html: email.html,
            text: email.text,
            messageId,
            headers: { 'X-Market-Template': input.template },
          });
          await db.models.EmailLog.update(
            { status: 'sent', sentAt: new Date(), providerMessageId: sent.messageId },
            { where: { id: log.id, status: { [Op.ne]: 'sent' } }, transaction },
          );
          return { status: 'sent' as const };
        });
      } catch (err) {
        // Recorded outside the rolled-back transaction. A server that refused the message for good fails the
        // activity for good; anything else goes on to Temporal, which retries with backoff.
        const error = describeError(err);
        await db.models.EmailLog.update(
          { status: 'failed', error },
          { where: { id: log.id, status: { [Op.ne]: 'sent' } } },
        );
        if (isPermanentRejection(err)) {
          throw ApplicationFailure.nonRetryable(
            `the mail server rejected the email: ${error}`,
            'MailRejected',
          );
        }
        throw err;
      }
    },
  };
}

/** The order as `template` shows it: the shipment and the refunds are read only for the templates that show them. */
async function loadView(
  db: Database,
  orderId: number,
  shop: OrderEmailView['shop'],
  template: OrderEmailTemplate,
): Promise<OrderEmailView> {
  const { Order, OrderItem, Shipment, Refund } = db.models;
  const shows = TEMPLATE_SHOWS[template];
  const order = await Order.findByPk(orderId);
  if (!order) throw ApplicationFailure.nonRetryable(`order ${orderId} does not exist`, 'OrderNotFound');
  const [items, shipment, refunds] = await Promise.all([
    OrderItem.findAll({ where: { orderId }, order: [['id', 'ASC']] }),
    shows.shipment
      ? Shipment.findOne({
          where: { orderId },
          order: [
            ['createdAt', 'DESC'],
            ['id', 'DESC'],
          ],
        })
      : null,
    shows.refunds ? Refund.findAll({ where: { orderId, status: 'succeeded' }, order: [['id', 'ASC']] }) : [],
  ]);
  return {
    shop,
    order: {
      id: order.id,
      number: order.number,
      email: order.email,
      currency: order.currency,
      subtotalAmount: order.subtotalAmount,
      shippingAmount: order.shippingAmount,
      taxAmount: order.taxAmount,
      totalAmount: order.totalAmount,
      createdAt: order.createdAt,
      shippingAddress: order.shippingAddress,
    },
    items: items.map((i) => ({
      title: i.title,
      quantity: i.quantity,
      unitPriceAmount: i.unitPriceAmount,
      lineTotalAmount: i.lineTotalAmount,
    })),
    shipment: shipment && {
      carrier: shipment.carrier,
      trackingNumber: shipment.trackingNumber,
      trackingUrl: shipment.trackingUrl,
    },
    refunds: {
      totalAmount: refunds.reduce((sum, r) => sum + r.amount, 0),
      latestAmount: refunds.at(-1)?.amount ?? null,
    },
  };
}

/**
 * Anyone can check out as a guest with any email address and then cancel, or never pay: the shop would mail a
 * stranger on the guest's say-so, with the guest's text in the greeting. So emails about unpaid orders go to one
 * address at most `perHour` times an hour; emails about paid orders (the buyer paid, so the address is theirs) are
 * never held back. A soft limit: concurrent sends to one address may each see the count below it.
 */
const UNPAID_ORDER_TEMPLATES: readonly OrderEmailTemplate[] = ['payment_failed', 'order_cancelled'];

async function recipientLimited(
  db: Database,
  perHour: number | undefined,
  input: SendOrderEmailInput,
  recipient: string,
): Promise<boolean> {
  if (perHour === undefined || !UNPAID_ORDER_TEMPLATES.includes(input.template)) return false;
  const { EmailLog, Payment } = db.models;
  // order_cancelled also follows a paid order's cancellation (with a refund): that one is not limited.
  const paid = await Payment.count({ where: { orderId: input.orderId, status: ['captured', 'refunded'] } });
  if (paid > 0) return false;
  const sent = await EmailLog.count({
    where: {
      [Op.and]: [where(fn('lower', col('recipient')), recipient.toLowerCase())],
      template: [...UNPAID_ORDER_TEMPLATES],
      status: 'sent',
      sentAt: { [Op.gt]: new Date(Date.now() - 3_600_000) },
    },
  });
  return sent >= perHour;
}

/**
 * The log row of this dedupe key, created `pending` by the first attempt; concurrent firsts agree on one row. No
 * read first: the key is unique, so a retry's INSERT (or the loser of two racing attempts) clashes and reads the
 * row that is there.
 */
async function findOrCreateLog(
  db: Database,
  input: SendOrderEmailInput,
  recipient: string,
): Promise<EmailLog> {
  const { EmailLog } = db.models;
  try {
    return await EmailLog.create({
      dedupeKey: input.dedupeKey,
      template: input.template,
      recipient,
      orderId: input.orderId,
      status: 'pending',
    });
  } catch (err) {
    if (!(err instanceof UniqueConstraintError)) throw err;
    const row = await EmailLog.findOne({ where: { dedupeKey: input.dedupeKey } });
    if (row) return row;
    throw err;
  }
}

/**
 * An SMTP 5xx reply (550 no such recipient, 554 message refused…): sending the same message again gets the same
 * answer. 4xx replies (421 try later, 452 mailbox full) and connection errors have no responseCode >= 500 and stay
 * retryable. So does a refused login (nodemailer's EAUTH, 535): that is the server's configuration, not this
 * message, and the email goes out once an operator fixes the credentials.
 */
export function isPermanentRejection(err: unknown): boolean {
  const e = err as { code?: unknown; responseCode?: unknown } | null;
  return typeof e?.responseCode === 'number' && e.responseCode >= 500 && e.code !== 'EAUTH';
}

/** A short, secret-free description for email_log.error: the SMTP code and message, credentials in URLs masked. */
export function describeError(err: unknown): string {
  const e = err as { code?: unknown; responseCode?: unknown; message?: unknown };
  const code = [e.code, e.responseCode]
    .filter((p) => typeof p === 'string' || typeof p === 'number')
    .join(' ');
  const message = typeof e.message === 'string' ? e.message : String(err);
  const text = `${code ? `${code}: ` : ''}${message}`
    .replace(/\/\/[^/@\s]*@/g, '//***@')
    .replace(/\s+/g, ' ')
    .trim();
  return text.length > 500 ? `${text.slice(0, 499)}…` : text;
}
