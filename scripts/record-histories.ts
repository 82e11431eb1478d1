/**
 * Records the event histories that workflows/replay.unit.test.ts replays: runs each workflow below on a real
 * Temporal server and saves its history to workflows/histories/<name>.json. Commit the files it writes.
 *
 *   npx tsx --conditions=source scripts/record-histories.ts [--address host:port] [--cli path/to/temporal]
 *     [--only name,name]   (record just these)
 *     [--overwrite]        (replace committed files too; without it a recording whose file exists is skipped)
 *
 * Without --address it runs a throwaway dev server (the CLI from --cli, $TEMPORAL_CLI_PATH, or the cached one).
 * Record a new history when a workflow gains a path worth pinning; never re-record one to make a replay pass. A
 * committed history pins runs started by the code of its day (order-paid and its siblings ended at paid, before
 * patched('fulfilment')): re-recorded today it would pin something else, which is why files are kept by default.
 */
import { randomUUID } from 'node:crypto';
import { existsSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { createActivities } from '@market/activities';
import { thumbnailKey } from '@market/activities/images';
import {
  cancelUpdate,
  checkoutUpdate,
  deliverUpdate,
  type OrderInput,
  type OrderState,
  orderStateQuery,
  payUpdate,
  paymentEventSignal,
  refundUpdate,
  retryUpdate,
  shipUpdate,
  workflowTypes,
} from '@market/workflows/definitions';
import { createOrderFakes, orderInput, testCards } from '@market/workflows/testing/order-fakes';
import type { WorkflowHandle } from '@temporalio/client';
import { historyToJSON } from '@temporalio/common/lib/proto-utils';
import { TestWorkflowEnvironment } from '@temporalio/testing';
import { createLogger } from '../api/logger';
import { connectTemporal } from '../api/services/temporal';
import { temporalExecutable } from '../api/services/temporal-dev-server';
import { createWorker, installTemporalLogging } from '../api/worker';

interface Recording {
  /** File name under workflows/histories/, without .json. */
  name: string;
  workflowType: string;
  args: unknown[];
  /**
   * Start with signal-with-start of this signal instead of start, then send it again after each delay (ms from
   * the previous one), so the history pins how the workflow coalesces signals.
   */
  signal?: { name: string; resendAfterMs: number[] };
  /** Talks to the started workflow (updates, signals) before the recorder waits for its result. */
  drive?: (handle: WorkflowHandle) => Promise<void>;
}

/** How long the recorder waits for a run to end once it has been driven; then it terminates the run and stops. */
const resultTimeoutMs = 60_000;

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * Polls the order's state until `reached` holds (a real server does not skip time: some steps take real seconds),
 * at most `timeoutMs`; then fails naming what it waited for and where the order was.
 */
async function waitForOrder(
  handle: WorkflowHandle,
  what: string,
  reached: (state: OrderState) => boolean,
  timeoutMs = 10_000,
): Promise<OrderState> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const state = await handle.query(orderStateQuery);
    if (reached(state)) return state;
    if (Date.now() > deadline) {
      throw new Error(
        `${handle.workflowId}: no ${what} within ${timeoutMs / 1000} s ` +
          `(phase ${state.phase}, stuck ${state.stuck ?? 'none'}, invoice ${state.fulfilment?.invoice ?? '-'})`,
      );
    }
    await sleep(200);
  }
}

/** The run's end, at most `resultTimeoutMs` away: a run left waiting (an update the drive forgot) is terminated. */
async function resultWithin(handle: WorkflowHandle, name: string): Promise<void> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<'timeout'>((resolve) => {
    timer = setTimeout(() => resolve('timeout'), resultTimeoutMs);
  });
  try {
    if ((await Promise.race([handle.result(), timeout])) !== 'timeout') return;
  } finally {
    clearTimeout(timer);
  }
  const { phase } = await handle.query(orderStateQuery).catch(() => ({ phase: 'unknown' }));
  await handle.terminate(`record-histories: ${name} did not complete`);
  throw new Error(
    `${name}: the run did not complete within ${resultTimeoutMs / 1000} s (last phase ${phase}); terminated it`,
  );
}

const outOfStockProductId = 9;

// The order's checkout, as the API sends it (there with update-with-start, which the recording does not need).
const order = (overrides: Partial<OrderInput> = {}) => [orderInput(overrides)];
const checkout = (handle: WorkflowHandle) =>
  handle.executeUpdate(checkoutUpdate, { args: [{ requestHash: orderInput().requestHash }] });
const payWith = async (handle: WorkflowHandle, paymentMethodId: string) => {
  await checkout(handle);
  await handle.executeUpdate(payUpdate, { args: [{ paymentMethodId }] });
};

// Fulfilment: the order runs until it is delivered (and its refund window, none here, has closed), cancelled or
// refunded; a real server does not skip the default 30 days.
const fulfilledOrder = () => order({ refundWindowDays: 0 });
const processing = (handle: WorkflowHandle) =>
  waitForOrder(handle, 'processing', (state) => state.phase === 'processing');
const ship = (handle: WorkflowHandle) =>
  handle.executeUpdate(shipUpdate, { args: [{ carrier: 'DHL', trackingNumber: 'DHL-1' }] });
const deliver = (handle: WorkflowHandle) => handle.executeUpdate(deliverUpdate, { args: [] });

/** Orders whose invoice fails this many more times (the first tries): see order-invoice-retry. */
const failingInvoices = new Map<number, number>();

const recordings: Recording[] = [
  { name: 'platform-check', workflowType: workflowTypes.platformCheck, args: [] },
  {
    name: 'product-image',
    workflowType: workflowTypes.productImage,
    args: [
      { imageId: 1, productId: 1, originalKey: 'products/1/00000000-0000-4000-8000-000000000000/original' },
    ],
  },
  // Two changes in the debounce window (one sync), then one during that sync (a second round).
  {
    name: 'catalog-sync',
    workflowType: workflowTypes.catalogSync,
    args: [1],
    signal: { name: 'changed', resendAfterMs: [100, 1_300] },
  },
  // Five products in batches of two: three batches, swap, delete the old index.
  { name: 'reindex', workflowType: workflowTypes.reindex, args: [{ batchSize: 2 }] },
  // Orders (the fake shop below): paid by card; declined; never paid (a 2-second hold); out of stock.
  {
    name: 'order-paid',
    workflowType: workflowTypes.order,
    args: order(),
    drive: (handle) => payWith(handle, testCards.visa),
  },
  {
    name: 'order-declined',
    workflowType: workflowTypes.order,
    args: order(),
    drive: (handle) => payWith(handle, testCards.declined),
  },
  {
    name: 'order-timeout',
    workflowType: workflowTypes.order,
    args: order({ paymentTimeoutSeconds: 2 }),
    drive: async (handle) => void (await checkout(handle)),
  },
  {
    name: 'order-out-of-stock',
    workflowType: workflowTypes.order,
    args: order({
      lines: [
        {
          productId: outOfStockProductId,
          title: 'Sold out',
          unitPriceAmount: 2_000,
          quantity: 1,
          lineTotalAmount: 2_000,
        },
      ],
    }),
  },
  // A webhook delivered twice (one event id), then a pay request that finds the order already capturing.
  {
    name: 'order-webhook-duplicates',
    workflowType: workflowTypes.order,
    args: order(),
    drive: async (handle) => {
      const { payment } = await checkout(handle);
      const event = {
        eventId: 'evt_history_1',
        kind: 'authorized' as const,
        providerPaymentId: payment.providerPaymentId!,
      };
      await handle.signal(paymentEventSignal, event);
      await handle.signal(paymentEventSignal, event);
      await handle.executeUpdate(payUpdate, { args: [{ paymentMethodId: testCards.visa }] });
    },
  },
  // Fulfilment (behind patched('fulfilment')): shipped and delivered; then what support does on the way.
  {
    name: 'order-delivered',
    workflowType: workflowTypes.order,
    args: fulfilledOrder(),
    drive: async (handle) => {
      await payWith(handle, testCards.visa);
      await processing(handle);
      await ship(handle);
      await deliver(handle);
    },
  },
  // Cancelled while processing: the full refund, the stock back on the shelf.
  {
    name: 'order-cancelled-processing',
    workflowType: workflowTypes.order,
    args: fulfilledOrder(),
    drive: async (handle) => {
      await payWith(handle, testCards.visa);
      await processing(handle);
      await handle.executeUpdate(cancelUpdate, {
        args: [{ by: 'staff:support@market.local', reason: 'customer called' }],
      });
    },
  },
  // Shipped, then refunded in two parts: 10.00, then the rest (the order ends refunded).
  {
    name: 'order-refunded',
    workflowType: workflowTypes.order,
    args: fulfilledOrder(),
    drive: async (handle) => {
      await payWith(handle, testCards.visa);
      await processing(handle);
      await ship(handle);
      await handle.executeUpdate(refundUpdate, {
        args: [{ amount: 1_000, reason: 'damaged', by: 'staff:x' }],
      });
      await handle.executeUpdate(refundUpdate, {
        args: [{ amount: null, reason: 'damaged', by: 'staff:x' }],
      });
    },
  },
  // Cancelled before paying: the payment voided, the stock released (no fulfilment).
  {
    name: 'order-cancelled-awaiting-payment',
    workflowType: workflowTypes.order,
    args: fulfilledOrder(),
    drive: async (handle) => {
      await checkout(handle);
      await handle.executeUpdate(cancelUpdate, { args: [{ by: 'customer', reason: 'changed my mind' }] });
    },
  },
  // The invoice fails its five tries (about 30 s of backoff), waits for support's retry, then works; shipping and
  // delivery follow.
  {
    name: 'order-invoice-retry',
    workflowType: workflowTypes.order,
    args: fulfilledOrder(),
    drive: async (handle) => {
      const { orderId } = await checkout(handle);
      failingInvoices.set(orderId!, 5);
      await handle.executeUpdate(payUpdate, { args: [{ paymentMethodId: testCards.visa }] });
      await waitForOrder(handle, 'invoice waiting for a retry', (state) => state.stuck === 'invoice', 90_000);
      const retried = await handle.executeUpdate(retryUpdate, { args: [] });
      if (retried.fulfilment?.invoice !== 'ready') {
        throw new Error(
          `${handle.workflowId}: the retried invoice is ${retried.fulfilment?.invoice}, not ready`,
        );
      }
      await ship(handle);
      await deliver(handle);
    },
  },
];

const fakeProductIds = [1, 2, 3, 4, 5];
const invoiceFakes = createOrderFakes().activities;
// Capture takes a moment, so the webhook recording's pay request arrives while the order is capturing. The invoice
// fails for the orders in failingInvoices until their count runs out.
const orderFakes = createOrderFakes({
  stock: { [outOfStockProductId]: 0 },
  captureDelayMs: 500,
  overrides: {
    generateInvoice: async (input) => {
      const failuresLeft = failingInvoices.get(input.orderId) ?? 0;
      if (failuresLeft > 0) {
        failingInvoices.set(input.orderId, failuresLeft - 1);
        throw new Error('invoice storage unavailable (a failure the recording asked for)');
      }
      return invoiceFakes.generateInvoice(input);
    },
  },
});

// Fakes stand in for outside systems: a history records what the workflow saw, not how the activity got it.
const activities = {
  ...createActivities({ db: { ping: async () => undefined } }),
  // No storage: the keys the real activity would have written.
  generateThumbnails: async ({ originalKey }: { originalKey: string }) => ({
    thumbnails: { small: thumbnailKey(originalKey, 'small'), large: thumbnailKey(originalKey, 'large') },
  }),
  // No search engine or catalog: a sync that takes a moment (so a signal can arrive during it), a catalog of five.
  syncProductDocuments: async (ids: number[]) => {
    await new Promise((resolve) => setTimeout(resolve, 500));
    return { indexed: ids, removed: [] };
  },
  countProducts: async () => fakeProductIds.length,
  listProductIds: async (afterId: number, limit: number) =>
    fakeProductIds.filter((id) => id > afterId).slice(0, limit),
  createReindexTarget: async (stamp: string) => `products-${stamp}`,
  indexProducts: async (_index: string, ids: number[]) => ids.length,
  swapSearchAlias: async () => ['products-initial'],
  deleteSearchIndices: async () => undefined,
  ...orderFakes.activities,
};
const log = createLogger({ level: 'warn' });

const historyFile = (name: string) => path.join(__dirname, '..', 'workflows', 'histories', `${name}.json`);

async function record(address: string, selected: Recording[]): Promise<void> {
  const namespace = 'default';
  const taskQueue = `record-histories-${randomUUID()}`;
  const temporal = await connectTemporal({ address, namespace });
  const worker = await createWorker({ address, namespace, taskQueue, activities, log });
  const running = worker.run();
  try {
    for (const { name, workflowType, args, signal, drive } of selected) {
      const options = { taskQueue, workflowId: `history-${name}-${randomUUID()}`, args };
      const handle = signal
        ? await temporal.client.workflow.signalWithStart(workflowType, { ...options, signal: signal.name })
        : await temporal.client.workflow.start(workflowType, options);
      for (const delay of signal?.resendAfterMs ?? []) {
        await new Promise((resolve) => setTimeout(resolve, delay));
        await handle.signal(signal!.name);
      }
      await drive?.(handle);
      await resultWithin(handle, name);
      const history = await handle.fetchHistory();
      const file = historyFile(name);
      writeFileSync(file, historyToJSON(history) + '\n');
      console.log(`recorded ${path.relative(process.cwd(), file)} (${history.events?.length ?? 0} events)`);
    }
  } finally {
    await worker.shutdown();
    await running;
    await temporal.close();
  }
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      address: { type: 'string' },
      cli: { type: 'string' },
      only: { type: 'string' },
      overwrite: { type: 'boolean', default: false },
    },
  });
  const only = values.only?.split(',').map((name) => name.trim());
  const unknown = only?.filter((name) => !recordings.some((r) => r.name === name)) ?? [];
  if (unknown.length) {
    throw new Error(
      `no recording named ${unknown.join(', ')}; known: ${recordings.map((r) => r.name).join(', ')}`,
    );
  }
  const selected = recordings.filter(({ name }) => {
    if (only && !only.includes(name)) return false;
    if (values.overwrite || !existsSync(historyFile(name))) return true;
    console.log(`kept ${name}.json (committed; --overwrite replaces it)`);
    return false;
  });
  if (!selected.length) return;
  installTemporalLogging(log); // before the dev server sets up the Temporal runtime
  if (values.address) return record(values.address, selected);
  const env = await TestWorkflowEnvironment.createLocal({
    server: { executable: temporalExecutable(values.cli ?? process.env.TEMPORAL_CLI_PATH) },
  });
  try {
    await record(env.address, selected);
  } finally {
    await env.teardown();
  }
}

main().catch((err: unknown) => {
  console.error(err);
  process.exit(1);
});
