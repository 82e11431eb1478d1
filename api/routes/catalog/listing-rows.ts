import type { AppDeps } from '../../deps';
import { CATALOG_TTL_SECONDS } from '../../services/catalog-cache';
import { activeProducts, stockOf, type SummaryRow } from './rows';

/** A list row without its stock: what stays the same for a whole catalog generation. */
type StillRow = Omit<SummaryRow, 'inventory'>;

interface Memo {
  generation: string;
  startedAt: number;
  /** By product id; null: not an active product in this generation. */
  rows: Map<number, StillRow | null>;
}

/** Rows kept per process at most (about 300 bytes each); past that the memo starts over. */
const MAX_ROWS = 50_000;
const memos = new WeakMap<AppDeps['db'], Memo>();

/**
 * The active products among `ids`, with their stock and first image, as `activeProducts` reads them — but a
 * product's row (title, slug, price, rating, first image) is read once per catalog generation and process, and
 * only its stock, which every order changes, is read every time. Every catalog write moves the generation
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
  const stock = await stockOf(
    deps,
    kept.map((row) => row.id),
  );
  return kept.map((row) => ({ ...row, inventory: stock.get(row.id) ?? null }));
}

function memoFor(db: AppDeps['db'], generation: string): Memo {
  const memo = memos.get(db);
  const fresh =
    memo &&
    memo.generation === generation &&
    Date.now() - memo.startedAt < CATALOG_TTL_SECONDS * 1000 &&
    memo.rows.size < MAX_ROWS;
  if (fresh) return memo;
  const next: Memo = { generation, startedAt: Date.now(), rows: new Map() };
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
  const found = new Map(rows.map(({ inventory: _stock, ...row }) => [row.id, row]));
  for (const id of ids) memo.rows.set(id, found.get(id) ?? null);
  return rows;
}
