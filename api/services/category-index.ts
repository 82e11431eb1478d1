import type { Category } from '@market/db';
import type { AppDeps } from '../deps';
import { catalogGeneration } from './catalog-cache';

export type CategoryRow = Pick<Category, 'id' | 'parentId' | 'slug' | 'name'>;

/**
 * Every category, read once per catalog generation and process: each product page needs the whole tree for its
 * breadcrumbs, and reading it per page was a query and a few hundred rows each time. A category edit bumps the
 * generation (services/catalog-events.ts), so the next page reads the tree anew. No generation (the cache is
 * down): read every time.
 */
const memo = new WeakMap<AppDeps['db'], { generation: string; rows: Promise<CategoryRow[]> }>();

export async function allCategories(deps: Pick<AppDeps, 'db' | 'cache'>): Promise<CategoryRow[]> {
  const generation = await catalogGeneration(deps.cache).catch(() => null);
  if (generation === null) return readCategories(deps);
  const held = memo.get(deps.db);
  if (held?.generation === generation) return held.rows;
  const rows = readCategories(deps);
  memo.set(deps.db, { generation, rows });
  // A failed read is not kept: the next page tries again.
  rows.catch(() => {
    if (memo.get(deps.db)?.rows === rows) memo.delete(deps.db);
  });
  return rows;
}

function readCategories(deps: Pick<AppDeps, 'db'>): Promise<CategoryRow[]> {
  return deps.db.models.Category.findAll({ attributes: ['id', 'parentId', 'slug', 'name'], raw: true });
}
