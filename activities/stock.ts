import type { Database } from '@market/db';
import { ApplicationFailure } from '@temporalio/activity';
import { literal, Op, type Transaction, where } from 'sequelize';
import { requireDatabase } from './database';
import type { ActivityDeps } from './deps';
import { addTimelineEntry } from './timeline';

/**
 * Stock holds for orders. Every change to inventory is one conditional UPDATE (the row lock serialises racing
 * orders, and the CHECK reserved <= on_hand backs it up), and every reservation row moves held → committed or
 * held → released by a conditional UPDATE too, so a retried activity never counts a unit twice.
 */
export function createStockActivities(deps: ActivityDeps) {
  /**
   * Holds every line of the order, or none: one transaction, lines in product order (so two orders never lock
   * each other's rows in opposite orders). Short lines → OutOfStock (nonRetryable) naming the products, nothing
   * held. Idempotent: an order that already holds its stock gets its existing hold back.
   */
  async function reserveStock(input: { orderId: number; seconds: number }): Promise<{ expiresAt: string }> {
    const db = requireDatabase(deps);
    const { StockReservation, OrderItem, Order } = db.models;
    const existing = await StockReservation.findOne({ where: { orderId: input.orderId } });
    if (existing) return { expiresAt: existing.expiresAt.toISOString() };

    const order = await Order.findByPk(input.orderId, { attributes: ['userId'] });
    // holdLines takes them in product order.
    const items = await OrderItem.findAll({ where: { orderId: input.orderId } });
    const expiresAt = new Date(Date.now() + input.seconds * 1000);
    const hold = {
      orderId: input.orderId,
      lines: items,
      guest: order !== null && order.userId === null,
      guestMaxPercent: deps.guestHoldMaxPercent ?? 100,
      expiresAt,
    };
    const short = await db.sequelize
      .transaction(async (transaction) => {
        // Throwing rolls back the lines that did fit: all or nothing.
        await holdLines(db, hold, transaction);
        await addTimelineEntry(
          db,
          { orderId: input.orderId, type: 'stock_reserved', data: { expiresAt: expiresAt.toISOString() } },
          transaction,
        );
        return [];
      })
      .catch((err: unknown) => {
        if (err instanceof ShortStock) return err.productIds;
        throw err;
      });
    if (short.length) {
      throw ApplicationFailure.nonRetryable(
        `not enough stock for products ${short.join(', ')}`,
        'OutOfStock',
        short,
      );
    }
    return { expiresAt: expiresAt.toISOString() };
  }

  /** Gives held stock back (payment failed or timed out). Releasing twice releases once. */
  async function releaseStock(input: { orderId: number }): Promise<void> {
    const db = requireDatabase(deps);
    await db.sequelize.transaction(async (transaction) => {
      const released = await settleHolds(db, input.orderId, 'released', transaction);
      if (released.length) {
        await addTimelineEntry(
          db,
          { orderId: input.orderId, type: 'stock_released', data: { units: sum(released) } },
          transaction,
        );
      }
    });
  }

  return { reserveStock, releaseStock };
}

/** What holdLines holds: an order's lines, until `expiresAt`. */
export interface LinesToHold {
  orderId: number;
  lines: readonly { productId: number; quantity: number }[];
  guest: boolean;
  /** The share of a product's stock that unpaid guest orders may hold (deps.guestHoldMaxPercent). */
  guestMaxPercent: number;
  expiresAt: Date;
}

/**
 * Holds every line within `transaction`, in product order (so two orders never lock each other's rows in opposite
 * orders), and writes their reservations. Throws ShortStock naming every short product: the caller rolls the
 * transaction back, so nothing stays held.
 */
export async function holdLines(db: Database, hold: LinesToHold, transaction: Transaction): Promise<void> {
  const lines = [...hold.lines].sort((a, b) => a.productId - b.productId);
  const missing: number[] = [];
  for (const line of lines) {
    if (!(await holdUnits(db, line, hold.guest, hold.guestMaxPercent, transaction)))
      missing.push(line.productId);
  }
  if (missing.length) throw new ShortStock(missing);
  await db.models.StockReservation.bulkCreate(
    lines.map((line) => ({
      orderId: hold.orderId,
      productId: line.productId,
      quantity: line.quantity,
      expiresAt: hold.expiresAt,
      status: 'held' as const,
      guest: hold.guest,
    })),
    { transaction },
  );
}

/**
 * Holds `quantity` units of a product by one conditional UPDATE: enough available, and for a guest order, the
 * units unpaid guest orders hold stay within `guestMaxPercent` of the stock on hand (rounded up, so a guest can
 * always buy the last unit of a product nobody else holds). The row lock serialises racing orders. False: short.
 */
async function holdUnits(
  db: Database,
  item: { productId: number; quantity: number },
  guest: boolean,
  guestMaxPercent: number,
  transaction: Transaction,
): Promise<boolean> {
  const quantity = db.sequelize.escape(item.quantity);
  const enough = where(literal('on_hand - reserved'), Op.gte, item.quantity);
  // guest_reserved + q <= ceil(on_hand * p / 100), in integers: (guest_reserved + q) * 100 <= on_hand * p + 99.
  const withinGuestShare = where(
    literal(`(guest_reserved + ${quantity}) * 100`),
    Op.lte,
    literal(`on_hand * ${db.sequelize.escape(guestMaxPercent)} + 99`),
  );
  const [changed] = await db.models.Inventory.update(
    {
      reserved: literal(`reserved + ${quantity}`),
      ...(guest ? { guestReserved: literal(`guest_reserved + ${quantity}`) } : {}),
    },
    {
      where: { productId: item.productId, [Op.and]: guest ? [enough, withinGuestShare] : [enough] },
      transaction,
    },
  );
  return changed > 0;
}

/** Thrown inside a hold's transaction to roll it back: the products short of stock. */
export class ShortStock extends Error {
  constructor(readonly productIds: number[]) {
    super('short stock');
  }
}

const sum = (holds: { quantity: number }[]) => holds.reduce((total, h) => total + h.quantity, 0);

/**
 * Moves the order's held reservations to `to`, each by a conditional UPDATE on its status, and takes them out of
 * inventory.reserved (and, when committed, out of on_hand). Returns the reservations this call moved.
 */
async function settleHolds(
  db: Database,
  orderId: number,
  to: 'released' | 'committed',
  transaction: Transaction,
): Promise<{ productId: number; quantity: number }[]> {
  const { StockReservation, Inventory } = db.models;
  const holds = await StockReservation.findAll({
    where: { orderId, status: 'held' },
    order: [['productId', 'ASC']],
    transaction,
  });
  const moved: { productId: number; quantity: number }[] = [];
  for (const hold of holds) {
    const [changed] = await StockReservation.update(
      { status: to },
      { where: { id: hold.id, status: 'held' }, transaction },
    );
    if (!changed) continue;
    const quantity = db.sequelize.escape(hold.quantity);
    await Inventory.update(
      {
        reserved: literal(`reserved - ${quantity}`),
        ...(hold.guest ? { guestReserved: literal(`guest_reserved - ${quantity}`) } : {}),
        ...(to === 'committed' ? { onHand: literal(`on_hand - ${quantity}`) } : {}),
      },
      { where: { productId: hold.productId }, transaction },
    );
    moved.push({ productId: hold.productId, quantity: hold.quantity });
  }
  return moved;
}

/** Paid: held units leave the shelf for good, each with a `sale` row in the stock ledger. */
export async function commitHeldStock(
  db: Database,
  order: { id: number; number: string },
  transaction: Transaction,
): Promise<void> {
  const committed = await settleHolds(db, order.id, 'committed', transaction);
  await db.models.StockMovement.bulkCreate(
    committed.map((hold) => ({
      productId: hold.productId,
      delta: -hold.quantity,
      reason: 'sale' as const,
      reference: order.number,
      actorUserId: null,
    })),
    { transaction },
  );
}
