/**
 * Records the event histories that workflows/replay.unit.test.ts replays: runs each workflow below on a real
 * Temporal server and saves its history to workflows/histories/<name>.json. Commit the files it writes.
 *
 *   npx tsx --conditions=source scripts/record-histories.ts [--address host:port] [--cli path/to/temporal]
 *     [--only name,name]   (record just these; the others keep their committed files)
 *
 * Without --address it runs a throwaway dev server (the CLI from --cli, $TEMPORAL_CLI_PATH, or the cached one).
 * Record a new history when a workflow gains a path worth pinning; never re-record one to make a replay pass.
 */
import { randomUUID } from 'node:crypto';
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { createActivities } from '@market/activities';
import { thumbnailKey } from '@market/activities/images';
import {
  checkoutUpdate,
  type OrderInput,
  payUpdate,
  paymentEventSignal,
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

const outOfStockProductId = 9;

// The order's checkout, as the API sends it (there with update-with-start, which the recording does not need).
const order = (overrides: Partial<OrderInput> = {}) => [orderInput(overrides)];
const checkout = (handle: WorkflowHandle) =>
  handle.executeUpdate(checkoutUpdate, { args: [{ requestHash: orderInput().requestHash }] });
const payWith = async (handle: WorkflowHandle, paymentMethodId: string) => {
  await checkout(handle);
  await handle.executeUpdate(payUpdate, { args: [{ paymentMethodId }] });
};

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
];

const fakeProductIds = [1, 2, 3, 4, 5];
// Capture takes a moment, so the webhook recording's pay request arrives while the order is capturing.
const orderFakes = createOrderFakes({ stock: { [outOfStockProductId]: 0 }, captureDelayMs: 500 });

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

async function record(address: string, only?: string[]): Promise<void> {
  const namespace = 'default';
  const taskQueue = `record-histories-${randomUUID()}`;
  const temporal = await connectTemporal({ address, namespace });
  const worker = await createWorker({ address, namespace, taskQueue, activities, log });
  const running = worker.run();
  try {
    for (const { name, workflowType, args, signal, drive } of recordings) {
      if (only && !only.includes(name)) continue;
      const options = { taskQueue, workflowId: `history-${name}-${randomUUID()}`, args };
      const handle = signal
        ? await temporal.client.workflow.signalWithStart(workflowType, { ...options, signal: signal.name })
        : await temporal.client.workflow.start(workflowType, options);
      for (const delay of signal?.resendAfterMs ?? []) {
        await new Promise((resolve) => setTimeout(resolve, delay));
        await handle.signal(signal!.name);
      }
      await drive?.(handle);
      await handle.result();
      const history = await handle.fetchHistory();
      const file = path.join(__dirname, '..', 'workflows', 'histories', `${name}.json`);
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
    options: { address: { type: 'string' }, cli: { type: 'string' }, only: { type: 'string' } },
  });
  const only = values.only?.split(',').map((name) => name.trim());
  installTemporalLogging(log); // before the dev server sets up the Temporal runtime
  if (values.address) return record(values.address, only);
  const env = await TestWorkflowEnvironment.createLocal({
    server: { executable: temporalExecutable(values.cli ?? process.env.TEMPORAL_CLI_PATH) },
  });
  try {
    await record(env.address, only);
  } finally {
    await env.teardown();
  }
}

main().catch((err: unknown) => {
  console.error(err);
  process.exit(1);
});
