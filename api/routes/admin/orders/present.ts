import type { z } from 'zod';
import type { Order } from '@market/db';
import type { AppDeps } from '../../../deps';
import { NotFoundError } from '../../../errors';
import { loadOrderRecord, presentOrder, presentOrderSummary } from '../../../presenters/order';
import type { adminOrderSchema, adminOrderSummarySchema } from './schema';

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

/**
 * Everything support needs on one page, read from the database (the workflow writes every step there): the
 * shopper's view of the order plus its parcel, refunds, account and the deep link to the workflow.
 */
export async function presentAdminOrder(
  deps: AppDeps,
  order: Order,
): Promise<z.output<typeof adminOrderSchema>> {
  const { Shipment, Refund, User } = deps.db.models;
  const [record, shipment, refunds, user] = await Promise.all([
    loadOrderRecord(deps, order),
    Shipment.findOne({
      where: { orderId: order.id },
      order: [
        ['createdAt', 'DESC'],
        ['id', 'DESC'],
      ],
    }),
    Refund.findAll({ where: { orderId: order.id }, order: [['id', 'ASC']] }),
    order.userId ? User.findByPk(order.userId) : null,
  ]);
  return {
    ...presentOrder(record),
    userId: order.userId ?? null,
    customer: user ? { id: user.id, email: user.email, name: user.name } : null,
    cancelReason: order.cancelReason ?? null,
    shipment: shipment && {
      carrier: shipment.carrier,
      trackingNumber: shipment.trackingNumber ?? null,
      trackingUrl: shipment.trackingUrl ?? null,
      status: shipment.status,
      shippedAt: shipment.shippedAt?.toISOString() ?? null,
      deliveredAt: shipment.deliveredAt?.toISOString() ?? null,
    },
    refunds: refunds.map((refund) => ({
      id: refund.id,
      amount: Number(refund.amount),
      currency: refund.currency,
      status: refund.status,
      reason: refund.reason ?? null,
      createdAt: refund.createdAt.toISOString(),
    })),
    // Only money the provider confirmed; a pending refund may still fail.
    refundedAmount: refunds
      .filter((refund) => refund.status === 'succeeded')
      .reduce((sum, refund) => sum + Number(refund.amount), 0),
    workflowId: order.workflowId,
    temporalUrl: temporalUrlOf(deps, order.workflowId),
  };
}
