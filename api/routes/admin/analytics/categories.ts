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
import type { categoriesSchema } from './schema';
import { select, toInt } from './sql';

type Categories = z.output<typeof categoriesSchema>;
interface CategoryRow extends SoldFiguresRow {
  category_id: unknown;
  name: string | null;
  slug: string | null;
}

/** Bounds the walk down the tree, as the category admin bounds the walk up: a corrupt tree cannot loop. */
const MAX_DEPTH = 100;

/**
 * Each category with its top-level ancestor (`tree.id` → `tree.root_id`), walked down from the roots. Both
 * engines run WITH RECURSIVE (MariaDB since 10.2, SQLite since 3.8.3).
 */
const ROOTS = `WITH RECURSIVE tree (id, root_id, depth) AS (
         SELECT id, id, 0 FROM categories WHERE parent_id IS NULL
          UNION ALL
         SELECT c.id, tree.root_id, tree.depth + 1 FROM categories c JOIN tree ON c.parent_id = tree.id
          WHERE tree.depth < ${MAX_DEPTH})`;

function categorySql(level: Categories['level']): string {
  const group = 'c.id, c.name, c.slug';
  const order = 'ORDER BY revenue DESC, units DESC, c.id';
  if (level === 'category') {
    return `SELECT c.id AS category_id, c.name AS name, c.slug AS slug, ${SOLD_FIGURES}
     ${SOLD_LINES}
       LEFT JOIN categories c ON c.id = p.category_id
     ${SOLD_LINES_WHERE}
      GROUP BY ${group} ${order}`;
  }
  return `${ROOTS}
     SELECT c.id AS category_id, c.name AS name, c.slug AS slug, ${SOLD_FIGURES}
     ${SOLD_LINES}
       LEFT JOIN tree ON tree.id = p.category_id
       LEFT JOIN categories c ON c.id = tree.root_id
     ${SOLD_LINES_WHERE}
      GROUP BY ${group} ${order}`;
}

/** Line revenue per category for the range; products without a category form one row with `categoryId: null`. */
export async function revenueByCategory(
  db: Database,
  range: DayRange,
  currency: string,
  level: Categories['level'],
): Promise<Categories> {
  const rows = await select<CategoryRow>(db, categorySql(level), soldLineReplacements(range, currency));
  return {
    from: range.from,
    to: range.to,
    currency,
    level,
    categories: rows.map((row) => ({
      categoryId: row.category_id === null ? null : toInt(row.category_id),
      name: row.name,
      slug: row.slug,
      units: toInt(row.units),
      orders: toInt(row.orders),
      revenueAmount: toInt(row.revenue),
    })),
  };
}
