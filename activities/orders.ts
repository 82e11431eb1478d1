import type { AddressSnapshot, Database, Order, OrderStatus } from '@market/db';
import { ApplicationFailure } from '@temporalio/activity';
import { Op, type Transaction, UniqueConstraintError } from 'sequelize';
import { requireDatabase } from './database';
import type { ActivityDeps } from './deps';
import { commitHeldStock } from './stock';
import { addTimelineEntry } from './timeline';

/** A line of an order as checkout priced it: the product's title and price at that moment. */
export interface OrderLine {
  productId: number;
  title: string;
  unitPriceAmount: number;
  quantity: number;
  lineTotalAmount: number;
}

/** What placeOrder writes: the order workflow's input (see OrderInput in @market/workflows) and its own id. */
export interface PlaceOrderInput {
  workflowId: string;
  /** Derived from the checkout's scoped Idempotency-Key: M-XXXX-XXXX-XXXX. */
  number: string;
  userId: number | null;
  email: string;
  guestTokenHash: string | null;
  /** The Idempotency-Key with its owner in front (`user:42:<key>`). */
  idempotencyKey: string;
  /** SHA-256 of the checkout body: the same key with another body is refused by the checkout update. */
  requestHash: string;
  currency: string;
  lines: OrderLine[];
  subtotalAmount: number;
  shippingAmount: number;
  taxAmount: number;
  totalAmount: number;
  shippingAddress: AddressSnapshot;
}

/**
 * Changes an order's status only from one of `from`: one conditional UPDATE, plus its timeline entry. Returns the
 * order as it was before (locked for the transaction), or null when it was not in any of them (a retried activity
 * whose first attempt already did it).
 */
async function moveStatus(
  db: Database,
  orderId: number,
  from: OrderStatus[],
  to: OrderStatus,
  transaction: Transaction,
  extra: { failureReason?: string; data?: Record<string, unknown> } = {},
): Promise<Order | null> {
  const order = await db.models.Order.findByPk(orderId, { transaction, lock: transaction.LOCK.UPDATE });
  if (!order) throw ApplicationFailure.nonRetryable(`order ${orderId} does not exist`, 'InvalidOrder');
  if (!from.includes(order.status)) return null;
  const [changed] = await db.models.Order.update(
    { status: to, ...(extra.failureReason ? { failureReason: extra.failureReason } : {}) },
    { where: { id: orderId, status: { [Op.in]: from } }, transaction },
  );
  if (!changed) return null;
  await addTimelineEntry(
    db,
    { orderId, type: 'status_changed', fromStatus: order.status, toStatus: to, data: extra.data ?? null },
    transaction,
  );
  return order;
}

/** Activities that write orders. Each is idempotent: Temporal may run any of them again after a crash. */
export function createOrderActivities(deps: ActivityDeps) {
  /** Writes the order and its lines once per workflow (workflow_id is unique): a retry finds the first write. */
  async function placeOrder(input: PlaceOrderInput): Promise<{ orderId: number }> {
    const db = requireDatabase(deps);
    const existing = await db.models.Order.findOne({ where: { workflowId: input.workflowId } });
    if (existing) return { orderId: existing.id };
    try {
      return await db.sequelize.transaction(async (transaction) => {
        const { lines, ...order } = input;
        const row = await db.models.Order.create({ ...order, status: 'pending' }, { transaction });
        await db.models.OrderItem.bulkCreate(
          lines.map((line) => ({ ...line, orderId: row.id })),
          { transaction },
        );
        await addTimelineEntry(
          db,
          {
            orderId: row.id,
            type: 'order_placed',
            toStatus: 'pending',
            data: { totalAmount: input.totalAmount, currency: input.currency, lines: lines.length },
          },
          transaction,
        );
        return { orderId: row.id };
      });
    } catch (err) {
      if (!(err instanceof UniqueConstraintError)) throw err;
      const raced = await db.models.Order.findOne({ where: { workflowId: input.workflowId } });
      if (raced) return { orderId: raced.id };
      // Another workflow holds this number or key: retrying cannot fix it.
      throw ApplicationFailure.nonRetryable(
        `order ${input.number} clashes with another order`,
        'InvalidOrder',
      );
    }
  }

  async function markOrder(input: { orderId: number; status: 'awaiting_payment' }): Promise<void> {
    const db = requireDatabase(deps);
    await db.sequelize.transaction((transaction) =>
      moveStatus(db, input.orderId, ['pending'], input.status, transaction),
    );
  }

  /** Paid: the held stock becomes sold (ledger rows) and the order is marked paid, in one transaction. */
  async function completeOrder(input: { orderId: number }): Promise<void> {
    const db = requireDatabase(deps);
    await db.sequelize.transaction(async (transaction) => {
      const order = await moveStatus(db, input.orderId, ['pending', 'awaiting_payment'], 'paid', transaction);
      if (order) await commitHeldStock(db, order, transaction);
    });
  }

  async function failOrder(input: { orderId: number; reason: string }): Promise<void> {
    const db = requireDatabase(deps);
    await db.sequelize.transaction((transaction) =>
      moveStatus(db, input.orderId, ['pending', 'awaiting_payment'], 'failed', transaction, {
        failureReason: input.reason,
        data: { reason: input.reason },
      }),
    );
  }

  return { placeOrder, markOrder, completeOrder, failOrder };
}
