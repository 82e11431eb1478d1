/**
 * Catalog benchmark (not a test): the real stack (MariaDB, Redis, OpenSearch, S3, Temporal from
 * `scripts/stack.sh`), a scratch database seeded with N demo products, a fresh search index, the app in-process on
 * loopback, and autocannon against it — every figure next to a bare Express endpoint returning JSON of the same
 * size, measured in the same run, so the ratios mean something on a noisy machine. See docs/benchmarks.md.
 *
 *   bash scripts/stack.sh up && eval "$(bash scripts/stack.sh env)"
 *   npx tsx --conditions=source bench/catalog.ts [--products 10000] [--duration 10] [--connections 20]
 */
import { randomBytes } from 'node:crypto';
import type { AddressInfo } from 'node:net';
import type { Server } from 'node:http';
import { parseArgs } from 'node:util';
import autocannon from 'autocannon';
import express from 'express';
import { buildProductDocuments, productIndexDefinition, type SearchQuery } from '@market/adapters';
import { createTestBucket } from '@market/adapters/storage/testing';
import { createDatabase, type Database, seedDemoCatalog } from '@market/db';
import { createScratchMysqlDatabase, testDatabaseServerUrl } from '@market/db/testing';
import { createApp } from '../api/app';
import type { AppDeps } from '../api/deps';
import { createLogger } from '../api/logger';
import { openSearch, temporalDeps } from '../api/platform';
import { bumpCatalogGeneration } from '../api/services/catalog-cache';
import { RedisCache } from '../api/services/cache';
import { connectTemporal } from '../api/services/temporal';
import { stackEnv, testConfig } from '../api/testing/deps';

const { values: args } = parseArgs({
  options: {
    products: { type: 'string', default: '10000' },
    duration: { type: 'string', default: '10' },
    connections: { type: 'string', default: '20' },
    warmup: { type: 'string', default: '3' },
    'search-queries': { type: 'string', default: '500' },
    // A Redis logical database of its own, so the benchmark's cache never meets the tests' or the dev server's.
    'redis-db': { type: 'string', default: '9' },
  },
});
const PRODUCTS = positive('products');
const DURATION = positive('duration');
const CONNECTIONS = positive('connections');
const WARMUP = positive('warmup');
const SEARCH_QUERIES = positive('search-queries');
const BATCH = 1_000;

function positive(name: keyof typeof args): number {
  const value = Number(args[name]);
  if (!Number.isInteger(value) || value < 1) throw new Error(`--${name} must be a positive integer`);
  return value;
}

function log(message: string): void {
  process.stderr.write(`[bench] ${message}\n`);
}

/** Path generators: called once per request, so a scenario can vary its query. */
type PathOf = () => string;

interface Scenario {
  name: string;
  port: () => number;
  path: PathOf;
}

interface Row {
  name: string;
  rps: number;
  p50: number;
  p99: number;
  bytes: number;
  non2xx: number;
  errors: number;
}

async function main(): Promise<void> {
  const started = Date.now();
  const cleanups: [string, () => Promise<unknown>][] = [];
  const cleanup = async () => {
    for (const [what, fn] of cleanups.reverse()) {
      await fn().catch((err: unknown) => log(`cleanup of ${what} failed: ${String(err)}`));
    }
  };
  process.once('SIGINT', () => {
    log('interrupted: cleaning up');
    void cleanup().finally(() => process.exit(130));
  });

  try {
    // --- data: scratch database, seed, index -------------------------------------------------------------------
    const scratch = await createScratchMysqlDatabase('market_bench');
    cleanups.push(['scratch database', () => scratch.drop()]);
    log(`database ${scratch.name}: migrating`);
    await scratch.db.migrate();
    let t = Date.now();
    const seeded = await seedDemoCatalog(scratch.db, { products: PRODUCTS });
    log(`seeded ${seeded.products} products in ${Date.now() - t} ms`);

    const bucket = await createTestBucket();
    cleanups.push(['bucket', () => bucket.drop()]);
    const alias = `bench-products-${process.pid}-${randomBytes(4).toString('hex')}`;
    const config = testConfig({
      NODE_ENV: 'production',
      PUBLIC_URL: 'http://127.0.0.1',
      LOG_LEVEL: 'silent',
      REDIS_URL: withRedisDb(stackEnv('MARKET_TEST_REDIS_URL'), args['redis-db']!),
      SEARCH_URL: stackEnv('MARKET_TEST_OPENSEARCH_URL'),
      SEARCH_ENGINE: 'opensearch',
      SEARCH_INDEX: alias,
      S3_BUCKET: bucket.storage.bucket,
      S3_ENDPOINT: stackEnv('MARKET_TEST_S3_ENDPOINT'),
      S3_REGION: stackEnv('MARKET_TEST_S3_REGION'),
      S3_ACCESS_KEY_ID: stackEnv('MARKET_TEST_S3_ACCESS_KEY'),
      S3_SECRET_ACCESS_KEY: stackEnv('MARKET_TEST_S3_SECRET_KEY'),
    });
    const search = openSearch(config)!;
    cleanups.push(['search client', () => search.close()]);
    cleanups.push([
      'search index',
      async () => {
        for (const index of await search.aliasTargets(alias)) await search.deleteIndex(index);
      },
    ]);
    t = Date.now();
    await search.ensureIndex(alias, productIndexDefinition({ replicas: 0 }));
    const ids = (await scratch.db.models.Product.findAll({ attributes: ['id'], raw: true })).map((p) => p.id);
    for (let i = 0; i < ids.length; i += BATCH) {
      const { documents } = await buildProductDocuments(scratch.db, ids.slice(i, i + BATCH));
      await search.bulkIndex(alias, documents);
    }
    await search.refresh(alias);
    log(`indexed ${ids.length} documents in ${Date.now() - t} ms`);

    // --- the app, with the production pool size (the scratch handle is the tests' 5) ------------------------------
    const db = openDatabase(scratch.name, config.database.kind === 'mysql' ? config.database.poolMax : 10);
    cleanups.push(['app database', () => db.close()]);
    const cache = RedisCache.connect(config.redis!.url);
    cleanups.push(['cache', () => cache.close()]);
    await bumpCatalogGeneration(cache); // nothing cached by an earlier run can answer
    const temporal = await connectTemporal({
      address: config.temporal.address!,
      namespace: config.temporal.namespace,
    });
    cleanups.push(['temporal', () => temporal.close()]);
    const deps: AppDeps = {
      config,
      log: createLogger({ level: 'silent' }),
      db,
      cache,
      search,
      storage: bucket.storage,
      temporal: temporalDeps(temporal.client, `bench-${process.pid}`),
    };
    const app = await listen(createApp(deps));
    cleanups.push(['app server', () => close(app)]);

    // --- request pools ------------------------------------------------------------------------------------------
    const { Product, Category } = db.models;
    const active = await Product.findAll({
      attributes: ['slug', 'title'],
      where: { status: 'active' },
      raw: true,
    });
    const slugs = shuffle(active.map((p) => p.slug));
    const words = shuffle([
      ...new Set(
        active
          .slice(0, 2_000)
          .flatMap((p) => p.title.toLowerCase().split(/[^a-z]+/))
          .filter((w) => w.length >= 4),
      ),
    ]);
    const categories = (await Category.findAll({ attributes: ['slug', 'parentId'], raw: true })).map(
      (c) => c.slug,
    );
    if (!slugs.length || !words.length || !categories.length) throw new Error('the seeded catalog is empty');
    log(`${slugs.length} active products, ${words.length} title words, ${categories.length} categories`);

    // The bare endpoint serves the real first page's JSON, so both ends move the same bytes.
    const page = await fetch(`http://127.0.0.1:${port(app)}/api/products`);
    if (page.status !== 200) throw new Error(`GET /api/products answered ${page.status}`);
    const pageBody: unknown = await page.json();
    const bare = express();
    bare.get('/bare', (_req, res) => {
      res.json(pageBody);
    });
    const bareServer = await listen(bare);
    cleanups.push(['bare server', () => close(bareServer)]);
    const bareBytes = Buffer.byteLength(JSON.stringify(pageBody));

    const cycle = <T>(pool: readonly T[]) => {
      let i = 0;
      return () => pool[i++ % pool.length]!;
    };
    const nextWord = cycle(words);
    const nextSlug = cycle(slugs);
    const nextCategory = cycle(categories);
    let n = 0;
    // category + price range + inStock, varied per request: categories × 10 price ranges is a few hundred distinct
    // queries, so the cache answers most of them. The uncached variant widens maxPrice by one cent per request
    // (every key new; the range grows by ~20 EUR over a 10 s run).
    let widen = 0;
    const filtered = (uncached: boolean) => (): string => {
      const min = (n++ % 10) * 1_000;
      return `/api/products?${new URLSearchParams({
        category: nextCategory(),
        minPrice: String(min),
        maxPrice: String(min + 20_000 + (uncached ? widen++ : 0)),
        inStock: 'true',
      })}`;
    };
    // A word from the pool plus a maxPrice far above every price (no product is filtered out) that grows with each
    // request: every cache key is new, so the engine and the database answer every request.
    let unique = 1_000_000_000;
    const uncachedQuery = () => `/api/products?q=${nextWord()}&maxPrice=${unique++}`;
    const cachedWord = words[0]!;

    const appPort = () => port(app);
    const scenarios: Scenario[] = [
      { name: 'bare Express JSON (same size)', port: () => port(bareServer), path: () => '/bare' },
      { name: 'GET /api/products', port: appPort, path: () => '/api/products' },
      { name: 'products: category+price+inStock (cached)', port: appPort, path: filtered(false) },
      { name: 'products: category+price+inStock (uncached)', port: appPort, path: filtered(true) },
      { name: `products: q (same word, cached)`, port: appPort, path: () => `/api/products?q=${cachedWord}` },
      { name: 'products: q (varied, uncached)', port: appPort, path: uncachedQuery },
      { name: 'GET /api/products/:slug (varied)', port: appPort, path: () => `/api/products/${nextSlug()}` },
      {
        name: 'GET /api/products/:slug (same, cached)',
        port: appPort,
        path: () => `/api/products/${slugs[0]}`,
      },
    ];

    // --- load -----------------------------------------------------------------------------------------------------
    const rows: Row[] = [];
    for (const scenario of scenarios) {
      log(`${scenario.name}: warm-up ${WARMUP} s`);
      await fire(scenario, WARMUP);
      log(`${scenario.name}: ${DURATION} s × ${CONNECTIONS} connections`);
      const result = await fire(scenario, DURATION);
      rows.push({
        name: scenario.name,
        rps: result.requests.average,
        p50: result.latency.p50,
        p99: result.latency.p99,
        bytes: result.requests.total ? result.throughput.total / result.requests.total : 0,
        non2xx: result.non2xx,
        errors: result.errors + result.timeouts,
      });
    }

    // --- the engine alone -----------------------------------------------------------------------------------------
    log(`search engine: ${SEARCH_QUERIES} sequential queries`);
    const leafIds = (await Category.findAll({ attributes: ['id'], raw: true })).map((c) => c.id);
    const nextLeaf = cycle(shuffle(leafIds));
    const engine = { text: [] as number[], filtered: [] as number[] };
    for (let i = 0; i < 20; i++) await search.search(alias, textQuery(nextWord())); // warm-up
    for (let i = 0; i < SEARCH_QUERIES; i++) {
      let s = performance.now();
      await search.search(alias, textQuery(nextWord()));
      engine.text.push(performance.now() - s);
      s = performance.now();
      await search.search(alias, {
        categoryIds: [nextLeaf()],
        minPrice: (i % 10) * 1_000,
        maxPrice: (i % 10) * 1_000 + 20_000,
        inStock: true,
        sort: 'relevance',
        page: 1,
        pageSize: 20,
      });
      engine.filtered.push(performance.now() - s);
    }

    // --- report ---------------------------------------------------------------------------------------------------
    const base = rows[0]!.rps;
    const table = [
      '| Scenario | req/s | p50 ms | p99 ms | bytes/resp (with headers) | non-2xx | errors | req/s vs bare |',
      '| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: |',
      ...rows.map(
        (r) =>
          `| ${r.name} | ${Math.round(r.rps)} | ${r.p50} | ${r.p99} | ${Math.round(r.bytes)} | ${r.non2xx} | ` +
          `${r.errors} | ${(r.rps / base).toFixed(3)} |`,
      ),
    ];
    const stats = (label: string, samples: number[]) => {
      const sorted = [...samples].sort((a, b) => a - b);
      const at = (q: number) =>
        sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))]!.toFixed(1);
      return `| ${label} | ${sorted.length} | ${at(0.5)} | ${at(0.95)} | ${at(0.99)} | ${sorted.at(-1)!.toFixed(1)} |`;
    };
    const engineTable = [
      '| SearchEngine.search (OpenSearch) | queries | p50 ms | p95 ms | p99 ms | max ms |',
      '| --- | ---: | ---: | ---: | ---: | ---: |',
      stats('full text (`q`, one word, varied)', engine.text),
      stats('category + price + inStock', engine.filtered),
    ];
    process.stdout.write(
      [
        `products=${PRODUCTS} (active ${slugs.length}) duration=${DURATION}s connections=${CONNECTIONS} ` +
          `warmup=${WARMUP}s bare body=${bareBytes} bytes`,
        '',
        ...table,
        '',
        ...engineTable,
        '',
        `total wall time ${Math.round((Date.now() - started) / 1000)} s`,
        '',
      ].join('\n'),
    );
  } finally {
    await cleanup();
  }

  function fire(scenario: Scenario, seconds: number): Promise<autocannon.Result> {
    return autocannon({
      url: `http://127.0.0.1:${scenario.port()}`,
      connections: CONNECTIONS,
      duration: seconds,
      timeout: 10,
      requests: [{ method: 'GET', setupRequest: (req) => ({ ...req, path: scenario.path() }) }],
    });
  }
}

function textQuery(q: string): SearchQuery {
  return { q, sort: 'relevance', page: 1, pageSize: 20 };
}

function withRedisDb(url: string, db: string): string {
  const parsed = new URL(url);
  parsed.pathname = `/${db}`;
  return parsed.toString();
}

function openDatabase(name: string, poolMax: number): Database {
  const url = new URL(testDatabaseServerUrl());
  url.pathname = `/${name}`;
  return createDatabase({ kind: 'mysql', url: url.toString(), poolMax });
}

function listen(app: express.Express): Promise<Server> {
  return new Promise((resolve, reject) => {
    const server = app.listen(0, '127.0.0.1', (err?: Error) => (err ? reject(err) : resolve(server)));
  });
}

function close(server: Server): Promise<void> {
  server.closeAllConnections();
  return new Promise((resolve) => server.close(() => resolve()));
}

function port(server: Server): number {
  return (server.address() as AddressInfo).port;
}

/** Deterministic shuffle (the same order every run), so two runs ask the same questions. */
function shuffle<T>(items: T[]): T[] {
  let seed = 42;
  const next = () => (seed = (seed * 1_103_515_245 + 12_345) % 2_147_483_648) / 2_147_483_648;
  for (let i = items.length - 1; i > 0; i--) {
    const j = Math.floor(next() * (i + 1));
    [items[i], items[j]] = [items[j]!, items[i]!];
  }
  return items;
}

main().then(
  () => process.exit(0),
  (err: unknown) => {
    log(err instanceof Error ? (err.stack ?? err.message) : String(err));
    process.exit(1);
  },
);
