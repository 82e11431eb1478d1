'use strict';
/**
 * The entry of the Temporal SDK's workflow threads when the worker runs without workflow stack traces (the default;
 * api/workflow-threads.ts starts the threads here instead of at the SDK's own entry, which is `workerData.sdkThread`).
 *
 * The SDK collects a stack trace for every promise a workflow creates (a V8 promise hook), for the `__stack_trace`
 * query behind Temporal Web's "Stack Trace" tab. That hook was 8–14 ms of the worker's CPU per order on the bench
 * (docs/benchmarks.md, issue 14 twelfth step). Marking the SDK's global handlers installed before the SDK installs
 * them keeps its source-mapped error stacks (prepareStackTrace) and leaves the hook out; the SDK then tells each
 * workflow that stack traces are off, and the query answers "Workflow stack traces are not enabled on this worker",
 * as it does on runtimes without promise hooks. Plain JavaScript: a worker thread has no TypeScript loader.
 */
const path = require('node:path');
const { workerData } = require('node:worker_threads');

const sdkThread = workerData.sdkThread;
const { globalHandlers } = require(path.join(path.dirname(sdkThread), 'vm-shared.js'));
// An SDK whose internals moved: leave it as it is (stack traces on); api/worker.test.ts notices.
if (
  globalHandlers &&
  typeof globalHandlers.overridePrepareStackTrace === 'function' &&
  !globalHandlers.installed
) {
  globalHandlers.overridePrepareStackTrace();
  globalHandlers.installed = true;
}
require(sdkThread);
