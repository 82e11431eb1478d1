import type { AppDeps } from '../../deps';
import { CATALOG_TTL_SECONDS } from '../../services/catalog-cache';
import { activeProducts, stockOf, type SummaryRow } from './rows';

/** A list row without its stock: what stays the same for a whole catalog generation. */
type StillRow = Omit<SummaryRow, 'inventory'>;
type Stock = SummaryRow['inventory'];

interface Memo {
  generation: string;
  startedAt: number;
  /** By product id; null: not an active product in this generation. */
  rows: Map<number, StillRow | null>;
  /** By product id: the stock as read at `readAt` (null: no inventory row). */
  stock: Map<number, { value: Stock; readAt: number }>;
}

/**
 * How old a listing's stock may be: one second. A listing shows availability only (the product page and the
 * checkout read stock afresh), and a cached listing shows it up to CATALOG_TTL_SECONDS old anyway. The read it
 * saves, a page's 20 stock rows, was about 12 % of an uncached listing (docs/benchmarks.md, tenth step).
 */
export const LISTING_STOCK_MS = 1_000;

/** Rows kept per process at most (about 300 bytes each); past that the memo starts over. */
const MAX_ROWS = 50_000;
const memos = new WeakMap<AppDeps['db'], Memo>();

/**
 * The active products among `ids`, with their stock and first image, as `activeProducts` reads them — but a
 * product's row (title, slug, price, rating, first image) is read once per catalog generation and process, and
 * its stock, which every order changes, at most LISTING_STOCK_MS before. Every catalog write moves the generation
 * (catalog-events.ts), so a row is reused exactly as long as a cached listing holding it would be: under the
 * generation it was read in, and for CATALOG_TTL_SECONDS at most, so a missed move heals as the cache's does.
 * `generation` null (the cache did not answer): everything is read.
 */
export async function listRows(
  deps: Pick<AppDeps, 'db'>,
  ids: readonly number[],
  generation: string | null,
): Promise<SummaryRow[]> {
  if (generation === null || !ids.length) return activeProducts(deps, ids);
  const memo = memoFor(deps.db, generation);
  const kept: StillRow[] = [];
  for (const id of ids) {
    const row = memo.rows.get(id);
    if (row === undefined) return readAndKeep(deps, ids, memo);
    if (row) kept.push(row);
  }
  const stock = await stockNow(deps, memo, kept);
  // Spelled out rather than spread: several times cheaper to make (the same shape as activeProducts' rows).
  return kept.map(({ id, slug, title, priceAmount, currency, ratingAverage, ratingCount, thumbnailKey }) => ({
    id,
    slug,
    title,
    priceAmount,
    currency,
    ratingAverage,
    ratingCount,
    thumbnailKey,
    inventory: stock.get(id) ?? null,
  }));
}

/** The stock of `rows`, read for those whose stock in `memo` is older than LISTING_STOCK_MS. */
async function stockNow(
  deps: Pick<AppDeps, 'db'>,
  memo: Memo,
  rows: readonly StillRow[],
): Promise<Map<number, Stock>> {
  const now = Date.now();
  const stock = new Map<number, Stock>();
  const stale: number[] = [];
  for (const { id } of rows) {
    const kept = memo.stock.get(id);
    if (kept && now - kept.readAt < LISTING_STOCK_MS) stock.set(id, kept.value);
    else stale.push(id);
  }
  if (!stale.length) return stock;
  const read = await stockOf(deps, stale);
  for (const id of stale) {
    const value = read.get(id) ?? null;
    stock.set(id, value);
    memo.stock.set(id, { value, readAt: now });
  }
  return stock;
}

function memoFor(db: AppDeps['db'], generation: string): Memo {
  const memo = memos.get(db);
  const fresh =
    memo &&
    memo.generation === generation &&
    Date.now() - memo.startedAt < CATALOG_TTL_SECONDS * 1000 &&
    memo.rows.size < MAX_ROWS;
  if (fresh) return memo;
  const next: Memo = { generation, startedAt: Date.now(), rows: new Map(), stock: new Map() };
  memos.set(db, next);
  return next;
}

async function readAndKeep(
  deps: Pick<AppDeps, 'db'>,
  ids: readonly number[],
  memo: Memo,
): Promise<SummaryRow[]> {
  const rows = await activeProducts(deps, ids);
  // Into the memo taken before the read: if a newer generation has replaced it meanwhile, nobody reads these.
  const readAt = Date.now();
  const found = new Map(rows.map(({ inventory: _stock, ...row }) => [row.id, row]));
  for (const id of ids) memo.rows.set(id, found.get(id) ?? null);
  for (const { id, inventory } of rows) memo.stock.set(id, { value: inventory ?? null, readAt });
  return rows;
}
