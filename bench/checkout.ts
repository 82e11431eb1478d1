/**
 * Checkout benchmark (not a test): N guest checkouts end to end (cart → checkout → pay → paid) through the real
 * API at concurrency C, then — same process, same Temporal server, same worker — N one-activity workflows
 * (platformCheckWorkflow) at the same C, so the checkout figures have a baseline measured in the same run. Real
 * stack from `scripts/stack.sh` (MariaDB, Redis, Temporal, S3), a scratch database, the app on a loopback port and
 * an in-process worker on a task queue of its own. See docs/benchmarks.md.
 *
 *   bash scripts/stack.sh up && eval "$(bash scripts/stack.sh env)"
 *   npx tsx --conditions=source bench/checkout.ts [--orders 200] [--concurrency 10] [--warmup 20] [--products 50]
 */
import { randomBytes } from 'node:crypto';
import { loadavg } from 'node:os';
import { parseArgs } from 'node:util';
import { createActivities } from '@market/activities';
import { createMailer } from '@market/adapters/mail/index';
import { createPaymentProvider } from '@market/adapters/payments/index';
import { createTestBucket } from '@market/adapters/storage/testing';
import { createScratchMysqlDatabase } from '@market/db/testing';
import { type platformCheckWorkflow, workflowTypes } from '@market/workflows/definitions';
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
import { checkoutOnce } from './checkout-flow';
import { latencyHeader, latencyRow, ms, progress as log, runPool, summarize } from './checkout-load';
import { cleanupsOnExit, close, listen, openDatabase, port, withRedisDb } from './support';

const { values: args } = parseArgs({
  options: {
    orders: { type: 'string', default: '200' },
    concurrency: { type: 'string', default: '10' },
    // Untimed flows of each kind first: the workflow bundle's first runs, JIT, connection pools.
    warmup: { type: 'string', default: '20' },
    // Orders spread over this many products, so they do not all queue on one inventory row.
    products: { type: 'string', default: '50' },
    'redis-db': { type: 'string', default: '9' },
  },
});
const ORDERS = positive('orders');
const CONCURRENCY = positive('concurrency');
const WARMUP = positive('warmup');
const PRODUCTS = positive('products');

function positive(name: keyof typeof args): number {
  const value = Number(args[name]);
  if (!Number.isInteger(value) || value < 1) throw new Error(`--${name} must be a positive integer`);
  return value;
}

/** Counts of the event types in one workflow's history: how much Temporal work one flow is. */
async function historyShape(client: Client, workflowId: string): Promise<string> {
  const history = await client.workflow.getHandle(workflowId).fetchHistory();
  const events = history.events ?? [];
  const count = (type: number) => events.filter((e) => e.eventType === type).length;
  // EventType numbers from temporal.api.enums.v1: 7 WORKFLOW_TASK_COMPLETED, 10 ACTIVITY_TASK_SCHEDULED,
  // 17 TIMER_STARTED, 41 WORKFLOW_EXECUTION_UPDATE_ACCEPTED.
  return (
    `${events.length} events, ${count(7)} workflow tasks, ${count(10)} activities, ${count(17)} timers, ` +
    `${count(41)} updates`
  );
}

async function main(): Promise<void> {
  const started = Date.now();
  // Other work on the machine moves every figure: the load average goes into the report.
  const loadAt = () =>
    loadavg()
      .map((l) => l.toFixed(2))
      .join(' ');
  const loadBefore = loadAt();
  const cleanups = cleanupsOnExit(log);

  try {
    // --- data: a scratch database with products that never run out --------------------------------------------
    const scratch = await createScratchMysqlDatabase('market_bench');
    cleanups.push('scratch database', () => scratch.drop());
    log(`database ${scratch.name}: migrating`);
    await scratch.db.migrate();
    const stock = (ORDERS + WARMUP) * 10;
    const products = await scratch.db.models.Product.bulkCreate(
      Array.from({ length: PRODUCTS }, (_, i) => ({
        slug: `bench-checkout-${i}`,
        title: `Bench product ${i}`,
        priceAmount: 1_000 + i,
        currency: 'EUR',
        status: 'active' as const,
      })),
    );
    await scratch.db.models.Inventory.bulkCreate(
      products.map((p) => ({ productId: p.id, onHand: stock, reserved: 0 })),
    );
    const productIds = products.map((p) => p.id);

    // --- the app and the worker: each its own pool of the production size, as two processes would have ----------
    const bucket = await createTestBucket();
    cleanups.push('bucket', () => bucket.drop());
    const config = testConfig({
      SHOP_CURRENCY: 'EUR',
      LOG_LEVEL: 'silent',
      REDIS_URL: withRedisDb(stackEnv('MARKET_TEST_REDIS_URL'), args['redis-db']!),
    });
    const poolMax = config.database.kind === 'mysql' ? config.database.poolMax : 10;
    const log_ = createLogger({ level: 'silent' });
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

    // The emails after payment go to the stack's Mailpit, as in production they go to SMTP.
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
        log: log_,
      }),
      log: log_,
    });
    const running = worker.run();
    cleanups.push('worker', () => worker.shutdown().then(() => running));

    const deps: AppDeps = {
      config,
      log: log_,
      db: appDb,
      cache,
      search: null,
      storage: bucket.storage,
      payments: createPaymentProvider({ provider: 'test' }, { db: appDb }),
      temporal: temporalDeps(temporal.client, taskQueue),
    };
    const server = await listen(createApp(deps));
    cleanups.push('app server', () => close(server));
    const base = `http://127.0.0.1:${port(server)}`;

    const checkout = (i: number) => checkoutOnce(base, productIds[i % productIds.length]!);
    const runId = randomBytes(4).toString('hex');
    const platformCheck = async (i: number) => {
      const t0 = performance.now();
      await temporal.client.workflow.execute<typeof platformCheckWorkflow>(workflowTypes.platformCheck, {
        taskQueue,
        workflowId: `bench-platform-check-${runId}-${i}`,
        args: [],
      });
      return performance.now() - t0;
    };

    // --- warm-up, then the two measured phases, one after the other ----------------------------------------------
    await mustPass(await runPool('warm-up checkouts', WARMUP, CONCURRENCY, checkout));
    await mustPass(
      await runPool('warm-up platform checks', WARMUP, CONCURRENCY, (i) => platformCheck(-1 - i)),
    );

    const orders = await runPool(`checkouts (C=${CONCURRENCY})`, ORDERS, CONCURRENCY, checkout);
    const checks = await runPool(
      `platformCheckWorkflow (C=${CONCURRENCY})`,
      ORDERS,
      CONCURRENCY,
      platformCheck,
    );

    // --- what one flow of each kind costs Temporal ---------------------------------------------------------------
    const anOrder = await appDb.models.Order.findOne({
      where: { status: ['paid', 'processing'] },
      order: [['id', 'DESC']],
    });
    const orderShape = anOrder ? await historyShape(temporal.client, anOrder.workflowId) : 'no paid order';
    const checkShape = await historyShape(temporal.client, `bench-platform-check-${runId}-0`);

    // --- report ----------------------------------------------------------------------------------------------------
    const orderRate = orders.results.length / (orders.wallMs / 1000);
    const checkRate = checks.results.length / (checks.wallMs / 1000);
    const pick = (key: 'cartMs' | 'checkoutMs' | 'payMs' | 'toPaidMs' | 'totalMs') =>
      summarize(orders.results.map((r) => r[key]));
    const toPaid = pick('toPaidMs');
    const check = summarize(checks.results);
    const polled = orders.results.filter((r) => r.polls > 0).length;
    process.stdout.write(
      [
        `orders=${ORDERS} concurrency=${CONCURRENCY} warmup=${WARMUP} products=${PRODUCTS} ` +
          `app+worker pools=${poolMax}+${poolMax}`,
        '',
        '| Flow | done | failed | wall s | per second | p50 ms | p95 ms | p99 ms |',
        '| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: |',
        `| checkout end to end (cart → paid); latency = checkout request → paid | ${orders.results.length} | ` +
          `${orders.failed} | ${(orders.wallMs / 1000).toFixed(1)} | ${orderRate.toFixed(2)} | ` +
          `${ms(toPaid.p50)} | ${ms(toPaid.p95)} | ${ms(toPaid.p99)} |`,
        `| platformCheckWorkflow (one activity), start → result | ${checks.results.length} | ${checks.failed} | ` +
          `${(checks.wallMs / 1000).toFixed(1)} | ${checkRate.toFixed(2)} | ${ms(check.p50)} | ` +
          `${ms(check.p95)} | ${ms(check.p99)} |`,
        '',
        `checkouts/s ÷ one-activity workflows/s = ${(orderRate / checkRate).toFixed(3)}; ` +
          `p50 to paid ÷ p50 one-activity workflow = ${(toPaid.p50 / check.p50).toFixed(1)}×`,
        '',
        ...latencyHeader,
        latencyRow('POST /api/cart/items', pick('cartMs')),
        latencyRow('POST /api/checkout', pick('checkoutMs')),
        latencyRow('POST /api/orders/:id/pay', pick('payMs')),
        latencyRow('checkout request → paid', toPaid),
        latencyRow('cart → paid', pick('totalMs')),
        latencyRow('platformCheckWorkflow', check),
        '',
        `pay answers not yet paid (then polled): ${polled} of ${orders.results.length}`,
        `one order's history: ${orderShape}`,
        `one platform check's history: ${checkShape}`,
        ...[...orders.errors, ...checks.errors].map((e) => `error: ${e}`),
        '',
        `load average (1/5/15 min) at start ${loadBefore}, at end ${loadAt()}`,
        `total wall time ${Math.round((Date.now() - started) / 1000)} s`,
        '',
      ].join('\n'),
    );
  } finally {
    await cleanups.run();
  }
}

/** A warm-up that fails means the setup is wrong: stop before measuring anything. */
async function mustPass(result: { failed: number; errors: string[] }): Promise<void> {
  if (result.failed) throw new Error(`warm-up failed ${result.failed} times: ${result.errors.join('; ')}`);
}

main().then(
  () => process.exit(0),
  (err: unknown) => {
    log(err instanceof Error ? (err.stack ?? err.message) : String(err));
    process.exit(1);
  },
);
