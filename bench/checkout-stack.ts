import { randomBytes } from 'node:crypto';
import { createActivities } from '@market/activities';
import { createMailer } from '@market/adapters/mail/index';
import { createPaymentProvider } from '@market/adapters/payments/index';
import { createTestBucket } from '@market/adapters/storage/testing';
import type { Database } from '@market/db';
import { createScratchMysqlDatabase } from '@market/db/testing';
import type { Client } from '@temporalio/client';
import { createApp } from '../api/app';
import type { AppDeps } from '../api/deps';
import { createLogger } from '../api/logger';
import { temporalDeps } from '../api/platform';
import { RedisCache } from '../api/services/cache';
import { connectTemporal } from '../api/services/temporal';
import { temporalConnectionOptions } from '../api/services/temporal-connection-options';
import { stackEnv, testConfig } from '../api/testing/deps';
import { createWorker } from '../api/worker';
import { progress as log } from './checkout-load';
import { type Cleanups, close, listen, openDatabase, port, withRedisDb } from './support';

export interface CheckoutStack {
  /** The API's base URL on loopback. */
  base: string;
  productIds: number[];
  appDb: Database;
  client: Client;
  taskQueue: string;
  /** The database pool size of the app and of the worker each (the production default). */
  poolMax: number;
}

/**
 * What the checkout benchmarks share: a scratch database with `products` products of `stock` units each, the app
 * on a loopback port and an in-process worker on a task queue of its own, each with its own database pool of the
 * production size (as two processes would have), the stack's Redis, Temporal, S3 and Mailpit. `env` adds
 * configuration (limits, timeouts). Everything is registered in `cleanups`.
 */
export async function startCheckoutStack(
  cleanups: Cleanups,
  options: { products: number; stock: number; redisDb: string; env?: Record<string, string> },
): Promise<CheckoutStack> {
  const scratch = await createScratchMysqlDatabase('market_bench');
  cleanups.push('scratch database', () => scratch.drop());
  log(`database ${scratch.name}: migrating`);
  await scratch.db.migrate();
  const products = await scratch.db.models.Product.bulkCreate(
    Array.from({ length: options.products }, (_, i) => ({
      slug: `bench-checkout-${i}`,
      title: `Bench product ${i}`,
      priceAmount: 1_000 + i,
      currency: 'EUR',
      status: 'active' as const,
    })),
  );
  await scratch.db.models.Inventory.bulkCreate(
    products.map((p) => ({ productId: p.id, onHand: options.stock, reserved: 0 })),
  );

  const bucket = await createTestBucket();
  cleanups.push('bucket', () => bucket.drop());
  const config = testConfig({
    SHOP_CURRENCY: 'EUR',
    LOG_LEVEL: 'silent',
    REDIS_URL: withRedisDb(stackEnv('MARKET_TEST_REDIS_URL'), options.redisDb),
    ...options.env,
  });
  const poolMax = config.database.kind === 'mysql' ? config.database.poolMax : 10;
  const silent = createLogger({ level: 'silent' });
  const appDb = openDatabase(scratch.name, poolMax);
  cleanups.push('app database', () => appDb.close());
  const workerDb = openDatabase(scratch.name, poolMax);
  cleanups.push('worker database', () => workerDb.close());
  const cache = RedisCache.connect(config.redis!.url, { keyPrefix: `bench:${process.pid}:` });
  cleanups.push('cache', () => cache.close());
  const temporal = await connectTemporal({
    ...temporalConnectionOptions(config.temporal),
    namespace: config.temporal.namespace,
  });
  cleanups.push('temporal', () => temporal.close());
  const taskQueue = `bench-checkout-${process.pid}-${randomBytes(4).toString('hex')}`;

  // The emails go to the stack's Mailpit, as in production they go to SMTP.
  const mailer = createMailer({
    kind: 'smtp',
    url: stackEnv('MARKET_TEST_SMTP_URL'),
    from: config.mail.from,
  });
  cleanups.push('mailer', () => mailer.close());
  log(`worker on ${taskQueue}: bundling workflows`);
  const worker = await createWorker({
    ...temporalConnectionOptions(config.temporal),
    namespace: config.temporal.namespace,
    taskQueue,
    activities: createActivities({
      db: workerDb,
      payments: createPaymentProvider({ provider: 'test' }, { db: workerDb }),
      storage: bucket.storage,
      mailer,
      shop: { ...config.shop, from: config.mail.from },
      guestHoldMaxPercent: config.checkout.guestHoldMaxPercent,
      log: silent,
    }),
    log: silent,
  });
  const running = worker.run();
  cleanups.push('worker', () => worker.shutdown().then(() => running));

  const deps: AppDeps = {
    config,
    log: silent,
    db: appDb,
    cache,
    search: null,
    storage: bucket.storage,
    payments: createPaymentProvider({ provider: 'test' }, { db: appDb }),
    temporal: temporalDeps(temporal.client, taskQueue),
  };
  const server = await listen(createApp(deps));
  cleanups.push('app server', () => close(server));
  return {
    base: `http://127.0.0.1:${port(server)}`,
    productIds: products.map((p) => p.id),
    appDb,
    client: temporal.client,
    taskQueue,
    poolMax,
  };
}
