import type { z } from 'zod';
import type { EmailLog, Order } from '@market/db';
import type { AppDeps } from '../../../deps';
import { NotFoundError } from '../../../errors';
import { loadOrderRecord, presentOrderSummary, presentStaffOrder } from '../../../presenters/order';
import { readOrderProcess } from '../../../services/order-actions';
import type { adminOrderEmailSchema, adminOrderSchema, adminOrderSummarySchema } from './schema';

export async function findOrder(deps: AppDeps, id: number): Promise<Order> {
  const order = await deps.db.models.Order.findByPk(id);
  if (!order) throw new NotFoundError('There is no order with this id.');
  return order;
}

/** Where support opens the order's workflow: its history, pending activities, and Temporal Web's reset. */
export function temporalUrlOf(deps: AppDeps, workflowId: string): string {
  const { uiUrl, namespace } = deps.config.temporal;
  const base = uiUrl.replace(/\/+$/, '');
  return `${base}/namespaces/${encodeURIComponent(namespace)}/workflows/${encodeURIComponent(workflowId)}`;
}

export function presentAdminOrderSummary(order: Order): z.output<typeof adminOrderSummarySchema> {
  return { ...presentOrderSummary(order), email: order.email, userId: order.userId ?? null };
}

/** What support needs to answer "did they get the email?": no body, no provider id, no dedupe key. */
export function presentOrderEmail(log: EmailLog): z.output<typeof adminOrderEmailSchema> {
  return {
    id: log.id,
    template: log.template,
    to: log.recipient,
    status: log.status,
    // A failure a later attempt overcame is history, not news.
    error: log.status === 'sent' ? null : (log.error ?? null),
    createdAt: log.createdAt.toISOString(),
    sentAt: log.sentAt?.toISOString() ?? null,
  };
}

/**
 * Everything support needs on one page, read from the database (the workflow writes every step there): the
 * whole order as recorded (lines, payment, timeline with who acted and why, parcel, refunds, invoice) plus its
 * account and the deep link to the workflow.
 */
export async function presentAdminOrder(
  deps: AppDeps,
  order: Order,
): Promise<z.output<typeof adminOrderSchema>> {
  const [record, user, process, emails] = await Promise.all([
    loadOrderRecord(deps, order),
    order.userId ? deps.db.models.User.findByPk(order.userId) : null,
    readOrderProcess(deps, order.workflowId),
    deps.db.models.EmailLog.findAll({
      where: { orderId: order.id },
      order: [
        ['createdAt', 'ASC'],
        ['id', 'ASC'],
      ],
    }),
  ]);
  return {
    ...presentStaffOrder(record, `/api/admin/orders/${order.id}/invoice`),
    userId: order.userId ?? null,
    customer: user ? { id: user.id, email: user.email, name: user.name } : null,
    workflowId: order.workflowId,
    temporalUrl: temporalUrlOf(deps, order.workflowId),
    emails: emails.map(presentOrderEmail),
    process,
  };
}
