import type { Database, OrderStatus } from '@market/db';
import { ApplicationFailure } from '@temporalio/activity';
import type { Transaction } from 'sequelize';
import { addTimelineEntry } from './timeline';

/**
 * Moves the order from `from`, its one possible status, to `to` with the timeline entry, without reading the
 * order first: the conditional UPDATE locks the row and says whether the order was in `from`, and the entry's
 * fromStatus is known. False when it was not (a retried activity whose first attempt already did it); InvalidOrder
 * when there is no such order. The moves with several possible `from` read the locked order instead.
 */
export async function moveFrom(
  db: Database,
  orderId: number,
  from: OrderStatus,
  to: OrderStatus,
  transaction: Transaction,
  extra: { set?: { failureReason?: string; cancelReason?: string }; data?: Record<string, unknown> } = {},
): Promise<boolean> {
  const [changed] = await db.models.Order.update(
    { status: to, ...extra.set },
    { where: { id: orderId, status: from }, transaction },
  );
  if (!changed) {
    const order = await db.models.Order.findByPk(orderId, { attributes: ['id'], transaction });
    if (!order) throw ApplicationFailure.nonRetryable(`order ${orderId} does not exist`, 'InvalidOrder');
    return false;
  }
  await addTimelineEntry(
    db,
    { orderId, type: 'status_changed', fromStatus: from, toStatus: to, data: extra.data ?? null },
    transaction,
  );
  return true;
}
