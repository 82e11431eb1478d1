import { writeFile } from 'node:fs/promises';
import type { Activities } from '@market/activities';
import type { LogLevel, LogMetadata, Logger as TemporalLogger } from '@temporalio/common';
import { bundleWorkflowCode, DefaultLogger, NativeConnection, Runtime, Worker } from '@temporalio/worker';
import type { Logger } from './logger';
import { reasonWithTls } from './services/temporal';
import {
  describeTemporalSecurity,
  type TemporalConnectionOptions,
} from './services/temporal-connection-options';
import { setWorkflowStackTraces } from './workflow-threads';

/** Address, TLS and API key come from temporalConnectionOptions(config.temporal), as for the API's client. */
export interface CreateWorkerOptions extends TemporalConnectionOptions {
  namespace: string;
  taskQueue: string;
  activities: Activities;
  /** Receives the SDK's logs (worker, workflow and activity `log`) if the Temporal runtime is not set up yet. */
  log?: Logger;
  /** A bundle written by writeWorkflowBundle() (production); without it the workflows are bundled at start. */
  workflowBundlePath?: string;
  /** Collect workflow stack traces (Temporal Web's "Stack Trace" tab); off by default: see workflow-threads.ts. */
  workflowStackTraces?: boolean;
}

export interface MarketWorker {
  worker: Worker;
  /** Polls the task queue until shutdown(); rejects on a fatal worker error. Calling it again returns the same run. */
  run(): Promise<void>;
  /** Graceful: stops polling, lets running tasks finish (up to the grace time), then closes the connection. */
  shutdown(): Promise<void>;
}

/** The module the worker registers workflows from (TypeScript sources under the `source` condition). */
const workflowsPath = () => require.resolve('@market/workflows');

type PinoLevel = 'trace' | 'debug' | 'info' | 'warn' | 'error';
const pinoLevels: Record<LogLevel, PinoLevel> = {
  TRACE: 'trace',
  DEBUG: 'debug',
  INFO: 'info',
  WARN: 'warn',
  ERROR: 'error',
};

function toTemporalLogger(log: Logger, levels = pinoLevels): TemporalLogger {
  const write = (level: LogLevel, message: string, meta?: LogMetadata) =>
    log[levels[level]](meta ?? {}, message);
  return {
    log: write,
    trace: (message, meta) => write('TRACE', message, meta),
    debug: (message, meta) => write('DEBUG', message, meta),
    info: (message, meta) => write('INFO', message, meta),
    warn: (message, meta) => write('WARN', message, meta),
    error: (message, meta) => write('ERROR', message, meta),
  };
}

/** The bundler reports webpack's whole output at INFO: demote it to debug (or drop it, without a logger). */
function bundlerLogger(log?: Logger): TemporalLogger {
  return log ? toTemporalLogger(log, { ...pinoLevels, INFO: 'debug' }) : new DefaultLogger('WARN');
}

/**
 * Routes the SDK's logs (Core's from WARN up) to pino. The Temporal runtime is a process-wide singleton set up once,
 * before the first worker, native connection or dev server uses it; returns false when that already happened.
 * Signals stay with the process (see stopOnSignals), not with the runtime.
 */
export function installTemporalLogging(log: Logger): boolean {
  if (Runtime._instance !== undefined) return false;
  Runtime.install({
    logger: toTemporalLogger(log.child({ component: 'temporal' })),
    telemetryOptions: { logging: { filter: { core: 'WARN' }, forward: {} } },
    shutdownSignals: [],
  });
  return true;
}

/** Prebuilds the workflow bundle for production images, so workers start without webpack. */
export async function writeWorkflowBundle(codePath: string, log?: Logger): Promise<void> {
  const { code } = await bundleWorkflowCode({ workflowsPath: workflowsPath(), logger: bundlerLogger(log) });
  await writeFile(codePath, code);
}

export async function createWorker(options: CreateWorkerOptions): Promise<MarketWorker> {
  const { address, tls, apiKey, namespace, taskQueue, activities, log, workflowBundlePath } = options;
  if (log && !installTemporalLogging(log)) {
    log.debug('Temporal runtime was set up earlier: SDK logs keep its logger');
  }

  const workflowBundle = workflowBundlePath
    ? { codePath: workflowBundlePath }
    : await bundleWorkflowCode({ workflowsPath: workflowsPath(), logger: bundlerLogger(log) });
  const connection = await NativeConnection.connect({
    address,
    ...(tls !== undefined ? { tls } : {}),
    ...(apiKey ? { apiKey } : {}),
  }).catch(async (err: unknown) => {
    throw new Error(
      `the worker cannot connect to Temporal at ${address} (${describeTemporalSecurity(options)}): ${await reasonWithTls(err, options)}`,
      { cause: err },
    );
  });
  let worker: Worker;
  try {
    setWorkflowStackTraces(options.workflowStackTraces ?? false);
    worker = await Worker.create({
      connection,
      namespace,
      taskQueue,
      activities,
      workflowBundle,
      shutdownGraceTime: '10 seconds',
    });
  } catch (err) {
    await connection.close();
    throw err;
  }

  let running: Promise<void> | undefined;
  let stopping: Promise<void> | undefined;
  const run = () => (running ??= worker.run());
  const stop = async () => {
    // A worker that never ran still holds the connection: start it so that shutting down releases it.
    const done = run();
    if (worker.getState() === 'RUNNING') worker.shutdown();
    try {
      await done;
    } finally {
      await connection.close();
    }
  };
  return { worker, run, shutdown: () => (stopping ??= stop()) };
}
