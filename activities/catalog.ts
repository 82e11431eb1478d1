import { buildProductDocuments, productIndexDefinition, type SearchEngine } from '@market/adapters';
import { ApplicationFailure } from '@temporalio/activity';
import { Op } from 'sequelize';
import type { ActivityDeps } from './deps';

export interface CatalogSyncResult {
  indexed: number[];
  /** No longer in the database: removed from the index (a no-op when they were not there). */
  removed: number[];
}

/**
 * The alias of the index a reindex is filling (`<alias>-building`): while it points somewhere, every product sync
 * writes there too, so a change made during a reindex is in the new index when the alias swaps to it.
 */
export const buildingAlias = (alias: string): string => `${alias}-building`;

/**
 * Activities that keep the product index in step with the database. Every one is idempotent: indexing replaces a
 * document with the current state of its product, deleting a missing document is a no-op, and creating or
 * deleting an index that already is (or is not) there succeeds. So Temporal may retry any of them freely.
 */
export function createCatalogActivities(deps: ActivityDeps) {
  const engine = (): { search: SearchEngine; alias: string } => {
    if (!deps.search || !deps.alias) {
      // A worker without a search engine (not even the embedded in-process one) has nothing to write to.
      throw ApplicationFailure.nonRetryable('no search engine is configured', 'SearchNotConfigured');
    }
    return { search: deps.search, alias: deps.alias };
  };
  const database = () => {
    if (!('models' in deps.db)) {
      throw ApplicationFailure.nonRetryable('the worker has no catalog database', 'DatabaseNotConfigured');
    }
    return deps.db;
  };

  /**
   * Writes the current state of `productIds` into `index`: existing products are indexed whatever their status
   * (drafts and archived ones too — the document carries `status` and the shop's searches only match `active`,
   * see buildProductDocuments), deleted ones are removed.
   */
  async function writeDocuments(index: string, productIds: readonly number[]): Promise<CatalogSyncResult> {
    const { search } = engine();
    const { documents, missing } = await buildProductDocuments(database(), productIds);
    await search.bulkIndex(index, documents);
    for (const id of missing) await search.deleteDoc(index, String(id));
    return { indexed: documents.map((doc) => doc.doc.id), removed: missing };
  }

  return {
    /**
     * Brings the documents of `productIds` in step with the database, in the alias and — while a reindex runs —
     * in the index being built. When the alias does not exist yet (a fresh engine) it is created with an empty
     * `<alias>-initial` index first, so a sync never fails and searches never hit a missing index; filling it
     * with the rest of the catalog is a full reindex's job.
     */
    async syncProductDocuments(productIds: number[]): Promise<CatalogSyncResult> {
      const { search, alias } = engine();
      const live = await search.ensureIndex(alias, productIndexDefinition());
      const building = (await search.aliasTargets(buildingAlias(alias))).filter((i) => !live.includes(i));
      const result = await writeDocuments(alias, productIds);
      for (const index of building) await writeDocuments(index, productIds);
      return result;
    },

    /** How many products a full reindex goes through, for its progress. */
    async countProducts(): Promise<number> {
      return database().models.Product.count();
    },

    /** The next `limit` product ids after `afterId`, ascending: a reindex's keyset pagination. */
    async listProductIds(afterId: number, limit: number): Promise<number[]> {
      const rows = await database().models.Product.findAll({
        attributes: ['id'],
        where: { id: { [Op.gt]: afterId } },
        order: [['id', 'ASC']],
        limit,
      });
      return rows.map((row) => row.id);
    },

    /**
     * Creates the index a reindex fills, `<alias>-<stamp>`, and points the building alias at it. A retry finds
     * the index already there and carries on.
     */
    async createReindexTarget(stamp: string): Promise<string> {
      const { search, alias } = engine();
      const index = `${alias}-${stamp}`;
      try {
        await search.createIndex(index, productIndexDefinition());
      } catch (err) {
        if (!(err instanceof Error && 'type' in err && err.type === 'resource_already_exists_exception'))
          throw err;
      }
      await search.swapAlias(buildingAlias(alias), index);
      return index;
    },

    /** Writes the current documents of `productIds` into the index being built; returns how many it indexed. */
    async indexProducts(index: string, productIds: number[]): Promise<number> {
      // No refresh per batch: swapSearchAlias refreshes once, before searches can see the index.
      const { indexed } = await writeDocuments(index, productIds);
      return indexed.length;
    },

    /** Moves the alias to `index` in one atomic step; returns the indices it left (to delete). */
    async swapSearchAlias(index: string): Promise<string[]> {
      const { search, alias } = engine();
      await search.refresh(index);
      return search.swapAlias(alias, index);
    },

    /** Deletes indices (the old ones after a swap, or a failed reindex's new one); missing ones are fine. */
    async deleteSearchIndices(indices: string[]): Promise<void> {
      const { search } = engine();
      for (const index of indices) await search.deleteIndex(index);
    },
  };
}

export type CatalogActivities = ReturnType<typeof createCatalogActivities>;
