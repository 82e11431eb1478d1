import { buildProductDocuments, productIndexDefinition, type SearchEngine } from '@market/adapters';
import type { Database } from '@market/db';
import { Op } from 'sequelize';
import type { Logger } from '../logger';
import type { Cache } from './cache';
import { catalogGeneration } from './catalog-cache';

/**
 * The embedded default's search (no SEARCH_URL): the in-process index of `@market/adapters`
 * (`createMemorySearchEngine`), kept in step with the database. Memory is per process, so who keeps it in step
 * depends on what runs in the process:
 *
 * - `npm start` (and `main.ts all`): the web and the worker share this one engine. It is built from the database
 *   at boot, before the worker polls and the server listens; from then on the catalog-sync and reindex workflows
 *   write to it through the activities, exactly as they write to an Elasticsearch index.
 * - a web process without the worker (`main.ts web`): the activities run elsewhere and cannot reach this memory.
 *   It is built at boot too, and rebuilt from the database whenever the catalog generation (bumped by every
 *   catalog write, see catalog-events.ts) differs from the one it was built at — checked before each search, so
 *   the first search after an edit waits for the rebuild (about a second for 10,000 products, docs/benchmarks.md).
 *   Web processes see each other's bumps when they share Redis.
 * - a worker process alone: nothing to build; the activities keep writing to its (unsearched) copy.
 */
export interface EmbeddedSearchOptions {
  db: Database;
  cache: Cache;
  log: Logger;
  /** The alias searches read (`config.search.index`). */
  alias: string;
  /** A web process without the worker: rebuild when the catalog generation moves. */
  followCatalogGeneration: boolean;
  /** Products read per batch while building (default 500). */
  batchSize?: number;
}

export interface EmbeddedSearch extends SearchEngine {
  /**
   * Builds a fresh index from the database and moves the alias to it (the old one is dropped). Concurrent calls
   * share one build. Resolves to the number of documents.
   */
  load(): Promise<number>;
}

export function createEmbeddedSearch(engine: SearchEngine, options: EmbeddedSearchOptions): EmbeddedSearch {
  const { db, cache, log, alias } = options;
  let builds = 0;
  let building: Promise<number> | null = null;
  /** The catalog generation the current index was built at; null before the first build. */
  let builtAt: string | null = null;

  async function build(): Promise<number> {
    const started = performance.now();
    // Read before the database: a write committed after this bumps the generation again, so it is not missed.
    const generation = await catalogGeneration(cache).catch(() => null);
    const index = `${alias}-embedded-${++builds}`;
    await engine.createIndex(index, productIndexDefinition());
    try {
      const count = await fill(db, engine, index, options.batchSize ?? 500);
      const old = await engine.swapAlias(alias, index);
      for (const name of old) await engine.deleteIndex(name);
      builtAt = generation;
      log.info(
        { alias, index, documents: count, ms: Math.round(performance.now() - started) },
        'embedded search index built from the database',
      );
      return count;
    } catch (err) {
      await engine.deleteIndex(index).catch(() => undefined);
      throw err;
    }
  }

  function load(): Promise<number> {
    building ??= build().finally(() => {
      building = null;
    });
    return building;
  }

  /**
   * In a web process without the worker: a catalog write since the last build means a rebuild first. A build
   * already running may have started before that write, hence a second look (at most: writes that never stop
   * must not hold a search forever).
   */
  async function current(): Promise<void> {
    if (!options.followCatalogGeneration) return;
    for (let look = 0; look < 2; look++) {
      const generation = await catalogGeneration(cache).catch((err: unknown) => {
        log.warn({ err }, 'catalog generation unreadable: searching the index as it is');
        return builtAt;
      });
      if (generation === builtAt && !building) return;
      await load();
    }
  }

  return {
    ...engine,
    load,
    async search(indexOrAlias, query) {
      if (indexOrAlias === alias) await current();
      return engine.search(indexOrAlias, query);
    },
  };
}

/** Every product's document into `index`, in id order, `batchSize` at a time. */
async function fill(db: Database, engine: SearchEngine, index: string, batchSize: number): Promise<number> {
  let count = 0;
  for (let afterId = 0; ;) {
    const ids = (
      await db.models.Product.findAll({
        attributes: ['id'],
        where: { id: { [Op.gt]: afterId } },
        order: [['id', 'ASC']],
        limit: batchSize,
        raw: true,
      })
    ).map((row) => row.id);
    if (!ids.length) return count;
    afterId = ids[ids.length - 1]!;
    const { documents } = await buildProductDocuments(db, ids);
    await engine.bulkIndex(index, documents);
    count += documents.length;
  }
}
