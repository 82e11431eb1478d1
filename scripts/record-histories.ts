/**
 * Records the event histories that workflows/replay.unit.test.ts replays: runs each workflow below (the orders'
 * in scripts/histories/order-recordings.ts, saved again per version by order-versions.ts) on a real Temporal
 * server and saves its history to workflows/histories/<name>.json. Commit the files it writes.
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
import { orderStateQuery, workflowTypes } from '@market/workflows/definitions';
import type { WorkflowHandle } from '@temporalio/client';
import { historyToJSON } from '@temporalio/common/lib/proto-utils';
import { TestWorkflowEnvironment } from '@temporalio/testing';
import { createLogger } from '../api/logger';
import { connectTemporal } from '../api/services/temporal';
import { temporalExecutable } from '../api/services/temporal-dev-server';
import { createWorker, installTemporalLogging } from '../api/worker';
import { orderRecordings } from './histories/order-versions';
import { orderActivities } from './histories/order-shop';
import type { Recording } from './histories/recording';

/** How long the recorder waits for a run to end once it has been driven; then it terminates the run and stops. */
const resultTimeoutMs = 60_000;

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
  // Orders, paid, failed and fulfilled: how each is driven and the fake shop it runs against.
  ...orderRecordings,
];

const fakeProductIds = [1, 2, 3, 4, 5];

// Fakes stand in for outside systems: a history records what the workflow saw, not how the activity got it.
const activities = {
  ...createActivities({ db: { ping: async () => undefined } }),
  // No storage: the keys the real activity would have written.
  generateThumbnails: async ({ originalKey }: { originalKey: string }) => ({
    thumbnails: {
      small: thumbnailKey(originalKey, 'small'),
      medium: thumbnailKey(originalKey, 'medium'),
      large: thumbnailKey(originalKey, 'large'),
    },
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
  ...orderActivities,
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
