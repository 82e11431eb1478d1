/**
 * Storefront benchmark (not a test): the real stack (MariaDB, Redis, OpenSearch, S3, Temporal from
 * `scripts/stack.sh`), a scratch database seeded with N demo products with images and a fresh search index, the
 * platform's web role (`startRoles`) serving the built shop on loopback, then
 *   - Lighthouse 12 (mobile, default config) on the home, search and product pages, 3 runs each, medians;
 *   - autocannon on the server-rendered pages, next to a bare Express endpoint returning the product page's very
 *     HTML bytes, in the same run, so the ratio means something on a noisy machine.
 * See docs/benchmarks.md.
 *
 *   bash scripts/stack.sh up && eval "$(bash scripts/stack.sh env)"
 *   npx tsx --conditions=source bench/storefront.ts [--products 10000] [--duration 10] [--connections 50]
 */
import { randomBytes } from 'node:crypto';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import express from 'express';
import { createTestBucket } from '@market/adapters/storage/testing';
import { createScratchMysqlDatabase } from '@market/db/testing';
import { seedCatalog } from '../api/cli/seed-catalog';
import { loadConfig } from '../api/config';
import { createLogger } from '../api/logger';
import { openSearch } from '../api/platform';
import { startRoles } from '../api/server';
import { bumpCatalogGeneration } from '../api/services/catalog-cache';
import { RedisCache } from '../api/services/cache';
import { buildStorefrontIfStale } from '../api/storefront/build-if-stale';
import { STOREFRONT_SOURCES } from '../api/storefront/load';
import { stackEnv, testS3Env } from '../api/testing/deps';
import { failedAudits, type LighthousePage, lighthouseTable, runLighthouse } from './lighthouse';
import { loadTable } from './report';
import { freeListenPort } from '../api/testing/ports';
import { runScenarios, type Scenario } from './load';
import { cleanupsOnExit, close, listen, port, runMain, shuffle, withRedisDb } from './support';

const { values: args } = parseArgs({
  options: {
    products: { type: 'string', default: '10000' },
    duration: { type: 'string', default: '10' },
    connections: { type: 'string', default: '50' },
    warmup: { type: 'string', default: '3' },
    'lighthouse-runs': { type: 'string', default: '3' },
    'skip-lighthouse': { type: 'boolean', default: false },
    // Serve whatever build STOREFRONT_BUILD_DIR holds, without rebuilding it when the sources are newer.
    'skip-build': { type: 'boolean', default: false },
    // Seed and serve, then wait for Ctrl-C (which cleans up): for profiling or auditing by hand.
    'serve-only': { type: 'boolean', default: false },
    // A Redis logical database of its own (catalog/checkout benches: 9, browser tests: 7).
    'redis-db': { type: 'string', default: '8' },
  },
});
const PRODUCTS = positive('products');
const DURATION = positive('duration');
const CONNECTIONS = positive('connections');
const WARMUP = positive('warmup');
const LIGHTHOUSE_RUNS = positive('lighthouse-runs');
const CHROME_PATH = process.env.CHROME_PATH ?? '/usr/bin/chromium';
/** The target: the server-rendered product page at ≥ 0.3× the bare endpoint's req/s. */
const RATIO_TARGET = 0.3;

function positive(name: 'products' | 'duration' | 'connections' | 'warmup' | 'lighthouse-runs'): number {
  const value = Number(args[name]);
  if (!Number.isInteger(value) || value < 1) throw new Error(`--${name} must be a positive integer`);
  return value;
}

function log(message: string): void {
  process.stderr.write(`[bench] ${message}\n`);
}

async function main(): Promise<void> {
  const started = Date.now();
  // As the production image does (Dockerfile: ENV NODE_ENV=production). The storefront's server build picks React's
  // production or development build from process.env.NODE_ENV when it is loaded, not from the Config: without this
  // every page would be rendered by development React (prop and key checks, warnings), which is not what ships.
  process.env.NODE_ENV = 'production';
  const cleanups = cleanupsOnExit(log);

  try {
    // --- configuration: the scratch database, a bucket, an index alias, a port of our own ------------------------
    const scratch = await createScratchMysqlDatabase('market_bench');
    cleanups.push('scratch database', () => scratch.drop());
    const bucket = await createTestBucket();
    cleanups.push('bucket', () => bucket.drop());
    const suffix = `${process.pid}-${randomBytes(4).toString('hex')}`;
    const appPort = await freeListenPort();
    const database = new URL(stackEnv('MARKET_TEST_DATABASE_URL'));
    database.pathname = `/${scratch.name}`;
    const config = loadConfig({
      NODE_ENV: 'production',
      LOG_LEVEL: 'silent',
      PORT: String(appPort),
      PUBLIC_URL: `http://localhost:${appPort}`,
      DATABASE_URL: database.toString(),
      REDIS_URL: withRedisDb(stackEnv('MARKET_TEST_REDIS_URL'), args['redis-db']!),
      TEMPORAL_ADDRESS: stackEnv('MARKET_TEST_TEMPORAL_ADDRESS'),
      TEMPORAL_TASK_QUEUE: `bench-${suffix}`,
      SEARCH_URL: stackEnv('MARKET_TEST_OPENSEARCH_URL'),
      SEARCH_ENGINE: 'opensearch',
      SEARCH_INDEX: `bench-products-${suffix}`,
      ...testS3Env(bucket.storage.bucket),
      S3_FORCE_PATH_STYLE: 'true',
      JWT_SECRET: randomBytes(32).toString('hex'),
      // Production refuses the test payments: the stack's Stripe mock (pages never reach it) and its Mailpit.
      STRIPE_SECRET_KEY: stackEnv('MARKET_TEST_STRIPE_SECRET_KEY'),
      STRIPE_API_URL: stackEnv('MARKET_TEST_STRIPE_URL'),
      STRIPE_WEBHOOK_SECRET: 'whsec_bench',
      STRIPE_PUBLISHABLE_KEY: 'pk_test_bench',
      SMTP_URL: stackEnv('MARKET_TEST_SMTP_URL'),
      ...(process.env.STOREFRONT_BUILD_DIR ? { STOREFRONT_BUILD_DIR: process.env.STOREFRONT_BUILD_DIR } : {}),
    });
    cleanups.push('search index', async () => {
      const search = openSearch(config)!;
      try {
        for (const index of await search.aliasTargets(config.search!.index)) await search.deleteIndex(index);
      } finally {
        await search.close();
      }
    });

    // --- the built shop ------------------------------------------------------------------------------------------
    const buildDir = config.storefrontBuildDir;
    if (!args['skip-build']) {
      log(`storefront build ${buildDir}: rebuilding if missing or older than its sources`);
      await buildStorefrontIfStale(STOREFRONT_SOURCES, buildDir);
    } else if (!existsSync(path.join(buildDir, 'server/index.js'))) {
      throw new Error(
        `no storefront build in ${buildDir}: run \`npm run build -w @market/storefront\` first`,
      );
    }

    // --- data: catalog, images, search index (seedCatalog prints its own progress bars) ---------------------------
    log(`database ${scratch.name}: migrating, then seeding ${PRODUCTS} products with images`);
    await scratch.db.migrate();
    const seeded = await seedCatalog(config, scratch.db, {
      products: PRODUCTS,
      images: 'all',
      label: '[bench]',
    });
    log(
      `seeded in ${seeded.seconds.catalog} s, ${seeded.images?.images ?? 0} images in ${seeded.seconds.images} s, ` +
        `${seeded.indexed ?? 0} documents indexed in ${seeded.seconds.search} s`,
    );
    const active = await scratch.db.models.Product.findAll({
      attributes: ['slug', 'title'],
      where: { status: 'active' },
      raw: true,
    });
    const slugs = shuffle(active.map((p) => p.slug));
    const words = commonWords(active.map((p) => p.title));
    if (!slugs.length || !words.length) throw new Error('the seeded catalog is empty');

    // Nothing cached by an earlier run (same slugs, same Redis database) may answer.
    const cache = RedisCache.connect(config.redis!.url);
    await bumpCatalogGeneration(cache);
    await cache.close();

    // --- the platform's web role ---------------------------------------------------------------------------------
    const running = await startRoles(config, createLogger({ level: 'silent' }), 'web');
    cleanups.push('platform', () => running.stop());
    const base = `http://localhost:${appPort}`;
    const hotSlug = slugs[0]!;
    const searchWord = words[0]!;
    const pages = [
      { name: 'home', path: '/' },
      { name: 'search', path: `/search?q=${encodeURIComponent(searchWord)}` },
      { name: 'product', path: `/p/${hotSlug}` },
    ];
    for (const page of pages) {
      const answer = await fetch(base + page.path);
      const html = await answer.text();
      if (answer.status !== 200) throw new Error(`GET ${page.path} answered ${answer.status}`);
      log(`GET ${page.path}: 200, ${Buffer.byteLength(html)} bytes of HTML`);
    }
    log(`${slugs.length} active products; search word "${searchWord}"; serving ${buildDir}`);

    if (args['serve-only']) {
      log(`serving ${base} (e.g. ${base}${pages[2]!.path}) until Ctrl-C`);
      await new Promise(() => undefined); // SIGINT runs the clean-ups and exits
    }

    // --- Lighthouse, on a quiet server -------------------------------------------------------------------------
    const lighthouse: LighthousePage[] = [];
    if (!args['skip-lighthouse']) {
      for (const page of pages) {
        const result: LighthousePage = { ...page, runs: [] };
        for (let run = 1; run <= LIGHTHOUSE_RUNS; run++) {
          log(`lighthouse ${page.name} ${page.path}: run ${run}/${LIGHTHOUSE_RUNS}`);
          result.runs.push(
            await withRetries(() => runLighthouse(base + page.path, { chromePath: CHROME_PATH })),
          );
        }
        lighthouse.push(result);
      }
    }

    // --- the bare endpoint: the product page's HTML, byte for byte -----------------------------------------------
    const productHtml = await (await fetch(`${base}/p/${hotSlug}`)).text();
    const bare = express();
    bare.get('/bare', (_req, res) => {
      res.type('html').send(productHtml);
    });
    const bareServer = await listen(bare);
    cleanups.push('bare server', () => close(bareServer));

    // --- load ----------------------------------------------------------------------------------------------------
    let next = 0;
    const nextSlug = () => slugs[next++ % slugs.length]!;
    let nextWord = 0;
    const app = () => appPort;
    const scenarios: Scenario[] = [
      {
        name: 'bare Express, same HTML as the product page',
        port: () => port(bareServer),
        path: () => '/bare',
      },
      { name: 'GET /p/:slug (same product, API answer cached)', port: app, path: () => `/p/${hotSlug}` },
      {
        // What a browser asks for: the page gzipped on the fly (the rows above and the bare one are identity).
        name: 'GET /p/:slug (same product, Accept-Encoding: gzip)',
        port: app,
        path: () => `/p/${hotSlug}`,
        headers: { 'accept-encoding': 'gzip' },
      },
      { name: 'GET /p/:slug (varied, mostly uncached)', port: app, path: () => `/p/${nextSlug()}` },
      { name: 'GET / (home)', port: app, path: () => '/' },
      { name: `GET /search?q=${searchWord} (same word)`, port: app, path: () => pages[1]!.path },
      {
        name: 'GET /search?q= (varied word)',
        port: app,
        path: () => `/search?q=${encodeURIComponent(words[nextWord++ % words.length]!)}`,
      },
    ];
    const rows = await runScenarios(
      scenarios,
      { warmup: WARMUP, duration: DURATION, connections: CONNECTIONS },
      log,
    );

    // --- report --------------------------------------------------------------------------------------------------
    // Every scenario on the product page against the bare endpoint (the first row), for the target.
    const verdicts = rows
      .filter((r) => r.name.startsWith('GET /p/'))
      .map((r) => {
        const ratio = r.rps / rows[0]!.rps;
        return `- ${r.name}: ${ratio.toFixed(3)}× bare, ${ratio >= RATIO_TARGET ? 'met' : 'MISSED'}`;
      });
    process.stdout.write(
      [
        `products=${PRODUCTS} (active ${slugs.length}) duration=${DURATION}s connections=${CONNECTIONS} ` +
          `warmup=${WARMUP}s product page HTML=${Buffer.byteLength(productHtml)} bytes (${hotSlug})`,
        '',
        ...(lighthouse.length
          ? [
              `Lighthouse ${LIGHTHOUSE_RUNS} runs per page, mobile (default config), medians; ✗ = target missed`,
              '',
              ...lighthouseTable(lighthouse),
              '',
              'Scored audits that failed (runs failed / runs):',
              ...failedAudits(lighthouse),
              '',
            ]
          : ['Lighthouse skipped (--skip-lighthouse)', '']),
        ...loadTable(rows),
        '',
        `Product page vs the bare endpoint (target ≥ ${RATIO_TARGET}× its req/s):`,
        ...verdicts,
        '',
        `total wall time ${Math.round((Date.now() - started) / 1000)} s`,
        '',
      ].join('\n'),
    );
  } finally {
    await cleanups.run();
  }
}

/** Title words of four letters or more, the most frequent first: the first is a search with many results. */
function commonWords(titles: readonly string[]): string[] {
  const counts = new Map<string, number>();
  for (const title of titles) {
    for (const word of new Set(title.toLowerCase().split(/[^a-z]+/))) {
      if (word.length >= 4) counts.set(word, (counts.get(word) ?? 0) + 1);
    }
  }
  return [...counts].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0])).map(([word]) => word);
}

/** Lighthouse now and then loses a trace (NO_NAVSTART, NO_FCP): such a run is retried, twice at most. */
async function withRetries<T>(run: () => Promise<T>, attempts = 3): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await run();
    } catch (err) {
      if (attempt >= attempts) throw err;
      log(
        `run failed, retrying: ${err instanceof Error ? err.message.split('\n').slice(0, 2).join(' ') : String(err)}`,
      );
    }
  }
}

runMain(main, log);
