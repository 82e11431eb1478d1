import { type ChildProcess, spawn } from 'node:child_process';
import path from 'node:path';

const root = path.resolve(__dirname, '../..');

/**
 * The MariaDB URL of this Jest worker's test database, the one createTestDatabase() (db/testing.ts) opens and
 * migrates, so a child process sees the same rows as the test.
 */
export function testDatabaseUrl(): string {
  const server = process.env.MARKET_TEST_DATABASE_URL;
  if (!server)
    throw new Error('MARKET_TEST_DATABASE_URL is not set: eval "$(bash scripts/stack.sh env)" first');
  const url = new URL(server);
  url.pathname = `/market_test_${process.env.JEST_WORKER_ID ?? '1'}`;
  return url.toString();
}

export interface WorkerProcess {
  child: ChildProcess;
  output: () => string;
  exited: Promise<number | null>;
  /** SIGKILL: no graceful shutdown, running activities die with the process. Resolves once it is gone. */
  kill(): Promise<void>;
}

/**
 * `npm run worker` (api/main.ts worker) as a child process. Started as `node --import tsx` rather than through the
 * tsx binary, which runs node in a second process that a SIGKILL to the first would leave polling.
 */
export function startWorkerProcess(env: Record<string, string>): WorkerProcess {
  const child = spawn(process.execPath, ['--import', 'tsx', '--conditions=source', 'api/main.ts', 'worker'], {
    cwd: root,
    // Only what the worker needs: nothing of the test stack's variables leaks into its configuration.
    env: { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout!.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr!.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  return {
    child,
    output: () => output,
    exited,
    kill: async () => {
      if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
      await exited;
    },
  };
}

/** Waits for the worker's "market started" log line (the worker polls from then on). */
export async function waitForWorker(worker: WorkerProcess, timeoutMs = 90_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!worker.output().includes('market started')) {
    if (worker.child.exitCode !== null) throw new Error(`the worker exited early:\n${worker.output()}`);
    if (Date.now() > deadline) throw new Error(`the worker did not start:\n${worker.output()}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}
