import type { DayRange } from './range';
import { SOLD_STATUSES } from './statuses';

/**
 * The order lines products and categories are ranked on: lines of orders in a sold status, in the shop's currency,
 * placed in the range, each with its product (`p`). Use with `soldLineReplacements`.
 */
export const SOLD_LINES = `
       FROM order_items oi
       JOIN orders o ON o.id = oi.order_id
       JOIN products p ON p.id = oi.product_id`;

export const SOLD_LINES_WHERE = `
      WHERE o.status IN (:statuses) AND o.currency = :currency
        AND o.created_at >= :start AND o.created_at < :end`;

/** The figures of a group of sold lines. */
export const SOLD_FIGURES = `SUM(oi.quantity) AS units, COUNT(DISTINCT o.id) AS orders,
            SUM(oi.line_total_amount) AS revenue`;

export const soldLineReplacements = (range: DayRange, currency: string) => ({
  statuses: SOLD_STATUSES,
  currency,
  start: range.start,
  end: range.end,
});

export interface SoldFiguresRow {
  units: unknown;
  orders: unknown;
  revenue: unknown;
}
