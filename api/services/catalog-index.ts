import type { Category, Tag } from '@market/db';
import type { AppDeps } from '../deps';
import { catalogGeneration } from './catalog-cache';

export type CategoryRow = Pick<Category, 'id' | 'parentId' | 'slug' | 'name'>;
export type TagRow = Pick<Tag, 'id' | 'slug' | 'name'>;

type Deps = Pick<AppDeps, 'db' | 'cache'>;

/**
 * A small whole table, read once per catalog generation and process. Every product page needs the category tree
 * for its breadcrumbs and every listing names its facets' categories and tags: reading them per request was a query
 * and a few hundred rows each time. Category and tag edits bump the generation (services/catalog-events.ts), so the
 * next request reads the table anew. No generation (the cache is down): read every time.
 */
function perGeneration<T>(read: (deps: Deps) => Promise<T[]>): (deps: Deps) => Promise<T[]> {
  const memo = new WeakMap<AppDeps['db'], { generation: string; rows: Promise<T[]> }>();
  return async (deps) => {
    const generation = await catalogGeneration(deps.cache).catch(() => null);
    if (generation === null) return read(deps);
    const held = memo.get(deps.db);
    if (held?.generation === generation) return held.rows;
    const rows = read(deps);
    memo.set(deps.db, { generation, rows });
    // A failed read is not kept: the next request tries again.
    rows.catch(() => {
      if (memo.get(deps.db)?.rows === rows) memo.delete(deps.db);
    });
    return rows;
  };
}

export const allCategories = perGeneration<CategoryRow>((deps) =>
  deps.db.models.Category.findAll({ attributes: ['id', 'parentId', 'slug', 'name'], raw: true }),
);

export const allTags = perGeneration<TagRow>((deps) =>
  deps.db.models.Tag.findAll({ attributes: ['id', 'slug', 'name'], raw: true }),
);
