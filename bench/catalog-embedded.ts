/**
 * The catalog benchmark on the embedded default (not a test): what `npm start` runs, in a web process of its own
 * (`node api/dist/main.js web`) with no DATABASE_URL, REDIS_URL, SEARCH_URL or S3 — SQLite under a scratch
 * DATA_DIR seeded with N demo products, the in-process cache, the in-process search index built from SQLite at
 * boot, local files. Autocannon drives the same scenarios as bench/catalog.ts, beside a bare Express endpoint
 * returning the same JSON, and the web process's resident memory is reported. Needs only the stack's Temporal
 * (the web role's client connects at boot).
 *
 *   bash scripts/stack.sh up && eval "$(bash scripts/stack.sh env)"
 *   npx tsx --conditions=source bench/catalog-embedded.ts [--products 10000] [--duration 10] [--connections 20]
 *     [--only 'uncached'] [--web-node-options=--max-old-space-size=192]
 *     [--web-node-args='--cpu-prof --cpu-prof-dir=/tmp/prof']
 */
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import express from 'express';
import { LocalObjectStorage } from '@market/adapters';
import { createDatabase, hashPassword, seedDemoCatalog } from '@market/db';
import { invalidateAllProductPages } from '../api/services/product-pages';
import { progressBar } from '../api/cli/progress';
import { seedProductImages } from '../api/cli/seed-images';
import { createLogger } from '../api/logger';
import { precomputeProductPages } from '../api/routes/catalog/product-page';
import { stackEnv } from '../api/testing/deps';
import { appScenarios, catalogPaths, type PageResets } from './catalog-paths';
import { runScenarios } from './load';
import { loadTable } from './report';
import { cleanupsOnExit, close, listen, port, runMain, shuffle, titleWords } from './support';
import { startWebProcess } from './role-process';

const { values: args } = parseArgs({
  options: {
    products: { type: 'string', default: '10000' },
    duration: { type: 'string', default: '10' },
    connections: { type: 'string', default: '20' },
    warmup: { type: 'string', default: '3' },
    only: { type: 'string' },
    // NODE_OPTIONS of the web process, e.g. --max-old-space-size=192 as the image runs it.
    'web-node-options': { type: 'string', default: '' },
    // Arguments of the web process's node that NODE_OPTIONS refuses, e.g. '--cpu-prof --cpu-prof-dir=/tmp/prof'.
    'web-node-args': { type: 'string', default: '' },
  },
});
const positive = (name: 'products' | 'duration' | 'connections' | 'warmup') => {
  const value = Number(args[name]);
  if (!Number.isInteger(value) || value < 1) throw new Error(`--${name} must be a positive integer`);
  return value;
};
const PRODUCTS = positive('products');
const settings = {
  duration: positive('duration'),
  connections: positive('connections'),
  warmup: positive('warmup'),
};
const log = (message: string) => console.error(`[bench] ${message}`);
const mb = (bytes: number) => Math.round(bytes / 1_048_576);

async function main(): Promise<void> {
  const started = Date.now();
  const cleanups = cleanupsOnExit(log);
  try {
    const dataDir = mkdtempSync(path.join(os.tmpdir(), 'market-bench-embedded-'));
    cleanups.push('data directory', async () => rmSync(dataDir, { recursive: true, force: true }));
    const db = createDatabase({ kind: 'sqlite', path: path.join(dataDir, 'market.sqlite') });
    let pools;
    try {
      await db.migrate();
      log(`seeding ${PRODUCTS} products into SQLite (${dataDir})`);
      await seedDemoCatalog(db, { products: PRODUCTS });
      // As `npm start` does: a picture per product, in the storage directory the app will use (DATA_DIR/storage).
      const storage = new LocalObjectStorage({
        dir: path.join(dataDir, 'storage'),
        publicBaseUrl: 'http://127.0.0.1/api/storage', // unused: seeding signs no URL
        signingSecret: randomBytes(32).toString('hex'),
      });
      await seedProductImages(db, storage, { onProgress: progressBar('[bench] images') });
      // As `npm start` does (its seed): every active product's page stored (api/services/product-pages.ts).
      const pages = await precomputeProductPages(
        { db, log: createLogger({ level: 'warn' }) },
        progressBar('[bench] product pages'),
      );
      log(`stored ${pages.built} product pages`);
      await db.models.User.create({
        email: ADMIN_EMAIL,
        name: 'Bench Admin',
        role: 'admin',
        passwordHash: await hashPassword(ADMIN_PASSWORD),
      });
      const active = await db.models.Product.findAll({
        attributes: ['slug', 'title'],
        where: { status: 'active' },
        raw: true,
      });
      const categories = await db.models.Category.findAll({ attributes: ['slug'], raw: true });
      pools = {
        slugs: shuffle(active.map((p) => p.slug)),
        words: titleWords(active),
        categories: categories.map((c) => c.slug),
      };
    } finally {
      await db.close();
    }
    if (!pools.slugs.length || !pools.words.length) throw new Error('the seeded catalog is empty');

    // As `npm start` runs it (development: production refuses the embedded test payments and the outbox).
    const web = await startWebProcess(
      {
        NODE_ENV: 'development',
        LOG_LEVEL: 'silent',
        DATA_DIR: dataDir,
        TEMPORAL_ADDRESS: stackEnv('MARKET_TEST_TEMPORAL_ADDRESS'),
        JWT_SECRET: 'bench-embedded-secret-long-enough-for-hs256-signing',
        STORAGE_SIGNING_SECRET: 'bench-embedded-storage-secret-long-enough',
        ...(args['web-node-options'] ? { NODE_OPTIONS: args['web-node-options'] } : {}),
      },
      log,
      args['web-node-args']!.split(' ').filter(Boolean),
    );
    cleanups.push('web process', () => web.stop());
    const base = `http://127.0.0.1:${web.port}`;
    // The first search waits for the index the web process builds from SQLite at boot.
    const first = await fetch(`${base}/api/products?q=${pools.words[0]}`);
    if (first.status !== 200) throw new Error(`GET /api/products?q= answered ${first.status}`);
    const page = await fetch(`${base}/api/products`);
    const pageBody: unknown = await page.json();
    const bare = express();
    bare.get('/bare', (_req, res) => {
      res.json(pageBody);
    });
    const bareServer = await listen(bare);
    cleanups.push('bare server', () => close(bareServer));
    log(
      `${pools.slugs.length} active products, ${pools.words.length} title words; ${web.memory().rssMb} MB resident`,
    );

    const only = args.only ? new RegExp(args.only, 'i') : null;
    const scenarios = [
      { name: 'bare Express JSON (same size)', port: () => port(bareServer), path: () => '/bare' },
      ...appScenarios(pools, catalogPaths(pools), () => web.port, await pageResets(base, dataDir)).filter(
        (s) => !only || only.test(s.name),
      ),
    ];
    const rssBefore = web.memory().rssMb;
    let peak = rssBefore;
    const sampler = setInterval(() => (peak = Math.max(peak, web.memory().rssMb)), 250);
    cleanups.push('rss sampler', async () => clearInterval(sampler));
    const rows = await runScenarios(scenarios, settings, log);

    process.stdout.write(
      [
        `embedded default: products=${PRODUCTS} (active ${pools.slugs.length}) duration=${settings.duration}s ` +
          `connections=${settings.connections} warmup=${settings.warmup}s`,
        '',
        ...loadTable(rows),
        '',
        `web process (node api/dist/main.js web, pid ${web.pid}): resident ${rssBefore} MB before the load, peak ` +
          `${peak} MB sampled under it, VmHWM ${web.memory().peakMb} MB (this process: ${mb(process.memoryUsage().rss)} MB)`,
        `total wall time ${Math.round((Date.now() - started) / 1000)} s`,
        '',
      ].join('\n'),
    );
  } finally {
    await cleanups.run();
  }
}

runMain(main, log);

const ADMIN_EMAIL = 'bench-admin@example.com';
const ADMIN_PASSWORD = `pw-${randomBytes(12).toString('base64url')}`;

/**
 * The web process's cache is in that process: a new catalog generation comes from an admin edit (a category
 * created, which changes no page), as in production. The stored pages are emptied in the SQLite file directly.
 */
async function pageResets(base: string, dataDir: string): Promise<PageResets> {
  const login = await fetch(`${base}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email: ADMIN_EMAIL, password: ADMIN_PASSWORD }),
  });
  if (login.status !== 200) throw new Error(`POST /api/auth/login answered ${login.status}`);
  const { accessToken } = (await login.json()) as { accessToken: string };
  let n = 0;
  return {
    newGeneration: async () => {
      n += 1;
      const res = await fetch(`${base}/api/admin/categories`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${accessToken}` },
        body: JSON.stringify({ name: `Bench generation ${n}`, slug: `bench-generation-${n}` }),
      });
      if (res.status !== 201) throw new Error(`POST /api/admin/categories answered ${res.status}`);
    },
    emptyStoredPages: async () => {
      const db = createDatabase({ kind: 'sqlite', path: path.join(dataDir, 'market.sqlite') });
      try {
        await invalidateAllProductPages({ db });
      } finally {
        await db.close();
      }
    },
  };
}
