/**
 * Checkout benchmark (not a test): N guest checkouts end to end (cart → checkout → pay → paid) through the real
 * API at concurrency C, then — same Temporal server, same worker — N one-activity workflows (platformCheckWorkflow)
 * at the same C, so the checkout figures have a baseline measured in the same run. Real stack from
 * `scripts/stack.sh` (MariaDB, Redis, Temporal, S3), a scratch database, the app on a loopback port in this process
 * and the worker on a task queue of its own: in a process of its own by default, as production runs it, or in this
 * process (`--worker in-process`). See docs/benchmarks.md.
 *
 *   bash scripts/stack.sh up && eval "$(bash scripts/stack.sh env)"
 *   npx tsx --conditions=source bench/checkout.ts [--orders 200] [--concurrency 10] [--warmup 20] [--products 50]
 *     [--worker process|in-process] [--worker-node-args='--cpu-prof --cpu-prof-dir=/tmp/prof']
 */
import { randomBytes } from 'node:crypto';
import { loadavg } from 'node:os';
import { parseArgs } from 'node:util';
import { type platformCheckWorkflow, workflowTypes } from '@market/workflows/definitions';
import type { Client } from '@temporalio/client';
import { checkoutOnce } from './checkout-flow';
import { type CpuParts, cpuPerFlow, cpuSnapshot } from './cpu-usage';
import { latencyHeader, latencyRow, ms, progress as log, runPool, summarize } from './checkout-load';
import { startCheckoutStack } from './checkout-stack';
import { cleanupsOnExit, runMain } from './support';

const { values: args } = parseArgs({
  options: {
    orders: { type: 'string', default: '200' },
    concurrency: { type: 'string', default: '10' },
    // Untimed flows of each kind first: the workflow bundle's first runs, JIT, connection pools.
    warmup: { type: 'string', default: '20' },
    // Orders spread over this many products, so they do not all queue on one inventory row.
    products: { type: 'string', default: '50' },
    'redis-db': { type: 'string', default: '9' },
    // `process`: the worker in a process of its own (node api/dist/main.js worker), as production runs it.
    worker: { type: 'string', default: 'process' },
    // Node arguments of the worker process, space-separated (e.g. --cpu-prof --cpu-prof-dir=/tmp/prof): to profile it.
    'worker-node-args': { type: 'string', default: '' },
  },
});
const ORDERS = positive('orders');
const CONCURRENCY = positive('concurrency');
const WARMUP = positive('warmup');
const PRODUCTS = positive('products');
const WORKER = workerPlacement(args.worker);

function workerPlacement(value: string | undefined): 'process' | 'in-process' {
  if (value === 'process' || value === 'in-process') return value;
  throw new Error('--worker must be process or in-process');
}

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
    // --- a scratch database with products that never run out, the app and the worker ---------------------------
    const { base, productIds, appDb, client, taskQueue, poolMax, workerPid } = await startCheckoutStack(
      cleanups,
      {
        products: PRODUCTS,
        stock: (ORDERS + WARMUP) * 10,
        redisDb: args['redis-db']!,
        worker: WORKER,
        workerNodeArgs: args['worker-node-args']!.split(' ').filter(Boolean),
      },
    );

    const checkout = (i: number) => checkoutOnce(base, productIds[i % productIds.length]!);
    const runId = randomBytes(4).toString('hex');
    const platformCheck = async (i: number) => {
      const t0 = performance.now();
      await client.workflow.execute<typeof platformCheckWorkflow>(workflowTypes.platformCheck, {
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

    // CPU of each part over each phase (/proc): what one flow costs the worker, Temporal, MariaDB and the rest.
    const parts: CpuParts = {
      worker: [workerPid],
      Temporal: /temporal\S*\s+server\s+start-dev/,
      MariaDB: /\b(mariadbd|mysqld)\b/,
      'API + load (this process)': [process.pid],
    };
    if (WORKER === 'in-process') delete parts.worker;
    const cpu0 = cpuSnapshot(parts);
    const orders = await runPool(`checkouts (C=${CONCURRENCY})`, ORDERS, CONCURRENCY, checkout);
    const cpu1 = cpuSnapshot(parts);
    const checks = await runPool(
      `platformCheckWorkflow (C=${CONCURRENCY})`,
      ORDERS,
      CONCURRENCY,
      platformCheck,
    );
    const cpu2 = cpuSnapshot(parts);
    const cpuRows = [
      ['checkout', cpuPerFlow(cpu0, cpu1, orders.results.length)],
      ['one-activity workflow', cpuPerFlow(cpu1, cpu2, checks.results.length)],
    ] as const;

    // --- what one flow of each kind costs Temporal ---------------------------------------------------------------
    const anOrder = await appDb.models.Order.findOne({
      where: { status: ['paid', 'processing'] },
      order: [['id', 'DESC']],
    });
    const orderShape = anOrder ? await historyShape(client, anOrder.workflowId) : 'no paid order';
    const checkShape = await historyShape(client, `bench-platform-check-${runId}-0`);

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
          `app+worker pools=${poolMax}+${poolMax} worker=${WORKER}`,
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
        ...cpuTable(cpuRows),
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

/**
 * ms of CPU per flow of each phase, by part and for the whole machine (the load generator included), and how many
 * cores were busy: compare runs by these, since the host's speed moves every rate between runs.
 */
function cpuTable(rows: readonly (readonly [string, ReturnType<typeof cpuPerFlow>])[]): string[] {
  const measured = rows.filter((row) => row[1] !== null);
  if (!measured.length) return ['CPU per flow: not measured (no /proc)', ''];
  const names = Object.keys(measured[0]![1]!.parts);
  return [
    `| CPU per flow, ms | machine | ${names.join(' | ')} | cores busy |`,
    `| --- | ---: | ${names.map(() => '---:').join(' | ')} | ---: |`,
    ...measured.map(([flow, cpu]) => {
      const partsMs = names.map((name) => cpu!.parts[name]!.toFixed(0));
      return `| ${flow} | ${cpu!.machine.toFixed(0)} | ${partsMs.join(' | ')} | ${cpu!.coresBusy.toFixed(2)} |`;
    }),
    '',
  ];
}

/** A warm-up that fails means the setup is wrong: stop before measuring anything. */
async function mustPass(result: { failed: number; errors: string[] }): Promise<void> {
  if (result.failed) throw new Error(`warm-up failed ${result.failed} times: ${result.errors.join('; ')}`);
}

runMain(main, log);
