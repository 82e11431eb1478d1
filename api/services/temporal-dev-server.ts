import { existsSync } from 'node:fs';
import { createServer } from 'node:net';
import { homedir } from 'node:os';
import path from 'node:path';
import { type EphemeralServerExecutable, TestWorkflowEnvironment } from '@temporalio/testing';
import type { Logger } from '../logger';
import { installTemporalLogging } from '../worker';

export interface DevServerOptions {
  /** The Temporal CLI binary; default: ~/.cache/market/bin/temporal if present, else the SDK downloads one. */
  cliPath?: string | null;
  /** SQLite file that keeps workflows across restarts. */
  dbFile: string;
  port?: number;
  uiPort?: number;
  namespace: string;
  /** Routes the SDK's logs to pino; pass it here because the dev server sets up the Temporal runtime first. */
  log?: Logger;
}

export interface DevServer {
  /** host:port of the frontend, for TEMPORAL_ADDRESS. */
  address: string;
  uiUrl: string;
  stop(): Promise<void>;
}

/** Where scripts/services/temporal.sh caches the CLI (the same binary the test stack runs). */
export const cachedCliPath = path.join(homedir(), '.cache', 'market', 'bin', 'temporal');

export function temporalExecutable(cliPath?: string | null): EphemeralServerExecutable {
  if (cliPath) return { type: 'existing-path', path: cliPath };
  if (existsSync(cachedCliPath)) return { type: 'existing-path', path: cachedCliPath };
  return { type: 'cached-download' };
}

function assertPortFree(host: string, port: number, what: string): Promise<void> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once('error', (err: NodeJS.ErrnoException) =>
      reject(
        new Error(
          err.code === 'EADDRINUSE'
            ? `Cannot start the Temporal dev server: ${what} port ${port} on ${host} is in use ` +
                '(another `npm start` or Temporal server?). Stop it, or set TEMPORAL_ADDRESS to use that server.'
            : `Cannot check ${what} port ${port} on ${host}: ${err.message}`,
        ),
      ),
    );
    probe.listen(port, host, () => probe.close(() => resolve()));
  });
}

/**
 * The Temporal dev server `npm start` runs when no TEMPORAL_ADDRESS is configured: a real server with its Web UI,
 * persisted in one SQLite file. Busy ports fail fast with a message naming the port instead of moving elsewhere:
 * a second server on the same data file, or a UI at a surprising address, would be worse than a clear error.
 */
export async function startDevServer(options: DevServerOptions): Promise<DevServer> {
  const { cliPath, dbFile, port = 7233, uiPort = 8233, namespace, log } = options;
  const ip = '127.0.0.1';
  await assertPortFree(ip, port, 'the frontend');
  await assertPortFree(ip, uiPort, 'the Web UI');
  if (log) installTemporalLogging(log);

  const env = await TestWorkflowEnvironment.createLocal({
    server: {
      executable: temporalExecutable(cliPath),
      ip,
      port,
      ui: true,
      uiPort,
      dbFilename: dbFile,
      namespace,
      log: { format: 'pretty', level: 'warn' },
    },
  });
  let stopped: Promise<void> | undefined;
  return {
    address: env.address,
    uiUrl: `http://${ip}:${uiPort}`,
    stop: () => (stopped ??= env.teardown()),
  };
}
