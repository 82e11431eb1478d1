import { randomBytes } from 'node:crypto';
import { createPaymentProvider } from '@market/adapters/payments/index';
import { createTestBucket } from '@market/adapters/storage/testing';
import { createTestDatabase } from '@market/db/testing';
import { type Config, loadConfig } from '../config';
import type { AppDeps } from '../deps';
import { createLogger } from '../logger';
import { RedisCache } from '../services/cache';
import { openSearch, temporalDeps } from '../platform';
import { connectTemporal } from '../services/temporal';
import { temporalConnectionOptions } from '../services/temporal-connection-options';

/** Reads a variable the test stack (scripts/test.sh) exports, with a clear message when it is missing. */
export function stackEnv(name: string): string {
  const value = process.env[name];
  if (!value)
    throw new Error(`${name} is not set: run the tests with \`npm test\` (it starts the service stack)`);
  return value;
}

/** The environment of testConfig: what a process started with it (a bench's web process) would read. */
export function testEnv(overrides: Record<string, string> = {}): Record<string, string> {
  return {
    NODE_ENV: 'test',
    LOG_LEVEL: 'silent',
    DATABASE_URL: 'mysql://unused@127.0.0.1/unused', // the test database is opened by createTestDatabase
    REDIS_URL: stackEnv('MARKET_TEST_REDIS_URL'),
    TEMPORAL_ADDRESS: stackEnv('MARKET_TEST_TEMPORAL_ADDRESS'),
    CORS_ORIGINS: 'https://shop.example',
    JWT_SECRET: 'test-secret-that-is-long-enough-for-hs256-signing',
    // Every shopper of a suite checks out from 127.0.0.1, as one office would: limits that such a crowd never hits.
    // The limits themselves are tested with their defaults (api/routes/checkout/limits.test.ts).
    CHECKOUT_RATE_LIMIT_PER_MINUTE: '100000',
    PAYMENT_RATE_LIMIT_PER_MINUTE: '100000',
    // Suites mail many unpaid orders to a few shared addresses; the limit is tested in activities/email-limit.test.ts.
    EMAIL_UNPAID_ORDER_LIMIT_PER_HOUR: '10000',
    ...overrides,
  };
}

/** The stack's S3 (s3proxy) with this bucket, as a process's environment names it. */
export function testS3Env(bucket: string): Record<string, string> {
  return {
    S3_BUCKET: bucket,
    S3_ENDPOINT: stackEnv('MARKET_TEST_S3_ENDPOINT'),
    S3_REGION: stackEnv('MARKET_TEST_S3_REGION'),
    S3_ACCESS_KEY_ID: stackEnv('MARKET_TEST_S3_ACCESS_KEY'),
    S3_SECRET_ACCESS_KEY: stackEnv('MARKET_TEST_S3_SECRET_KEY'),
  };
}

export function testConfig(overrides: Record<string, string> = {}): Config {
  return loadConfig(testEnv(overrides));
}

export interface TestDeps extends AppDeps {
  close(): Promise<void>;
}

/**
 * Real MariaDB, Redis, Temporal, OpenSearch and S3 from the test stack, as the app sees them in production. Each
 * call gets its own bucket (deleted by close()) and its own search alias name, so test files never share them.
 */
export async function createTestDeps(overrides: Record<string, string> = {}): Promise<TestDeps> {
  const bucket = await createTestBucket();
  const config = testConfig({
    SEARCH_URL: stackEnv('MARKET_TEST_OPENSEARCH_URL'),
    SEARCH_ENGINE: 'opensearch',
    SEARCH_INDEX: `test-products-${process.pid}-${randomBytes(4).toString('hex')}`,
    ...testS3Env(bucket.storage.bucket),
    ...overrides,
  });
  const log = createLogger({ level: 'silent' });
  const db = await createTestDatabase();
  // Suites run in parallel on one Redis: a key prefix of their own keeps the catalog generation, cached pages and
  // rate-limit counters of one suite out of another's assertions.
  const cache = RedisCache.connect(config.redis!.url, {
    keyPrefix: `test:${process.pid}:${randomBytes(4).toString('hex')}:`,
  });
  const search = openSearch(config);
  const temporal = await connectTemporal({
    ...temporalConnectionOptions(config.temporal),
    namespace: config.temporal.namespace,
  });
  return {
    config,
    log,
    db,
    cache,
    search,
    storage: bucket.storage,
    payments: createPaymentProvider(config.payments, { db }),
    temporal: temporalDeps(temporal.client, `test-${process.pid}`),
    close: async () => {
      if (search && config.search) {
        for (const index of await search.aliasTargets(config.search.index)) await search.deleteIndex(index);
        await search.close();
      }
      await bucket.drop();
      await temporal.close();
      await cache.close();
      await db.close();
    },
  };
}
