/**
 * Records the event histories that workflows/replay.unit.test.ts replays: runs each workflow below on a real
 * Temporal server and saves its history to workflows/histories/<name>.json. Commit the files it writes.
 *
 *   npx tsx --conditions=source scripts/record-histories.ts [--address host:port] [--cli path/to/temporal]
 *
 * Without --address it runs a throwaway dev server (the CLI from --cli, $TEMPORAL_CLI_PATH, or the cached one).
 * Record a new history when a workflow gains a path worth pinning; never re-record one to make a replay pass.
 */
import { randomUUID } from 'node:crypto';
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { createActivities } from '@market/activities';
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
}

const recordings: Recording[] = [
  { name: 'platform-check', workflowType: workflowTypes.platformCheck, args: [] },
];

// Fakes stand in for outside systems: a history records what the workflow saw, not how the activity got it.
const activities = createActivities({ db: { ping: async () => undefined } });
const log = createLogger({ level: 'warn' });

async function record(address: string): Promise<void> {
  const namespace = 'default';
  const taskQueue = `record-histories-${randomUUID()}`;
  const temporal = await connectTemporal({ address, namespace });
  const worker = await createWorker({ address, namespace, taskQueue, activities, log });
  const running = worker.run();
  try {
    for (const { name, workflowType, args } of recordings) {
      const handle = await temporal.client.workflow.start(workflowType, {
        taskQueue,
        workflowId: `history-${name}-${randomUUID()}`,
        args,
      });
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
  const { values } = parseArgs({ options: { address: { type: 'string' }, cli: { type: 'string' } } });
  installTemporalLogging(log); // before the dev server sets up the Temporal runtime
  if (values.address) return record(values.address);
  const env = await TestWorkflowEnvironment.createLocal({
    server: { executable: temporalExecutable(values.cli ?? process.env.TEMPORAL_CLI_PATH) },
  });
  try {
    await record(env.address);
  } finally {
    await env.teardown();
  }
}

main().catch((err: unknown) => {
  console.error(err);
  process.exit(1);
});
