import {
  createObjectStorage,
  createSearchEngine,
  type ObjectStorage,
  type SearchEngine,
} from '@market/adapters';
import { createPaymentProvider } from '@market/adapters/payments/index';
import { createDatabase, type Database } from '@market/db';
import type { Config } from './config';
import type { Client } from '@temporalio/client';
import type { AppDeps, TemporalDeps } from './deps';
import type { Logger } from './logger';
import { type Cache, MemoryCache, RedisCache } from './services/cache';
import { createEmbeddedSearch } from './services/embedded-search';
import { checkTemporal, connectTemporal } from './services/temporal';
import { temporalConnectionOptions } from './services/temporal-connection-options';

export interface Platform extends AppDeps {
  close(): Promise<void>;
}

export function openDatabase(config: Config, log: Logger): Database {
  const logging = (sql: string) => log.trace({ sql }, 'sql');
  return config.database.kind === 'mysql'
    ? createDatabase({ kind: 'mysql', url: config.database.url, poolMax: config.database.poolMax, logging })
    : createDatabase({ kind: 'sqlite', path: config.database.path, logging });
}

/** How often the planner's statistics are refreshed (the catalog grows and changes; SQLite does not notice). */
const ANALYZE_EVERY_MS = 60 * 60 * 1000;

/**
 * SQLite's planner statistics: refreshed now (in the background; a query before it ends is merely slower) and every
 * hour. Returns what stops the timer. MariaDB keeps its own.
 */
function keepStatistics(db: Database, log: Logger): () => void {
  if (db.dialect !== 'sqlite') return () => undefined;
  const analyze = () =>
    void db.analyze().catch((err: unknown) => log.warn({ err }, 'refreshing SQLite statistics failed'));
  analyze();
  const timer = setInterval(analyze, ANALYZE_EVERY_MS);
  timer.unref();
  return () => clearInterval(timer);
}

/** The configured engine's client, or an empty in-process index (`memory`): createPlatform fills that one. */
export function openSearch(config: Config): SearchEngine | null {
  if (!config.search) return null;
  const { index: _index, ...engine } = config.search;
  return createSearchEngine(engine);
}

export function openStorage(config: Config): ObjectStorage {
  const storage = config.storage;
  if (storage.kind === 's3') return createObjectStorage(storage);
  if (!storage.signingSecret)
    throw new Error('STORAGE_SIGNING_SECRET is not set (npm start sets it for you)');
  return createObjectStorage({ ...storage, signingSecret: storage.signingSecret });
}

/** The handlers' view of Temporal: the client, the task queue, and a readiness probe. */
export function temporalDeps(client: Client, taskQueue: string): TemporalDeps {
  return {
    client,
    taskQueue,
    ping: async () => {
      const result = await checkTemporal(client);
      if (result.status !== 'ok') throw new Error(result.error ?? 'Temporal does not answer');
    },
  };
}

export interface PlatformOptions {
  /**
   * What this process runs (default `all`). The embedded search index lives in memory, so it matters: see
   * services/embedded-search.ts.
   */
  role?: 'web' | 'worker' | 'all';
}

/** Connects to everything the API and the worker share. close() releases it all, in reverse order. */
export async function createPlatform(
  config: Config,
  log: Logger,
  options: PlatformOptions = {},
): Promise<Platform> {
  const role = options.role ?? 'all';
  if (!config.temporal.address) throw new Error('TEMPORAL_ADDRESS is not set (npm start sets it for you)');
  const db = openDatabase(config, log);
  const stopAnalyzing = keepStatistics(db, log);
  const cache: Cache = config.redis ? RedisCache.connect(config.redis.url) : new MemoryCache();
  const engine = openSearch(config);
  const embedded =
    engine && config.search?.kind === 'memory'
      ? createEmbeddedSearch(engine, {
          db,
          cache,
          log,
          alias: config.search.index,
          followCatalogGeneration: role === 'web',
        })
      : null;
  const search = embedded ?? engine;
  const storage = openStorage(config);
  const temporal = await connectTemporal({
    ...temporalConnectionOptions(config.temporal),
    namespace: config.temporal.namespace,
  }).catch(async (err: unknown) => {
    await search?.close().catch(() => undefined);
    await storage.close().catch(() => undefined);
    await cache.close().catch(() => undefined);
    stopAnalyzing();
    await db.close().catch(() => undefined);
    throw err;
  });
  const close = async () => {
    stopAnalyzing();
    await temporal.close().catch((err: unknown) => log.warn({ err }, 'closing Temporal client failed'));
    await search?.close().catch((err: unknown) => log.warn({ err }, 'closing search client failed'));
    await storage.close().catch((err: unknown) => log.warn({ err }, 'closing storage client failed'));
    await cache.close().catch((err: unknown) => log.warn({ err }, 'closing cache failed'));
    await db.close().catch((err: unknown) => log.warn({ err }, 'closing database failed'));
  };
  if (embedded && role !== 'worker') {
    // Before the worker polls and the server listens, so no catalog sync can interleave with the build.
    await embedded.load().catch(async (err: unknown) => {
      await close();
      throw err;
    });
  }
  return {
    config,
    log,
    db,
    cache,
    search,
    storage,
    payments: createPaymentProvider(config.payments, { db }),
    temporal: temporalDeps(temporal.client, config.temporal.taskQueue),
    close,
  };
}
