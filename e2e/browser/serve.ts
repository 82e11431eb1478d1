import { randomBytes } from 'node:crypto';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { createScratchMysqlDatabase } from '@market/db/testing';
import { ApplicationFailure } from '@temporalio/common';
import { Redis } from 'ioredis';
import { seedCatalog } from '../../api/cli/seed-catalog';
import { loadConfig } from '../../api/config';
import { ensureStaff } from '../../api/embedded/staff';
import { createLogger } from '../../api/logger';
import { startMockProvider } from '../../api/routes/oauth/testing';
import { startRoles } from '../../api/server';
import { BROWSER_STACK } from './stack';

/**
 * The whole platform for the browser tests, on the real test stack (scripts/stack.sh): a scratch MariaDB
 * database, Redis (a database number of its own, emptied first), the Temporal dev server with a task queue of its
 * own, OpenSearch, an S3 bucket, Mailpit, the built-in test payments; a seeded catalog with images; web + worker
 * on BROWSER_STACK.port, serving the built storefront. Playwright starts it (playwright.config.ts) and stops it
 * with SIGTERM; the scratch database and data directory go with it.
 */
function env(name: string): string {
  const value = process.env[name];
  if (!value) throw new Error(`${name} is not set: run the browser tests through \`npm test\``);
  return value;
}

async function main(): Promise<void> {
  const scratch = await createScratchMysqlDatabase('market_browser');
  const dataDir = mkdtempSync(path.join(tmpdir(), 'market-browser-'));
  const suffix = `${process.pid}-${randomBytes(3).toString('hex')}`;
  const redis = new URL(env('MARKET_TEST_REDIS_URL'));
  redis.pathname = `/${BROWSER_STACK.redisDb}`;
  // Google sign-in against a real OpenID Connect provider on loopback (oauth2-mock-server), as in the API's tests.
  const google = await startMockProvider({ always: { ...BROWSER_STACK.google } });
  const database = new URL(env('MARKET_TEST_DATABASE_URL'));
  database.pathname = `/${scratch.name}`;
  const config = loadConfig({
    NODE_ENV: 'test',
    LOG_LEVEL: process.env.LOG_LEVEL ?? 'warn',
    PORT: String(BROWSER_STACK.port),
    PUBLIC_URL: BROWSER_STACK.baseUrl,
    DATA_DIR: dataDir,
    DATABASE_URL: database.toString(),
    REDIS_URL: redis.toString(),
    TEMPORAL_ADDRESS: env('MARKET_TEST_TEMPORAL_ADDRESS'),
    TEMPORAL_TASK_QUEUE: `browser-${suffix}`,
    TEMPORAL_UI_URL: env('MARKET_TEST_TEMPORAL_UI_URL'),
    SEARCH_URL: env('MARKET_TEST_OPENSEARCH_URL'),
    SEARCH_ENGINE: 'opensearch',
    SEARCH_INDEX: `browser-products-${suffix}`,
    S3_BUCKET: `browser-${suffix}`,
    S3_ENDPOINT: env('MARKET_TEST_S3_ENDPOINT'),
    S3_REGION: env('MARKET_TEST_S3_REGION'),
    S3_ACCESS_KEY_ID: env('MARKET_TEST_S3_ACCESS_KEY'),
    S3_SECRET_ACCESS_KEY: env('MARKET_TEST_S3_SECRET_KEY'),
    S3_FORCE_PATH_STYLE: 'true',
    SMTP_URL: env('MARKET_TEST_SMTP_URL'),
    JWT_SECRET: randomBytes(32).toString('hex'),
    GOOGLE_CLIENT_ID: 'market-browser-client',
    GOOGLE_CLIENT_SECRET: 'market-browser-secret',
    GOOGLE_AUTHORIZATION_URL: `${google.url}/authorize`,
    GOOGLE_TOKEN_URL: `${google.url}/token`,
    GOOGLE_USERINFO_URL: `${google.url}/userinfo`,
    ADMIN_PASSWORD: BROWSER_STACK.adminPassword,
    SUPPORT_PASSWORD: BROWSER_STACK.adminPassword,
    ...(process.env.STOREFRONT_BUILD_DIR ? { STOREFRONT_BUILD_DIR: process.env.STOREFRONT_BUILD_DIR } : {}),
    ...(process.env.ADMIN_BUILD_DIR ? { ADMIN_BUILD_DIR: process.env.ADMIN_BUILD_DIR } : {}),
  });
  const log = createLogger({ level: config.log.level });

  try {
    await scratch.db.migrate();
    await seedCatalog(config, scratch.db, {
      products: BROWSER_STACK.products,
      images: 'all',
      label: '[browser]',
    });
    await ensureStaff(config, scratch.db);
  } finally {
    await scratch.db.close();
  }
  const flush = new Redis(redis.toString());
  await flush.flushdb();
  flush.disconnect();

  // A capture outage on demand: while the fault file exists, captures fail at once (no retries), so an order gets
  // stuck at capture for support to retry (admin.spec.ts).
  rmSync(BROWSER_STACK.captureFaultFile, { force: true });
  const running = await startRoles(
    config,
    log,
    'all',
    (err) => {
      log.fatal({ err }, 'the browser stack lost its worker');
      process.exit(1);
    },
    {
      activities: (real) => ({
        capturePayment: async (input) => {
          if (existsSync(BROWSER_STACK.captureFaultFile)) {
            throw ApplicationFailure.nonRetryable(
              'capture outage injected by the browser tests',
              'InjectedOutage',
            );
          }
          return real.capturePayment(input);
        },
      }),
    },
  );
  console.log(`[browser] market is running at ${BROWSER_STACK.baseUrl}`);

  let stopping = false;
  const stop = async () => {
    if (stopping) return;
    stopping = true;
    await running.stop().catch((err: unknown) => console.error(err));
    await google.stop().catch((err: unknown) => console.error(err));
    await scratch.drop().catch((err: unknown) => console.error(err));
    rmSync(dataDir, { recursive: true, force: true });
    process.exit(0);
  };
  process.on('SIGTERM', () => void stop());
  process.on('SIGINT', () => void stop());
}

main().catch((err: unknown) => {
  console.error(err);
  process.exit(1);
});
