import type { AddressSnapshot, Database, Order, OrderStatus } from '@market/db';
import { ApplicationFailure } from '@temporalio/activity';
import { Op, type Transaction, UniqueConstraintError } from 'sequelize';
import { requireDatabase } from './database';
import { moveFrom } from './order-status';
import type { ActivityDeps } from './deps';
import { commitHeldStock, createStockActivities, holdLines, ShortStock } from './stock';
import { addTimelineEntries, addTimelineEntry, type TimelineEntry } from './timeline';

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

/** What placeOrderAndHold answers: the order, and its stock held until `expiresAt` or the products short of it. */
export interface PlacedOrder {
  orderId: number;
  hold: { expiresAt: string } | { shortProductIds: number[] };
}

/** The order's row and lines (status pending), in the caller's transaction. Returns its id. */
async function writeOrder(db: Database, input: PlaceOrderInput, transaction: Transaction): Promise<number> {
  const { lines, ...order } = input;
  const row = await db.models.Order.create({ ...order, status: 'pending' }, { transaction });
  await db.models.OrderItem.bulkCreate(
    lines.map((line) => ({ ...line, orderId: row.id })),
    { transaction },
  );
  return row.id;
}

const placedEntry = (orderId: number, input: PlaceOrderInput): TimelineEntry => ({
  orderId,
  type: 'order_placed',
  toStatus: 'pending',
  data: { totalAmount: input.totalAmount, currency: input.currency, lines: input.lines.length },
});

/** The id of the order this workflow placed, or null. */
async function orderOfWorkflow(db: Database, workflowId: string): Promise<number | null> {
  const row = await db.models.Order.findOne({ where: { workflowId }, attributes: ['id'] });
  return row?.id ?? null;
}

/**
 * After writing the order failed: the order a concurrent attempt of this workflow placed (its unique workflow id
 * clashed), or InvalidOrder when another workflow holds its number or key, which retrying cannot fix. Any other
 * error is thrown again.
 */
async function racedOrder(db: Database, err: unknown, input: PlaceOrderInput): Promise<number> {
  if (!(err instanceof UniqueConstraintError)) throw err;
  const raced = await orderOfWorkflow(db, input.workflowId);
  if (raced !== null) return raced;
  throw ApplicationFailure.nonRetryable(`order ${input.number} clashes with another order`, 'InvalidOrder');
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
  const stock = createStockActivities(deps);

  /** Writes the order and its lines once per workflow (workflow_id is unique): a retry finds the first write. */
  async function placeOrder(input: PlaceOrderInput): Promise<{ orderId: number }> {
    const db = requireDatabase(deps);
    const existing = await orderOfWorkflow(db, input.workflowId);
    if (existing !== null) return { orderId: existing };
    try {
      return await db.sequelize.transaction(async (transaction) => {
        const orderId = await writeOrder(db, input, transaction);
        await addTimelineEntry(db, placedEntry(orderId, input), transaction);
        return { orderId };
      });
    } catch (err) {
      return { orderId: await racedOrder(db, err, input) };
    }
  }

  /** reserveStock's answer as PlacedOrder's hold: OutOfStock becomes the products short of stock. */
  async function holdAgain(orderId: number, seconds: number): Promise<PlacedOrder> {
    try {
      return { orderId, hold: await stock.reserveStock({ orderId, seconds }) };
    } catch (err) {
      if (!(err instanceof ApplicationFailure) || err.type !== 'OutOfStock') throw err;
      return { orderId, hold: { shortProductIds: (err.details?.[0] as number[] | undefined) ?? [] } };
    }
  }

  /**
   * placeOrder and reserveStock in one transaction (orders since patched('fewer-steps')): the order, its lines,
   * the held stock, its reservations and both timeline entries, or, when a line is short, the order alone (placed
   * in a transaction of its own, as placeOrder would) and the products short of stock. Idempotent like the two: a
   * retry's INSERT clashes on the unique workflow id (nothing is read first: a first run is the common case), and
   * the retry finds the order by its workflow id and gets its existing hold back, or the stock held now.
   */
  async function placeOrderAndHold(input: PlaceOrderInput & { holdSeconds: number }): Promise<PlacedOrder> {
    const db = requireDatabase(deps);
    const { holdSeconds, ...order } = input;
    const expiresAt = new Date(Date.now() + holdSeconds * 1000);
    try {
      return await db.sequelize.transaction(async (transaction) => {
        const orderId = await writeOrder(db, order, transaction);
        const hold = {
          orderId,
          lines: order.lines,
          guest: order.userId === null,
          guestMaxPercent: deps.guestHoldMaxPercent ?? 100,
          expiresAt,
        };
        await holdLines(db, hold, transaction);
        const reserved = { orderId, type: 'stock_reserved', data: { expiresAt: expiresAt.toISOString() } };
        await addTimelineEntries(db, [placedEntry(orderId, order), reserved], transaction);
        return { orderId, hold: { expiresAt: expiresAt.toISOString() } };
      });
    } catch (err) {
      if (err instanceof ShortStock) {
        const { orderId } = await placeOrder(order);
        return { orderId, hold: { shortProductIds: err.productIds } };
      }
      return holdAgain(await racedOrder(db, err, order), holdSeconds);
    }
  }

  async function markOrder(input: { orderId: number; status: 'awaiting_payment' }): Promise<void> {
    const db = requireDatabase(deps);
    await db.sequelize.transaction((transaction) =>
      moveFrom(db, input.orderId, 'pending', input.status, transaction),
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

  return { placeOrder, placeOrderAndHold, markOrder, completeOrder, failOrder };
}
