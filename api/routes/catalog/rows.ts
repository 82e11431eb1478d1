import { QueryTypes } from 'sequelize';
import type { AppDeps } from '../../deps';
import type { ImageRow, ProductRow } from '../../presenters/product';

/**
 * The catalog's reads as plain SQL, for the uncached product pages and listings: no query building and no model
 * instances, which were most of their time in Sequelize (see docs/benchmarks.md, "Where the time goes"). Portable
 * SQL: the same text runs on MariaDB and on the embedded SQLite.
 */
const SUMMARY_COLUMNS =
  'p.id AS id, p.slug AS slug, p.title AS title, p.price_amount AS priceAmount, p.currency AS currency, ' +
  'p.rating_average AS ratingAverage, p.rating_count AS ratingCount, i.on_hand AS onHand, ' +
  'i.reserved AS reserved, i.low_stock_threshold AS lowStockThreshold';
const WITH_STOCK = 'FROM products p LEFT JOIN inventory i ON i.product_id = p.id';
/** The product's first image (position, then id) in the same row: one query for a list and its thumbnails. */
const THUMBNAIL_KEY =
  '(SELECT im.storage_key FROM product_images im WHERE im.product_id = p.id ' +
  'ORDER BY im.position ASC, im.id ASC LIMIT 1) AS thumbnailKey';

/** A product of a list: its stock and its first image's storage key (null: no image). */
export type SummaryRow = ProductRow & { thumbnailKey: string | null };

type Flat = Omit<ProductRow, 'inventory'> & {
  onHand: number | null;
  reserved: number | null;
  lowStockThreshold: number | null;
};

function withInventory<T extends Flat>(
  row: T,
): Omit<T, 'onHand' | 'reserved' | 'lowStockThreshold'> & ProductRow {
  const { onHand, reserved, lowStockThreshold, ...rest } = row;
  return { ...rest, inventory: inventoryOf({ onHand, reserved, lowStockThreshold }) };
}

/** A row's stock columns (null without an inventory row, as a LEFT JOIN gives them) as the presenters take them. */
export function inventoryOf(row: {
  onHand: number | string | null;
  reserved: number | string | null;
  lowStockThreshold: number | string | null;
}): ProductRow['inventory'] {
  return row.onHand === null
    ? null
    : {
        onHand: Number(row.onHand),
        reserved: Number(row.reserved),
        lowStockThreshold: Number(row.lowStockThreshold),
      };
}

const select = <T extends object>(deps: Pick<AppDeps, 'db'>, sql: string, replacements: unknown[]) =>
  deps.db.sequelize.query<T>(sql, { replacements, type: QueryTypes.SELECT });

/**
 * A read sent two ways: on SQLite its values bound (`$1`…) on the database's reader connection, which prepares the
 * text once however the values change and skips Sequelize; on MariaDB inlined, since a bound value there means a
 * server-side prepared statement, which was slower (docs/benchmarks.md).
 */
export async function selectBoundOnSqlite<T extends object>(
  deps: Pick<AppDeps, 'db'>,
  sqlite: { sql: string; bind: unknown[] },
  mysql: { sql: string; replacements: unknown[] },
): Promise<T[]> {
  const { reader } = deps.db;
  return reader ? reader.all<T>(sqlite.sql, sqlite.bind) : select<T>(deps, mysql.sql, mysql.replacements);
}

export type PageRow = ProductRow & { description: string; categoryId: number | null };

/** The active product with this slug and its stock, or null. */
export async function productBySlug(deps: Pick<AppDeps, 'db'>, slug: string): Promise<PageRow | null> {
  const [row] = await select<Flat & { description: string; categoryId: number | null }>(
    deps,
    `SELECT ${SUMMARY_COLUMNS}, p.description AS description, p.category_id AS categoryId ${WITH_STOCK} ` +
      "WHERE p.slug = ? AND p.status = 'active' LIMIT 1",
    [slug],
  );
  return row ? withInventory(row) : null;
}

/** Active products among `ids`, with their stock and first image, in no particular order. */
export async function activeProducts(
  deps: Pick<AppDeps, 'db'>,
  ids: readonly number[],
): Promise<SummaryRow[]> {
  if (!ids.length) return [];
  const sql = `SELECT ${SUMMARY_COLUMNS}, ${THUMBNAIL_KEY} ${WITH_STOCK} WHERE p.id IN (?) AND p.status = 'active'`;
  // On SQLite the ids are one JSON array, so the text is the same whatever the page's ids and their count.
  const rows = await selectBoundOnSqlite<Flat & { thumbnailKey: string | null }>(
    deps,
    { sql: sql.replace('IN (?)', 'IN (SELECT value FROM json_each($1))'), bind: [JSON.stringify(ids)] },
    { sql, replacements: [ids] },
  );
  return rows.map(withInventory);
}

/** The best-rated other active products of a category (ties by id), with their stock and first image. */
export async function relatedProducts(
  deps: Pick<AppDeps, 'db'>,
  categoryId: number,
  exceptId: number,
  limit: number,
): Promise<SummaryRow[]> {
  const rows = await select<Flat & { thumbnailKey: string | null }>(
    deps,
    `SELECT ${SUMMARY_COLUMNS}, ${THUMBNAIL_KEY} ${WITH_STOCK} ` +
      "WHERE p.category_id = ? AND p.status = 'active' AND p.id <> ? " +
      'ORDER BY p.rating_average DESC, p.id ASC LIMIT ?',
    [categoryId, exceptId, limit],
  );
  return rows.map(withInventory);
}

export type ImageOfProduct = ImageRow & { id: number; productId: number };

/** The images of these products, each product's in page order (position, then id). */
export function imagesOf(
  deps: Pick<AppDeps, 'db'>,
  productIds: readonly number[],
): Promise<ImageOfProduct[]> {
  if (!productIds.length) return Promise.resolve([]);
  return select<ImageOfProduct>(
    deps,
    'SELECT id, product_id AS productId, storage_key AS storageKey, alt, width, height FROM product_images ' +
      'WHERE product_id IN (?) ORDER BY position ASC, id ASC',
    [productIds],
  );
}

/** The tags of a product. */
export function tagsOf(deps: Pick<AppDeps, 'db'>, productId: number) {
  return select<{ slug: string; name: string }>(
    deps,
    'SELECT t.slug AS slug, t.name AS name FROM tags t JOIN product_tags pt ON pt.tag_id = t.id ' +
      'WHERE pt.product_id = ?',
    [productId],
  );
}

/** The whole category tree, read now (catalog-index.ts keeps one per generation for the pages it serves). */
export function allCategoriesNow(deps: Pick<AppDeps, 'db'>) {
  return select<{ id: number; parentId: number | null; slug: string; name: string }>(
    deps,
    'SELECT id, parent_id AS parentId, slug, name FROM categories',
    [],
  );
}

type Stock = NonNullable<ProductRow['inventory']>;

/**
 * The stock of these products by id (a product without an inventory row is absent). On SQLite the rows come back
 * as one JSON text (`json_group_array`): one row to hand over from the native side instead of one per product,
 * which made the read 40 % cheaper (22 µs instead of 37 for a page of 20, docs/benchmarks.md tenth step).
 */
export async function stockOf(
  deps: Pick<AppDeps, 'db'>,
  ids: readonly number[],
): Promise<Map<number, Stock>> {
  const stock = new Map<number, Stock>();
  if (!ids.length) return stock;
  const { reader } = deps.db;
  if (reader) {
    const [row] = reader.all<{ rows: string | null }>(
      'SELECT json_group_array(json_array(product_id, on_hand, reserved, low_stock_threshold)) AS rows ' +
        'FROM inventory WHERE product_id IN (SELECT value FROM json_each($1))',
      [JSON.stringify(ids)],
    );
    for (const [id, onHand, reserved, lowStockThreshold] of JSON.parse(row?.rows ?? '[]') as number[][]) {
      stock.set(id!, { onHand: onHand!, reserved: reserved!, lowStockThreshold: lowStockThreshold! });
    }
    return stock;
  }
  const rows = await select<{ id: number; onHand: number; reserved: number; lowStockThreshold: number }>(
    deps,
    'SELECT product_id AS id, on_hand AS onHand, reserved AS reserved, low_stock_threshold AS lowStockThreshold ' +
      'FROM inventory WHERE product_id IN (?)',
    [ids],
  );
  for (const row of rows) stock.set(Number(row.id), inventoryOf(row)!);
  return stock;
}
