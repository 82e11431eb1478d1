import { createTestDatabase } from '@market/db/testing';
import { type Config, loadConfig } from '../config';
import type { AppDeps } from '../deps';
import { createLogger } from '../logger';
import { RedisCache } from '../services/cache';
import { temporalDeps } from '../platform';
import { connectTemporal } from '../services/temporal';

/** Reads a variable the test stack (scripts/test.sh) exports, with a clear message when it is missing. */
export function stackEnv(name: string): string {
  const value = process.env[name];
  if (!value)
    throw new Error(`${name} is not set: run the tests with \`npm test\` (it starts the service stack)`);
  return value;
}

export function testConfig(overrides: Record<string, string> = {}): Config {
  return loadConfig({
    NODE_ENV: 'test',
    LOG_LEVEL: 'silent',
    DATABASE_URL: 'mysql://unused@127.0.0.1/unused', // the test database is opened by createTestDatabase
    REDIS_URL: stackEnv('MARKET_TEST_REDIS_URL'),
    TEMPORAL_ADDRESS: stackEnv('MARKET_TEST_TEMPORAL_ADDRESS'),
    CORS_ORIGINS: 'https://shop.example',
    JWT_SECRET: 'test-secret-that-is-long-enough-for-hs256-signing',
    ...overrides,
  });
}

export interface TestDeps extends AppDeps {
  close(): Promise<void>;
}

/** Real MariaDB, Redis and Temporal from the test stack, as the app sees them in production. */
export async function createTestDeps(overrides: Record<string, string> = {}): Promise<TestDeps> {
  const config = testConfig(overrides);
  const log = createLogger({ level: 'silent' });
  const db = await createTestDatabase();
  const cache = RedisCache.connect(config.redis!.url);
  const temporal = await connectTemporal({
    address: config.temporal.address!,
    namespace: config.temporal.namespace,
  });
  return {
    config,
    log,
    db,
    cache,
    temporal: temporalDeps(temporal.client, `test-${process.pid}`),
    close: async () => {
      await temporal.close();
      await cache.close();
      await db.close();
    },
  };
}
