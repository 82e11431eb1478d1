import { buildProductDocuments, productIndexDefinition, type SearchEngine } from '@market/adapters';
import type { Database } from '@market/db';
import { Op } from 'sequelize';

export interface IndexSeededProductsOptions {
  onProgress?: (done: number, total: number) => void;
  /** Products per bulk request. */
  batch?: number;
}

/**
 * Fills the search index straight from the database, so a freshly seeded catalog is searchable at once even when
 * no Temporal worker runs (`npm run seed` starts none): makes sure the alias exists (`<alias>-initial` on a fresh
 * engine, as the catalog-sync activity does), then writes every product's document through the alias in batches
 * with the same `buildProductDocuments` as the workflows, and refreshes. Writing through the alias keeps a live
 * index in place; a later full reindex (the `reindexWorkflow`) rebuilds it the usual way.
 */
export async function indexSeededProducts(
  db: Database,
  search: SearchEngine,
  alias: string,
  options: IndexSeededProductsOptions = {},
): Promise<{ indexed: number }> {
  const batch = options.batch ?? 500;
  const { Product } = db.models;
  await search.ensureIndex(alias, productIndexDefinition());
  const total = await Product.count();
  let done = 0;
  options.onProgress?.(0, total);
  for (let afterId = 0; ;) {
    const ids = (
      await Product.findAll({
        attributes: ['id'],
        where: { id: { [Op.gt]: afterId } },
        order: [['id', 'ASC']],
        limit: batch,
        raw: true,
      })
    ).map((row) => row.id);
    if (!ids.length) break;
    afterId = ids[ids.length - 1]!;
    const { documents } = await buildProductDocuments(db, ids);
    await search.bulkIndex(alias, documents);
    done += documents.length;
    options.onProgress?.(Math.min(done, total), total);
  }
  await search.refresh(alias);
  if (done !== total) options.onProgress?.(done, done);
  return { indexed: done };
}
