import type { Database } from '@market/db';
import type { Transaction } from 'sequelize';

export interface TimelineEntry {
  orderId: number;
  /** order_placed, stock_reserved, payment_authorized, status_changed, … */
  type: string;
  fromStatus?: string | null;
  toStatus?: string | null;
  data?: Record<string, unknown> | null;
}

/**
 * Appends to an order's timeline (order_events), inside the caller's transaction so an entry exists exactly when
 * the change it describes does. The API reads the timeline from here, never from Temporal.
 */
export async function addTimelineEntry(db: Database, entry: TimelineEntry, transaction: Transaction) {
  await db.models.OrderEvent.create(row(entry, new Date()), { transaction });
}

/** Several entries at once, in this order (one INSERT): steps that one activity does together. */
export async function addTimelineEntries(db: Database, entries: TimelineEntry[], transaction: Transaction) {
  const now = new Date();
  await db.models.OrderEvent.bulkCreate(
    entries.map((entry) => row(entry, now)),
    { transaction },
  );
}

const row = (entry: TimelineEntry, occurredAt: Date) => ({
  orderId: entry.orderId,
  type: entry.type,
  fromStatus: entry.fromStatus ?? null,
  toStatus: entry.toStatus ?? null,
  data: entry.data ?? null,
  occurredAt,
});
