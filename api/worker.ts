import type { Activities } from '@market/activities';
import type { LogLevel, LogMetadata, Logger as TemporalLogger } from '@temporalio/common';
import { NativeConnection, Runtime, Worker } from '@temporalio/worker';
import type { Logger } from './logger';

export interface CreateWorkerOptions {
  address: string;
  namespace: string;
  taskQueue: string;
  activities: Activities;
  /** Receives the SDK's logs (worker, workflow and activity `log`) when the Temporal runtime is not yet set up. */
  log?: Logger;
  /** A bundle prebuilt with bundleWorkflowCode() (production); without it the workflows are bundled at start. */
  workflowBundlePath?: string;
}

export interface MarketWorker {
  worker: Worker;
  /** Polls the task queue until shutdown(); rejects on a fatal worker error. Calling it twice returns the same run. */
  run(): Promise<void>;
  /** Graceful: stops polling, lets running tasks finish (up to the grace time), then closes the connection. */
  shutdown(): Promise<void>;
}

const pinoLevels = { TRACE: 'trace', DEBUG: 'debug', INFO: 'info', WARN: 'warn', ERROR: 'error' } as const;

function toTemporalLogger(log: Logger): TemporalLogger {
  const write = (level: LogLevel, message: string, meta?: LogMetadata) => log[pinoLevels[level]](meta ?? {}, message);
  return {
    log: write,
    trace: (message, meta) => write('TRACE', message, meta),
    debug: (message, meta) => write('DEBUG', message, meta),
    info: (message, meta) => write('INFO', message, meta),
    warn: (message, meta) => write('WARN', message, meta),
    error: (message, meta) => write('ERROR', message, meta),
  };
}

/**
 * Routes the SDK's logs (including Core's, from WARN up) to pino. The Temporal runtime is a process-wide singleton
 * that can be set up only once, before any worker, connection or dev server uses it; returns false when too late.
 * Signals stay with the process (stopOnSignals), not with the runtime.
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

export async function createWorker(options: CreateWorkerOptions): Promise<MarketWorker> {
  const { address, namespace, taskQueue, activities, log, workflowBundlePath } = options;
  if (log && !installTemporalLogging(log)) log.debug('Temporal runtime already set up: its logs keep their logger');

  const connection = await NativeConnection.connect({ address });
  let worker: Worker;
  try {
    worker = await Worker.create({
      connection,
      namespace,
      taskQueue,
      activities,
      ...(workflowBundlePath
        ? { workflowBundle: { codePath: workflowBundlePath } }
        : { workflowsPath: require.resolve('@market/workflows') }),
      shutdownGraceTime: '10 seconds',
    });
  } catch (err) {
    await connection.close();
    throw err;
  }

  let running: Promise<void> | undefined;
  const run = () => (running ??= worker.run());
  return {
    worker,
    run,
    shutdown: async () => {
      // A worker that never ran still holds the connection: start it so shutdown can release it.
      const done = run();
      if (worker.getState() === 'RUNNING') worker.shutdown();
      try {
        await done;
      } finally {
        await connection.close();
      }
    },
  };
}
