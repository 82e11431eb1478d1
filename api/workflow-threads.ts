import path from 'node:path';
import workerThreads, { type WorkerOptions } from 'node:worker_threads';

/** The SDK's workflow thread (@temporalio/worker/lib/workflow/workflow-worker-thread.js). */
const SDK_THREAD = 'workflow-worker-thread.js';

/** Our entry for those threads: plain JavaScript beside api/package.json (api/workflow-thread.cjs). */
const ENTRY = path.join(path.dirname(require.resolve('@market/api/package.json')), 'workflow-thread.cjs');

/** Marks the Worker subclass below, once per process (module registries come and go in tests; the builtin stays). */
const SETTING = Symbol.for('market.workflowThreads');

type Setting = { stackTraces: boolean };
type WorkerClass = typeof workerThreads.Worker & { [SETTING]?: Setting };

/**
 * Whether the workflow threads the next Temporal workers of this process start collect workflow stack traces (the
 * `__stack_trace` query, Temporal Web's "Stack Trace" tab). Off, each thread starts at api/workflow-thread.cjs, which
 * keeps the SDK's promise hook out and then loads the SDK's own thread: see there for why and what it costs.
 *
 * The SDK starts its threads with `new Worker(<its thread file>)` and has no option for this, so the first call
 * with `false` replaces worker_threads' Worker by a subclass that changes the entry of that one file and nothing
 * else; every other thread starts as asked. A setting of the process: the workers created after the call have it.
 */
export function setWorkflowStackTraces(on: boolean): void {
  const current = workerThreads.Worker as WorkerClass;
  const installed = current[SETTING];
  if (installed) {
    installed.stackTraces = on;
    return;
  }
  if (on) return;
  const setting: Setting = { stackTraces: on };
  class WorkflowThread extends (current as typeof workerThreads.Worker) {
    static [SETTING] = setting;
    constructor(filename: string | URL, options?: WorkerOptions) {
      const sdkThread = typeof filename === 'string' && path.basename(filename) === SDK_THREAD;
      if (sdkThread && !setting.stackTraces)
        super(ENTRY, { ...options, workerData: { sdkThread: filename } });
      else super(filename, options);
    }
  }
  Object.defineProperty(workerThreads, 'Worker', {
    value: WorkflowThread,
    writable: true,
    configurable: true,
  });
}
