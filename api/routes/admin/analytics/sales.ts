import type { z } from 'zod';
import type { Database } from '@market/db';
import { daysOf, type DayRange } from './range';
import type { salesSchema } from './schema';
import { dayOf, select, toInt } from './sql';
import { REVENUE_STATUSES } from './statuses';

type Sales = z.output<typeof salesSchema>;
interface DayRow {
  day: string;
  orders: unknown;
  gross: unknown;
}
interface RefundRow {
  day: string;
  refunded: unknown;
}

/** Orders in a revenue status placed in the range (the shop's currency only), summed per UTC day. */
function ordersPerDay(db: Database, range: DayRange, currency: string): Promise<DayRow[]> {
  const day = dayOf(db, 'o.created_at');
  return select<DayRow>(
    db,
    `SELECT ${day} AS day, COUNT(*) AS orders, SUM(o.total_amount) AS gross
       FROM orders o
      WHERE o.status IN (:statuses) AND o.currency = :currency
        AND o.created_at >= :start AND o.created_at < :end
      GROUP BY ${day}`,
    { statuses: REVENUE_STATUSES, currency, start: range.start, end: range.end },
  );
}

/** Succeeded refunds of those same orders, per day the order was placed (not the day of the refund). */
function refundsPerDay(db: Database, range: DayRange, currency: string): Promise<RefundRow[]> {
  const day = dayOf(db, 'o.created_at');
  return select<RefundRow>(
    db,
    `SELECT ${day} AS day, SUM(r.amount) AS refunded
       FROM refunds r
       JOIN orders o ON o.id = r.order_id
      WHERE r.status = 'succeeded'
        AND o.status IN (:statuses) AND o.currency = :currency
        AND o.created_at >= :start AND o.created_at < :end
      GROUP BY ${day}`,
    { statuses: REVENUE_STATUSES, currency, start: range.start, end: range.end },
  );
}

/** Integer division rounded half up; null for nothing to divide by. */
export const divideRounded = (numerator: number, denominator: number): number | null =>
  denominator === 0 ? null : Math.floor((2 * numerator + denominator) / (2 * denominator));

export async function salesReport(db: Database, range: DayRange, currency: string): Promise<Sales> {
  const [orderRows, refundRows] = await Promise.all([
    ordersPerDay(db, range, currency),
    refundsPerDay(db, range, currency),
  ]);
  const orders = new Map(orderRows.map((row) => [row.day, row]));
  const refunds = new Map(refundRows.map((row) => [row.day, toInt(row.refunded)]));
  const days = daysOf(range).map((date) => {
    const row = orders.get(date);
    const grossAmount = toInt(row?.gross);
    const refundedAmount = refunds.get(date) ?? 0;
    return {
      date,
      orders: toInt(row?.orders),
      grossAmount,
      refundedAmount,
      netAmount: grossAmount - refundedAmount,
    };
  });
  const sum = (key: 'orders' | 'grossAmount' | 'refundedAmount') =>
    days.reduce((total, day) => total + day[key], 0);
  const totals = {
    orders: sum('orders'),
    grossAmount: sum('grossAmount'),
    refundedAmount: sum('refundedAmount'),
  };
  return {
    from: range.from,
    to: range.to,
    currency,
    totals: {
      ...totals,
      netAmount: totals.grossAmount - totals.refundedAmount,
      averageOrderAmount: divideRounded(totals.grossAmount, totals.orders),
    },
    days,
  };
}
