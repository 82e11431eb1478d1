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
import { workflowTypes } from '@market/workflows/definitions';
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
];

const fakeProductIds = [1, 2, 3, 4, 5];

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
};
const log = createLogger({ level: 'warn' });

async function record(address: string, only?: string[]): Promise<void> {
  const namespace = 'default';
  const taskQueue = `record-histories-${randomUUID()}`;
  const temporal = await connectTemporal({ address, namespace });
  const worker = await createWorker({ address, namespace, taskQueue, activities, log });
  const running = worker.run();
  try {
    for (const { name, workflowType, args, signal } of recordings) {
      if (only && !only.includes(name)) continue;
      const options = { taskQueue, workflowId: `history-${name}-${randomUUID()}`, args };
      const handle = signal
        ? await temporal.client.workflow.signalWithStart(workflowType, { ...options, signal: signal.name })
        : await temporal.client.workflow.start(workflowType, options);
      for (const delay of signal?.resendAfterMs ?? []) {
        await new Promise((resolve) => setTimeout(resolve, delay));
        await handle.signal(signal!.name);
      }
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
