import type { z } from 'zod';
import type { Database } from '@market/db';
import type { openOrdersSchema } from './schema';
import { select, toDate, toInt } from './sql';
import { OPEN_STATUSES, type OpenStatus } from './statuses';

type OpenOrders = z.output<typeof openOrdersSchema>;
interface StatusRow {
  status: OpenStatus;
  n: unknown;
  stuck: unknown;
  oldest: unknown;
}

const HOUR_MS = 60 * 60 * 1000;

/**
 * Orders in each open status now, and how many of them are stuck: not updated (`orders.updated_at`, which every
 * status change and every recorded action moves) for longer than `stuckAfterHours`. Any currency, any age.
 */
export async function openOrders(db: Database, stuckAfterHours: number, now: Date): Promise<OpenOrders> {
  const rows = await select<StatusRow>(
    db,
    `SELECT o.status AS status, COUNT(*) AS n,
            SUM(CASE WHEN o.updated_at < :cutoff THEN 1 ELSE 0 END) AS stuck,
            MIN(o.updated_at) AS oldest
       FROM orders o
      WHERE o.status IN (:statuses)
      GROUP BY o.status`,
    { statuses: OPEN_STATUSES, cutoff: new Date(now.getTime() - stuckAfterHours * HOUR_MS) },
  );
  const byStatus = new Map(rows.map((row) => [row.status, row]));
  const statuses = OPEN_STATUSES.map((status) => {
    const row = byStatus.get(status);
    return {
      status,
      count: toInt(row?.n),
      stuck: toInt(row?.stuck),
      oldestUpdatedAt: toDate(row?.oldest)?.toISOString() ?? null,
    };
  });
  return {
    asOf: now.toISOString(),
    stuckAfterHours,
    totals: {
      open: statuses.reduce((total, s) => total + s.count, 0),
      stuck: statuses.reduce((total, s) => total + s.stuck, 0),
    },
    statuses,
  };
}
