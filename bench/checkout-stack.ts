import { randomBytes } from 'node:crypto';
import { createActivities } from '@market/activities';
import { createMailer } from '@market/adapters/mail/index';
import { createPaymentProvider } from '@market/adapters/payments/index';
import type { ObjectStorage } from '@market/adapters/storage/port';
import { createTestBucket } from '@market/adapters/storage/testing';
import type { Database } from '@market/db';
import { createScratchMysqlDatabase } from '@market/db/testing';
import type { Client } from '@temporalio/client';
import { createApp } from '../api/app';
import type { Config } from '../api/config';
import type { AppDeps } from '../api/deps';
import { createLogger } from '../api/logger';
import { temporalDeps } from '../api/platform';
import { RedisCache } from '../api/services/cache';
import { connectTemporal } from '../api/services/temporal';
import { temporalConnectionOptions } from '../api/services/temporal-connection-options';
import { stackEnv, testConfig, testEnv, testS3Env } from '../api/testing/deps';
import { createWorker } from '../api/worker';
import { progress as log } from './checkout-load';
import { startWorkerProcess } from './role-process';
import { type Cleanups, close, databaseUrl, listen, openDatabase, port, withRedisDb } from './support';

export interface CheckoutStack {
  /** The API's base URL on loopback. */
  base: string;
  productIds: number[];
  appDb: Database;
  client: Client;
  taskQueue: string;
  /** The database pool size of the app and of the worker each (the production default). */
  poolMax: number;
  /** The worker's process: this one with `worker: 'in-process'`. */
  workerPid: number;
}

/**
 * What the checkout benchmarks share: a scratch database with `products` products of `stock` units each, the app
 * on a loopback port and a worker on a task queue of its own, each with its own database pool of the production
 * size, the stack's Redis, Temporal, S3 and Mailpit. The worker runs in this process (`in-process`) or, as
 * production runs it, in a process of its own (`node api/dist/main.js worker`, `process`). `env` adds configuration
 * (limits, timeouts). Everything is registered in `cleanups`.
 */
export async function startCheckoutStack(
  cleanups: Cleanups,
  options: {
    products: number;
    stock: number;
    redisDb: string;
    env?: Record<string, string>;
    worker?: 'in-process' | 'process';
    /** Node arguments of the worker process (to profile it). */
    workerNodeArgs?: string[];
  },
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
  const cache = RedisCache.connect(config.redis!.url, { keyPrefix: `bench:${process.pid}:` });
  cleanups.push('cache', () => cache.close());
  const temporal = await connectTemporal({
    ...temporalConnectionOptions(config.temporal),
    namespace: config.temporal.namespace,
  });
  cleanups.push('temporal', () => temporal.close());
  const taskQueue = `bench-checkout-${process.pid}-${randomBytes(4).toString('hex')}`;

  let workerPid = process.pid;
  if (options.worker === 'process') {
    const worker = await startWorkerProcess(
      testEnv({
        SHOP_CURRENCY: 'EUR',
        ...options.env,
        DATABASE_URL: databaseUrl(scratch.name),
        REDIS_URL: config.redis!.url,
        TEMPORAL_TASK_QUEUE: taskQueue,
        PAYMENTS_PROVIDER: 'test',
        ...testS3Env(bucket.storage.bucket),
        SMTP_URL: stackEnv('MARKET_TEST_SMTP_URL'),
      }),
      log,
      () => polling(temporal.client, config.temporal.namespace, taskQueue),
      options.workerNodeArgs,
    );
    cleanups.push('worker process', () => worker.stop());
    workerPid = worker.pid;
  } else {
    const workerDb = openDatabase(scratch.name, poolMax);
    cleanups.push('worker database', () => workerDb.close());
    await startInProcessWorker(cleanups, { config, db: workerDb, storage: bucket.storage, taskQueue });
  }
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
    workerPid,
  };
}

/** Temporal sees pollers of both kinds on the task queue: a worker is ready to take this queue's tasks. */
async function polling(client: Client, namespace: string, taskQueue: string): Promise<boolean> {
  // TaskQueueType 1 is workflow tasks, 2 activity tasks (temporal.api.enums.v1).
  const pollers = await Promise.all(
    [1, 2].map((taskQueueType) =>
      client.workflowService
        .describeTaskQueue({ namespace, taskQueue: { name: taskQueue }, taskQueueType })
        .then((described) => described.pollers?.length ?? 0),
    ),
  );
  return pollers.every((count) => count > 0);
}

/** The worker in this process, with a database pool of its own, as a second process would have. */
async function startInProcessWorker(
  cleanups: Cleanups,
  {
    config,
    db,
    storage,
    taskQueue,
  }: { config: Config; db: Database; storage: ObjectStorage; taskQueue: string },
): Promise<void> {
  const silent = createLogger({ level: 'silent' });
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
      db,
      payments: createPaymentProvider({ provider: 'test' }, { db }),
      storage,
      mailer,
      shop: { ...config.shop, from: config.mail.from },
      guestHoldMaxPercent: config.checkout.guestHoldMaxPercent,
      log: silent,
    }),
    log: silent,
  });
  const running = worker.run();
  cleanups.push('worker', () => worker.shutdown().then(() => running));
}
