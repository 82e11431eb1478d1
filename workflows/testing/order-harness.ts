// Test-only: runs the order workflow on Temporal's time-skipping test server with fake activities
// (workflows/testing/order-fakes.ts). Timers only jump ahead while a test awaits handle.result().
import { type WorkflowHandle, WorkflowUpdateFailedError } from '@temporalio/client';
import { ApplicationFailure } from '@temporalio/common';
import { TestWorkflowEnvironment } from '@temporalio/testing';
import {
  bundleWorkflowCode,
  DefaultLogger,
  Runtime,
  Worker,
  type WorkflowBundleWithSourceMap,
} from '@temporalio/worker';
import type { orderWorkflow } from '../order';
import type { OrderInput } from '../order-messages';
import type { OrderActivities } from './order-fakes';

export type OrderHandle = WorkflowHandle<typeof orderWorkflow>;

export interface OrderHarness {
  /** The test server of the run in progress (each run gets its own). */
  readonly env: TestWorkflowEnvironment;
  /**
   * Starts the order with these activities on a test server of its own and runs `drive` while a worker serves it.
   * A test server per run: its clock is shared by everything on it, and a run a test leaves behind (a paid order
   * waits for shipping; the test terminates it) has been seen to stall timers for the next test.
   */
  run<T>(
    activities: OrderActivities,
    input: OrderInput,
    drive: (handle: OrderHandle) => Promise<T>,
  ): Promise<T>;
  teardown(): Promise<void>;
}

/**
 * One workflow bundle per test file (it takes seconds to make), a time-skipping test server per run (about one
 * second). `executable` is the test server ($MARKET_TEST_TEMPORAL_TEST_SERVER; the caller reads it: this folder has
 * no process).
 */
export async function createOrderHarness(
  executable: string | undefined,
  workflowsPath = require.resolve('../index'),
): Promise<OrderHarness> {
  if (!executable) {
    throw new Error(
      'MARKET_TEST_TEMPORAL_TEST_SERVER is not set: run eval "$(bash scripts/stack.sh env)" first',
    );
  }
  const logger = new DefaultLogger('WARN');
  // The expected activity failures would otherwise be logged at length by the worker.
  Runtime.install({
    logger: new DefaultLogger('ERROR'),
    telemetryOptions: { logging: { filter: { core: 'ERROR' }, forward: {} } },
    shutdownSignals: [],
  });
  const workflowBundle: WorkflowBundleWithSourceMap = await bundleWorkflowCode({ workflowsPath, logger });
  let current: TestWorkflowEnvironment | undefined;

  return {
    get env() {
      if (!current) throw new Error('harness.env is only there while a run is in progress');
      return current;
    },
    async run(activities, input, drive) {
      const env = await startTestServer(executable);
      current = env;
      try {
        const taskQueue = `order-test-${crypto.randomUUID()}`;
        const worker = await Worker.create({
          connection: env.nativeConnection,
          taskQueue,
          workflowBundle,
          activities,
        });
        return await worker.runUntil(async () => {
          const handle = await env.client.workflow.start<typeof orderWorkflow>('orderWorkflow', {
            taskQueue,
            workflowId: `order-test-${crypto.randomUUID()}`,
            args: [input],
          });
          try {
            return await drive(handle);
          } finally {
            // Paid orders wait for shipping: end the run so the worker can stop. Terminating a finished run
            // fails, which is fine.
            await handle.terminate('test over').catch(() => undefined);
          }
        });
      } finally {
        current = undefined;
        await env.teardown();
      }
    },
    teardown: async () => undefined,
  };
}

/**
 * A time-skipping test server. The SDK gives it five seconds to answer, which a JVM starting on two busy cores can
 * miss: try again, three times in all.
 */
async function startTestServer(executable: string): Promise<TestWorkflowEnvironment> {
  for (let attempt = 1; ; attempt += 1) {
    try {
      return await TestWorkflowEnvironment.createTimeSkipping({
        server: { executable: { type: 'existing-path', path: executable } },
      });
    } catch (err) {
      if (attempt === 3 || !/did not start/.test(String(err))) throw err;
    }
  }
}

/** The ApplicationFailure type an update was refused with (its validator or handler threw). */
export async function updateRefusal(update: Promise<unknown>): Promise<string | null | undefined> {
  try {
    await update;
  } catch (err) {
    if (err instanceof WorkflowUpdateFailedError && err.cause instanceof ApplicationFailure)
      return err.cause.type;
    throw err;
  }
  throw new Error('the update was accepted');
}

/** A promise the test resolves when it likes: holds a fake activity where the test wants the workflow to wait. */
export function gate(): { opened: Promise<void>; open: () => void } {
  let open!: () => void;
  const opened = new Promise<void>((resolve) => (open = resolve));
  return { opened, open };
}
