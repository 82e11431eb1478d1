import type { Database, OrderStatus } from '@market/db';
import { ApplicationFailure } from '@temporalio/activity';
import { literal, type Transaction } from 'sequelize';
import { requireDatabase } from './database';
import { moveFrom } from './order-status';
import { refundCaptured } from './refunds';
import type { ActivityDeps } from './deps';
import { addTimelineEntry } from './timeline';

/**
 * Moves the order from one of `from` to `to` with its timeline entry; false when it was not in any of them (a
 * retried activity whose first attempt already did it). The one writer of order status after payment. With one
 * `from` (paid → processing, processing → shipped, …) no read comes first (moveFrom).
 */
async function move(
  db: Database,
  orderId: number,
  from: OrderStatus[],
  to: OrderStatus,
  transaction: Transaction,
  extra: { cancelReason?: string; data?: Record<string, unknown> } = {},
): Promise<boolean> {
  if (from.length === 1) {
    const set = extra.cancelReason ? { cancelReason: extra.cancelReason.slice(0, 255) } : {};
    return moveFrom(db, orderId, from[0]!, to, transaction, { set, data: extra.data });
  }
  const order = await db.models.Order.findByPk(orderId, { transaction, lock: transaction.LOCK.UPDATE });
  if (!order) throw ApplicationFailure.nonRetryable(`order ${orderId} does not exist`, 'InvalidOrder');
  if (!from.includes(order.status)) return false;
  await db.models.Order.update(
    { status: to, ...(extra.cancelReason ? { cancelReason: extra.cancelReason.slice(0, 255) } : {}) },
    { where: { id: orderId }, transaction },
  );
  await addTimelineEntry(
    db,
    { orderId, type: 'status_changed', fromStatus: order.status, toStatus: to, data: extra.data ?? null },
    transaction,
  );
  return true;
}

/** Activities of an order's life after payment. Each is idempotent, like the ones before it. */
export function createFulfilmentActivities(deps: ActivityDeps) {
  async function setOrderStatus(input: {
    orderId: number;
    from: OrderStatus[];
    to: OrderStatus;
  }): Promise<void> {
    const db = requireDatabase(deps);
    await db.sequelize.transaction((transaction) =>
      move(db, input.orderId, input.from, input.to, transaction),
    );
  }

  /** processing → shipped, with the shipment row (one per order and tracking number). */
  async function recordShipment(input: {
    orderId: number;
    carrier: string;
    trackingNumber: string;
    trackingUrl: string | null;
  }): Promise<void> {
    const db = requireDatabase(deps);
    await db.sequelize.transaction(async (transaction) => {
      const { carrier, trackingNumber, trackingUrl } = input;
      if (!(await move(db, input.orderId, ['processing'], 'shipped', transaction))) return;
      const now = new Date();
      await db.models.Shipment.create(
        {
          orderId: input.orderId,
          carrier,
          trackingNumber,
          trackingUrl,
          status: 'shipped',
          shippedAt: now,
          lastEventAt: now,
        },
        { transaction },
      );
      await addTimelineEntry(
        db,
        { orderId: input.orderId, type: 'shipment_shipped', data: { carrier, trackingNumber, trackingUrl } },
        transaction,
      );
    });
  }

  /** shipped → delivered. */
  async function recordDelivery(input: { orderId: number }): Promise<void> {
    const db = requireDatabase(deps);
    await db.sequelize.transaction(async (transaction) => {
      if (!(await move(db, input.orderId, ['shipped'], 'delivered', transaction))) return;
      const now = new Date();
      await db.models.Shipment.update(
        { status: 'delivered', deliveredAt: now, lastEventAt: now },
        { where: { orderId: input.orderId, status: 'shipped' }, transaction },
      );
      await addTimelineEntry(db, { orderId: input.orderId, type: 'shipment_delivered' }, transaction);
    });
  }

  /** Cancelled by the shopper or staff (after the payment was voided or refunded). */
  async function cancelOrder(input: { orderId: number; by: string; reason: string }): Promise<void> {
    const db = requireDatabase(deps);
    await db.sequelize.transaction((transaction) =>
      move(
        db,
        input.orderId,
        ['pending', 'awaiting_payment', 'paid', 'processing'],
        'cancelled',
        transaction,
        {
          cancelReason: `${input.by}: ${input.reason}`,
          data: { by: input.by, reason: input.reason },
        },
      ),
    );
  }

  /**
   * Puts sold units of a cancelled order back on the shelf: committed reservations move to released by a
   * conditional UPDATE each, with on_hand + quantity and a `return` row in the stock ledger.
   */
  async function restockOrder(input: { orderId: number }): Promise<void> {
    const db = requireDatabase(deps);
    const { StockReservation, Inventory, StockMovement, Order } = db.models;
    await db.sequelize.transaction(async (transaction) => {
      const order = await Order.findByPk(input.orderId, { attributes: ['number'], transaction });
      const holds = await StockReservation.findAll({
        where: { orderId: input.orderId, status: 'committed' },
        order: [['productId', 'ASC']],
        transaction,
      });
      let units = 0;
      for (const hold of holds) {
        const [changed] = await StockReservation.update(
          { status: 'released' },
          { where: { id: hold.id, status: 'committed' }, transaction },
        );
        if (!changed) continue;
        await Inventory.update(
          { onHand: literal(`on_hand + ${db.sequelize.escape(hold.quantity)}`) },
          { where: { productId: hold.productId }, transaction },
        );
        await StockMovement.create(
          {
            productId: hold.productId,
            delta: hold.quantity,
            reason: 'return',
            reference: order?.number ?? null,
            actorUserId: null,
          },
          { transaction },
        );
        units += hold.quantity;
      }
      if (units) {
        await addTimelineEntry(
          db,
          { orderId: input.orderId, type: 'stock_restocked', data: { units } },
          transaction,
        );
      }
    });
  }

  return { setOrderStatus, recordShipment, recordDelivery, cancelOrder, restockOrder, refundOrder };

  /**
   * Gives money back on the order's captured payment (refundCaptured: one row per idempotency key, the provider,
   * then the totals). Returns what is refunded so far.
   */
  async function refundOrder(input: {
    orderId: number;
    amount: number;
    idempotencyKey: string;
    reason: string | null;
    by: string;
  }): Promise<{ refundedAmount: number }> {
    const db = requireDatabase(deps);
    if (!deps.payments) {
      throw ApplicationFailure.nonRetryable('the worker has no payment provider', 'PaymentsNotConfigured');
    }
    const { Payment } = db.models;
    const payment = await Payment.findOne({ where: { orderId: input.orderId, status: 'captured' } });
    if (!payment) {
      throw ApplicationFailure.nonRetryable(`order ${input.orderId} has no captured payment`, 'InvalidOrder');
    }
    await refundCaptured(db, deps.payments, payment, input);
    const after = await Payment.findByPk(payment.id);
    return { refundedAmount: Number(after!.refundedAmount) };
  }
}
