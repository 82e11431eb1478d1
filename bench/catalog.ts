/**
 * Catalog benchmark (not a test): the real stack (MariaDB, Redis, OpenSearch, S3, Temporal from
 * `scripts/stack.sh`), a scratch database seeded with N demo products, a fresh search index, the app in-process on
 * loopback, and autocannon against it — every figure next to a bare Express endpoint returning JSON of the same
 * size, measured in the same run, so the ratios mean something on a noisy machine. See docs/benchmarks.md.
 *
 *   bash scripts/stack.sh up && eval "$(bash scripts/stack.sh env)"
 *   npx tsx --conditions=source bench/catalog.ts [--products 10000] [--duration 10] [--connections 20]
 *     [--only 'slug|uncached']   (just these scenarios, beside the bare endpoint; e.g. under node --cpu-prof)
 *     [--web-process]            (the app as production runs it, `node api/dist/main.js web` in a process of its
 *                                 own, whose resident memory is then reported)
 */
import { createPaymentProvider } from '@market/adapters/payments/index';
import { randomBytes } from 'node:crypto';
import { parseArgs } from 'node:util';
import express from 'express';
import { buildProductDocuments, productIndexDefinition } from '@market/adapters';
import { createTestBucket } from '@market/adapters/storage/testing';
import { seedDemoCatalog } from '@market/db';
import { createScratchMysqlDatabase } from '@market/db/testing';
import { createApp } from '../api/app';
import type { AppDeps } from '../api/deps';
import { createLogger } from '../api/logger';
import { openSearch, temporalDeps } from '../api/platform';
import { progressBar } from '../api/cli/progress';
import { seedProductImages } from '../api/cli/seed-images';
import { precomputeProductPages } from '../api/routes/catalog/product-page';
import { bumpCatalogGeneration } from '../api/services/catalog-cache';
import { invalidateAllProductPages } from '../api/services/product-pages';
import { RedisCache } from '../api/services/cache';
import { connectTemporal } from '../api/services/temporal';
import { temporalConnectionOptions } from '../api/services/temporal-connection-options';
import { stackEnv, testConfig, testEnv, testS3Env } from '../api/testing/deps';
import { engineTable, loadTable } from './report';
import { runScenarios, type Scenario } from './load';
import {
  cleanupsOnExit,
  close,
  databaseUrl,
  listen,
  openDatabase,
  port,
  runMain,
  shuffle,
  titleWords,
  withRedisDb,
} from './support';
import { appScenarios, catalogPaths, cycle, engineRoute } from './catalog-paths';
import { measureSearchLatency } from './search-latency';
import { startWebProcess } from './role-process';

const { values: args } = parseArgs({
  options: {
    products: { type: 'string', default: '10000' },
    duration: { type: 'string', default: '10' },
    connections: { type: 'string', default: '20' },
    warmup: { type: 'string', default: '3' },
    'search-queries': { type: 'string', default: '500' },
    // A Redis logical database of its own, so the benchmark's cache never meets the tests' or the dev server's.
    'redis-db': { type: 'string', default: '9' },
    // Only the scenarios whose name matches this regular expression (the bare endpoint always runs): for profiling.
    only: { type: 'string' },
    'web-process': { type: 'boolean', default: false },
    // NODE_OPTIONS of the web process (e.g. --max-old-space-size=192), to see what the heap's headroom costs.
    'web-node-options': { type: 'string', default: '' },
    // Arguments of the web process's node that NODE_OPTIONS refuses, e.g. '--cpu-prof --cpu-prof-dir=/tmp/prof'.
    'web-node-args': { type: 'string', default: '' },
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

async function main(): Promise<void> {
  const started = Date.now();
  const cleanups = cleanupsOnExit(log);

  try {
    // --- data: scratch database, seed, index -------------------------------------------------------------------
    const scratch = await createScratchMysqlDatabase('market_bench');
    cleanups.push('scratch database', () => scratch.drop());
    log(`database ${scratch.name}: migrating`);
    await scratch.db.migrate();
    let t = Date.now();
    const seeded = await seedDemoCatalog(scratch.db, { products: PRODUCTS });
    log(`seeded ${seeded.products} products in ${Date.now() - t} ms`);
    const bucket = await createTestBucket();
    cleanups.push('bucket', () => bucket.drop());
    // As `npm run seed` does: a picture per product, so pages and listings present image URLs as a shop's do.
    t = Date.now();
    await seedProductImages(scratch.db, bucket.storage, { onProgress: progressBar('[bench] images') });
    log(`stored a picture per product in ${Date.now() - t} ms`);
    // As `npm run seed` does: every active product's page stored (api/services/product-pages.ts).
    t = Date.now();
    const pages = await precomputeProductPages(
      { db: scratch.db, log: createLogger({ level: 'warn' }) },
      progressBar('[bench] product pages'),
    );
    log(`stored ${pages.built} product pages in ${Date.now() - t} ms`);

    const alias = `bench-products-${process.pid}-${randomBytes(4).toString('hex')}`;
    const env: Record<string, string> = {
      NODE_ENV: 'production',
      PUBLIC_URL: 'http://127.0.0.1',
      LOG_LEVEL: 'silent',
      REDIS_URL: withRedisDb(stackEnv('MARKET_TEST_REDIS_URL'), args['redis-db']!),
      SEARCH_URL: stackEnv('MARKET_TEST_OPENSEARCH_URL'),
      SEARCH_ENGINE: 'opensearch',
      SEARCH_INDEX: alias,
      ...testS3Env(bucket.storage.bucket),
      // Production refuses the test payments; the catalog never reaches Stripe, so placeholders do.
      STRIPE_SECRET_KEY: 'sk_test_bench',
      STRIPE_WEBHOOK_SECRET: 'whsec_bench',
      STRIPE_PUBLISHABLE_KEY: 'pk_test_bench',
      // Production refuses the outbox too; the catalog sends no email, and the stack's Mailpit would take them.
      SMTP_URL: stackEnv('MARKET_TEST_SMTP_URL'),
    };
    const config = testConfig(env);
    const search = openSearch(config)!;
    cleanups.push('search client', () => search.close());
    cleanups.push('search index', async () => {
      for (const index of await search.aliasTargets(alias)) await search.deleteIndex(index);
    });
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
    cleanups.push('app database', () => db.close());
    const cache = RedisCache.connect(config.redis!.url);
    cleanups.push('cache', () => cache.close());
    await bumpCatalogGeneration(cache); // nothing cached by an earlier run can answer
    const temporal = await connectTemporal({
      ...temporalConnectionOptions(config.temporal),
      namespace: config.temporal.namespace,
    });
    cleanups.push('temporal', () => temporal.close());
    const deps: AppDeps = {
      config,
      log: createLogger({ level: 'silent' }),
      db,
      cache,
      search,
      storage: bucket.storage,
      payments: createPaymentProvider(config.payments, { db }),
      temporal: temporalDeps(temporal.client, `bench-${process.pid}`),
    };
    const app = await listen(createApp(deps));
    cleanups.push('app server', () => close(app));
    const web = args['web-process']
      ? await startWebProcess(
          testEnv({
            ...env,
            DATABASE_URL: databaseUrl(scratch.name),
            ...(args['web-node-options'] ? { NODE_OPTIONS: args['web-node-options'] } : {}),
          }),
          log,
          args['web-node-args']!.split(' ').filter(Boolean),
        )
      : null;
    if (web) cleanups.push('web process', () => web.stop());

    // --- request pools ------------------------------------------------------------------------------------------
    const { Product, Category } = db.models;
    const active = await Product.findAll({
      attributes: ['slug', 'title'],
      where: { status: 'active' },
      raw: true,
    });
    const slugs = shuffle(active.map((p) => p.slug));
    const words = titleWords(active);
    const categoryRows = await Category.findAll({ attributes: ['id', 'slug'], raw: true });
    const categories = categoryRows.map((c) => c.slug);
    const categoryIdOf = new Map(categoryRows.map((c) => [c.slug, c.id]));
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
    // The engine alone, through Node and HTTP like the app, without the database, the cache or the middleware: the
    // ceiling of what an uncached listing can reach while the engine shares these cores.
    bare.get('/engine', engineRoute(search, alias, categoryIdOf));
    const bareServer = await listen(bare);
    cleanups.push('bare server', () => close(bareServer));
    const bareBytes = Buffer.byteLength(JSON.stringify(pageBody));

    const pools = { slugs, words, categories };
    const paths = catalogPaths(pools);
    const { filtered, uncachedQuery, nextWord } = paths;

    const appPort = () => web?.port ?? port(app);
    const scenarios: Scenario[] = [
      { name: 'bare Express JSON (same size)', port: () => port(bareServer), path: () => '/bare' },
      {
        name: 'engine alone: category+price+inStock (uncached)',
        port: () => port(bareServer),
        path: () => filtered(true)().replace('/api/products', '/engine'),
      },
      {
        name: 'engine alone: q (varied, uncached)',
        port: () => port(bareServer),
        path: () => uncachedQuery().replace('/api/products', '/engine'),
      },
      ...appScenarios(pools, paths, appPort, {
        newGeneration: () => bumpCatalogGeneration(cache),
        emptyStoredPages: () => invalidateAllProductPages({ db }),
      }),
    ];

    // --- load -----------------------------------------------------------------------------------------------------
    // The process's resident memory, sampled through the load: the app, autocannon and the clients together (an
    // upper bound for the web process alone).
    const rssNow = () => (web ? web.memory().rssMb * 1_048_576 : process.memoryUsage().rss);
    const rssBefore = rssNow();
    let peakRss = rssBefore;
    let reported = rssBefore;
    const rssTimer = setInterval(() => {
      peakRss = Math.max(peakRss, rssNow());
      // Which scenario grows it: a line each time the peak has grown by 25 MB.
      if (peakRss - reported >= 25 * 1_048_576) {
        reported = peakRss;
        log(`resident memory peak now ${mb(peakRss)} MB`);
      }
    }, 250);
    cleanups.push('rss sampler', async () => clearInterval(rssTimer));
    const only = args.only ? new RegExp(args.only, 'i') : null;
    const rows = await runScenarios(
      scenarios.filter((s, i) => i === 0 || !only || only.test(s.name)),
      { warmup: WARMUP, duration: DURATION, connections: CONNECTIONS },
      log,
    );

    // --- the engine alone -----------------------------------------------------------------------------------------
    log(`search engine: ${SEARCH_QUERIES} sequential queries`);
    const leafIds = (await Category.findAll({ attributes: ['id'], raw: true })).map((c) => c.id);
    const engine = await measureSearchLatency(search, alias, SEARCH_QUERIES, {
      word: nextWord,
      categoryId: cycle(shuffle(leafIds)),
    });

    // --- report ---------------------------------------------------------------------------------------------------
    process.stdout.write(
      [
        `products=${PRODUCTS} (active ${slugs.length}) duration=${DURATION}s connections=${CONNECTIONS} ` +
          `warmup=${WARMUP}s bare body=${bareBytes} bytes`,
        '',
        ...loadTable(rows),
        '',
        ...engineTable(engine),
        '',
        web
          ? `web process (node api/dist/main.js web, pid ${web.pid}): resident ${mb(rssBefore)} MB before the ` +
            `load, peak ${mb(peakRss)} MB sampled under it, VmHWM ${web.memory().peakMb} MB`
          : `peak RSS of the process (app + autocannon) under load: ${mb(peakRss)} MB`,
        `total wall time ${Math.round((Date.now() - started) / 1000)} s`,
        '',
      ].join('\n'),
    );
  } finally {
    await cleanups.run();
  }
}

const mb = (bytes: number) => Math.round(bytes / 1_048_576);

runMain(main, log);
