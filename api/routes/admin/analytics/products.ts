import type { z } from 'zod';
import type { Database } from '@market/db';
import {
  SOLD_FIGURES,
  SOLD_LINES,
  SOLD_LINES_WHERE,
  soldLineReplacements,
  type SoldFiguresRow,
} from './lines';
import type { DayRange } from './range';
import type { topProductsSchema } from './schema';
import { select, toInt } from './sql';

type TopProducts = z.output<typeof topProductsSchema>;
interface ProductRow extends SoldFiguresRow {
  product_id: unknown;
  title: string;
  slug: string;
}

/** The best sellers of the range by line revenue or by units; ties go to the other figure, then the lower id. */
export async function topProducts(
  db: Database,
  range: DayRange,
  currency: string,
  by: TopProducts['by'],
  limit: number,
): Promise<TopProducts> {
  const order = by === 'units' ? 'units DESC, revenue DESC' : 'revenue DESC, units DESC';
  const rows = await select<ProductRow>(
    db,
    `SELECT oi.product_id AS product_id, p.title AS title, p.slug AS slug, ${SOLD_FIGURES}
     ${SOLD_LINES}
     ${SOLD_LINES_WHERE}
      GROUP BY oi.product_id, p.title, p.slug
      ORDER BY ${order}, oi.product_id
      LIMIT :limit`,
    { ...soldLineReplacements(range, currency), limit },
  );
  return {
    from: range.from,
    to: range.to,
    currency,
    by,
    products: rows.map((row) => ({
      productId: toInt(row.product_id),
      title: row.title,
      slug: row.slug,
      units: toInt(row.units),
      orders: toInt(row.orders),
      revenueAmount: toInt(row.revenue),
    })),
  };
}
