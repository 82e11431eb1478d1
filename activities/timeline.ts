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
  await db.models.OrderEvent.create(
    {
      orderId: entry.orderId,
      type: entry.type,
      fromStatus: entry.fromStatus ?? null,
      toStatus: entry.toStatus ?? null,
      data: entry.data ?? null,
      occurredAt: new Date(),
    },
    { transaction },
  );
}
