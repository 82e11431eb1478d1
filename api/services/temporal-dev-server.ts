import { createServer } from 'node:net';
import { TestWorkflowEnvironment } from '@temporalio/testing';
import type { Logger } from '../logger';
import { installTemporalLogging } from '../worker';
import { withTemporalCli } from './temporal-cli';

export { cachedCliPath, temporalExecutable } from './temporal-cli';

export interface DevServerOptions {
  /**
   * The Temporal CLI binary; default: ~/.cache/market/bin/temporal if present, else the SDK downloads one, else the
   * service stack installs it (see withTemporalCli).
   */
  cliPath?: string | null;
  /** Progress lines while the CLI is looked for, downloaded or installed. */
  say?: (line: string) => void;
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
  const { cliPath, say, dbFile, port = 7233, uiPort = 8233, namespace, log } = options;
  const ip = '127.0.0.1';
  await assertPortFree(ip, port, 'the frontend');
  await assertPortFree(ip, uiPort, 'the Web UI');
  if (log) installTemporalLogging(log);

  const env = await withTemporalCli(
    (executable) =>
      TestWorkflowEnvironment.createLocal({
        server: {
          executable,
          ip,
          port,
          ui: true,
          uiPort,
          dbFilename: dbFile,
          namespace,
          log: { format: 'pretty', level: 'warn' },
        },
      }),
    { configured: cliPath, say },
  );
  let stopped: Promise<void> | undefined;
  return {
    address: env.address,
    uiUrl: `http://${ip}:${uiPort}`,
    stop: () => (stopped ??= env.teardown()),
  };
}
