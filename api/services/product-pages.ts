import { ForeignKeyConstraintError, QueryTypes, Transaction, UniqueConstraintError } from 'sequelize';
import type { AppDeps } from '../deps';
import { retryOnDeadlock } from './deadlock';
import type { StockById } from '../routes/catalog/page-document';
import type { PageTemplate, StorablePage } from '../routes/catalog/page-template';
import { inventoryOf, selectBoundOnSqlite } from '../routes/catalog/rows';

type Deps = Pick<AppDeps, 'db'>;

/**
 * Precomputed product pages: each page's template (routes/catalog/page-template.ts: its JSON with holes for the
 * stock and the image links) in `product_pages`, with the ids of the related products it shows in
 * `product_page_related`. Serving a stored page is one query: the template, and the live stock of the product and
 * of its related products.
 *
 * A page is written the first time it is read, and emptied (body NULL, version + 1) by every catalog change that
 * could alter it (invalidateProductPages, called from services/catalog-events.ts). The write is conditional on the
 * version read before the page was built, so a build that raced with an edit never stores what it read before the
 * edit: the next reader builds it again.
 *
 * PAGE_FORMAT is the body's format: a deploy that changes what a page holds (or how it is presented) bumps it, and
 * bodies of another format count as empty, so no page outlives the code that wrote it. Format 1 was the page's
 * document; 2 is its template.
 */
export const PAGE_FORMAT = 2;

/** What the stored page query found for a slug. */
export type StoredPage =
  | { found: false }
  | { found: true; productId: number; template: PageTemplate; stock: StockById }
  | { found: true; productId: number; template: null; version: number | null };

interface Row {
  kind: number | string;
  id: number | string;
  version: number | string | null;
  body: string | null;
  onHand: number | string | null;
  reserved: number | string | null;
  lowStockThreshold: number | string | null;
}

const STOCK = 'i.on_hand AS onHand, i.reserved AS reserved, i.low_stock_threshold AS lowStockThreshold';
const ACTIVE_BY_SLUG = "WHERE p.slug = ? AND p.status = 'active'";
const STORED_PAGE_SQL =
  'SELECT 0 AS kind, p.id AS id, pg.version AS version, ' +
  `CASE WHEN pg.format = ${PAGE_FORMAT} THEN pg.body END AS body, ${STOCK} FROM products p ` +
  'LEFT JOIN product_pages pg ON pg.product_id = p.id LEFT JOIN inventory i ON i.product_id = p.id ' +
  `${ACTIVE_BY_SLUG} ` +
  `UNION ALL SELECT 1, r.related_id, NULL, NULL, ${STOCK} FROM products p ` +
  `JOIN product_pages pg ON pg.product_id = p.id AND pg.body IS NOT NULL AND pg.format = ${PAGE_FORMAT} ` +
  'JOIN product_page_related r ON r.product_id = p.id LEFT JOIN inventory i ON i.product_id = r.related_id ' +
  ACTIVE_BY_SLUG;

/** The same query with the slug as a bound parameter (both of its places), for SQLite (selectBoundOnSqlite). */
const STORED_PAGE_SQL_BOUND = STORED_PAGE_SQL.replaceAll('p.slug = ?', 'p.slug = $1');

/** The stored page of the active product with this slug, with live stock; or why there is none. */
export async function readStoredPage(deps: Deps, slug: string): Promise<StoredPage> {
  const rows = await selectBoundOnSqlite<Row>(
    deps,
    { sql: STORED_PAGE_SQL_BOUND, bind: [slug] },
    { sql: STORED_PAGE_SQL, replacements: [slug, slug] },
  );
  const own = rows.find((row) => Number(row.kind) === 0);
  if (!own) return { found: false };
  const productId = Number(own.id);
  if (own.body === null) {
    return {
      found: true,
      productId,
      template: null,
      version: own.version === null ? null : Number(own.version),
    };
  }
  const stock = new Map(rows.map((row) => [Number(row.id), inventoryOf(row) ?? null]));
  return { found: true, productId, template: JSON.parse(own.body) as PageTemplate, stock };
}

/**
 * The version to store a page under, read before its data: the page row's, made empty at version 0 if the product
 * has none yet.
 */
export async function pageVersion(
  deps: Deps,
  productId: number,
  known: number | null,
): Promise<number | null> {
  if (known !== null) return known;
  try {
    await deps.db.sequelize.query(
      'INSERT INTO product_pages (product_id, version, body) VALUES (?, 0, NULL)',
      {
        replacements: [productId],
        type: QueryTypes.INSERT,
      },
    );
    return 0;
  } catch (err) {
    // The product was deleted meanwhile: it has no page.
    if (err instanceof ForeignKeyConstraintError) return null;
    if (!(err instanceof UniqueConstraintError)) throw err;
  }
  const [row] = await deps.db.sequelize.query<{ version: number | string }>(
    'SELECT version FROM product_pages WHERE product_id = ?',
    { replacements: [productId], type: QueryTypes.SELECT },
  );
  return Number(row?.version ?? 0);
}

/**
 * Stores a page built after `version` was read, with the related products it shows. Returns false, writing
 * nothing, when the page was emptied since (an edit raced with the build) or another reader stored it first.
 */
export async function storePage(
  deps: Deps,
  productId: number,
  version: number,
  { template, relatedIds }: StorablePage,
): Promise<boolean> {
  const { sequelize } = deps.db;
  // READ COMMITTED: under REPEATABLE READ, deleting a page's related rows that are not there yet takes a gap lock,
  // and pages stored at the same moment deadlock on each other's inserts.
  const isolationLevel = Transaction.ISOLATION_LEVELS.READ_COMMITTED;
  return sequelize.transaction({ isolationLevel }, async (transaction) => {
    const [, changed] = await sequelize.query(
      'UPDATE product_pages SET body = ?, format = ? ' +
        'WHERE product_id = ? AND version = ? AND (body IS NULL OR format <> ?)',
      {
        replacements: [JSON.stringify(template), PAGE_FORMAT, productId, version, PAGE_FORMAT],
        type: QueryTypes.UPDATE,
        transaction,
      },
    );
    if (!changed) return false;
    await sequelize.query('DELETE FROM product_page_related WHERE product_id = ?', {
      replacements: [productId],
      type: QueryTypes.DELETE,
      transaction,
    });
    if (relatedIds.length) {
      await sequelize.query(
        `INSERT INTO product_page_related (product_id, position, related_id) VALUES ${relatedIds.map(() => '(?, ?, ?)').join(', ')}`,
        {
          replacements: relatedIds.flatMap((relatedId, position) => [productId, position, relatedId]),
          type: QueryTypes.INSERT,
          transaction,
        },
      );
    }
    return true;
  });
}

/**
 * Empties every stored page that a change to these products could alter: their own pages, the pages of the
 * products in their categories now and in `formerCategoryIds` (whose related products may now differ), and the
 * pages that show one of them as related (which covers a product deleted since). Each page's version moves on, so a
 * build that read the catalog before the change stores nothing. One transaction, READ COMMITTED (no gap locks
 * against pages being stored), run again when InnoDB picks it as a deadlock victim.
 */
export async function invalidateProductPages(
  deps: Deps,
  productIds: readonly number[],
  formerCategoryIds: readonly (number | null)[] = [],
): Promise<void> {
  const ids = [...new Set(productIds)];
  if (!ids.length) return;
  const former = [...new Set(formerCategoryIds.filter((id): id is number => id !== null))];
  const empty = 'UPDATE product_pages SET body = NULL, version = version + 1 WHERE product_id IN ';
  const statements: [string, unknown[]][] = [
    [`${empty}(?)`, [ids]],
    [
      `${empty}(SELECT p.id FROM products p WHERE p.category_id IN ` +
        '(SELECT c.category_id FROM products c WHERE c.id IN (?)))',
      [ids],
    ],
    [`${empty}(SELECT r.product_id FROM product_page_related r WHERE r.related_id IN (?))`, [ids]],
    ...(former.length
      ? [
          [`${empty}(SELECT p.id FROM products p WHERE p.category_id IN (?))`, [former]] as [
            string,
            unknown[],
          ],
        ]
      : []),
  ];
  const isolationLevel = Transaction.ISOLATION_LEVELS.READ_COMMITTED;
  await retryOnDeadlock(() =>
    deps.db.sequelize.transaction({ isolationLevel }, async (transaction) => {
      for (const [sql, replacements] of statements) {
        await deps.db.sequelize.query(sql, { replacements, type: QueryTypes.UPDATE, transaction });
      }
    }),
  );
}

/** Empties every stored page (after a bulk write that did not go through catalogChanged, e.g. seeded images). */
export async function invalidateAllProductPages(deps: Deps): Promise<void> {
  await deps.db.sequelize.query('UPDATE product_pages SET body = NULL, version = version + 1', {
    type: QueryTypes.UPDATE,
  });
}
