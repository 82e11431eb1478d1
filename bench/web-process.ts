import { type ChildProcess, execFileSync, spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { createServer } from 'node:net';
import path from 'node:path';

const ROOT = path.resolve(__dirname, '..');

export interface WebProcess {
  port: number;
  pid: number;
  /** Resident set now and its peak since the start (VmRSS, VmHWM), in MB. */
  memory(): { rssMb: number; peakMb: number };
  stop(): Promise<void>;
}

/** A port nobody listens on right now. */
function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const address = probe.address();
      probe.close(() => resolve(typeof address === 'object' && address ? address.port : 0));
    });
  });
}

function statusMb(pid: number, field: 'VmRSS' | 'VmHWM'): number {
  const line = readFileSync(`/proc/${pid}/status`, 'utf8')
    .split('\n')
    .find((l) => l.startsWith(`${field}:`));
  return Math.round(Number(line?.split(/\s+/)[1] ?? 0) / 1024);
}

async function waitUntilLive(child: ChildProcess, base: string, output: () => string): Promise<void> {
  for (let i = 0; i < 300; i += 1) {
    if (child.exitCode !== null) throw new Error(`the web process exited (${child.exitCode}):\n${output()}`);
    const live = await fetch(`${base}/api/health/live`).then(
      (res) => res.ok,
      () => false,
    );
    if (live) return;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(`the web process did not answer /api/health/live within 30 s:\n${output()}`);
}

/**
 * The platform's web role as production runs it (`node api/dist/main.js web`, the Dockerfile's CMD), in a process
 * of its own, configured by `env` alone: so its memory is the web process's, not the benchmark's. The compiled
 * build is brought up to date first (`tsc -b api`).
 */
export async function startWebProcess(
  env: Record<string, string>,
  log: (message: string) => void,
): Promise<WebProcess> {
  log('web process: compiling api/dist (tsc -b api)');
  execFileSync(process.execPath, [path.join(ROOT, 'node_modules/typescript/bin/tsc'), '-b', 'api'], {
    cwd: ROOT,
    stdio: 'inherit',
  });
  const port = await freePort();
  let output = '';
  const child = spawn(process.execPath, ['api/dist/main.js', 'web'], {
    cwd: ROOT,
    env: { PATH: process.env.PATH ?? '', ...env, PORT: String(port), HOST: '127.0.0.1' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const keep = (chunk: Buffer) => (output = (output + chunk.toString()).slice(-4_000));
  child.stdout!.on('data', keep);
  child.stderr!.on('data', keep);
  await waitUntilLive(child, `http://127.0.0.1:${port}`, () => output);
  log(`web process: pid ${child.pid} on port ${port}, ${statusMb(child.pid!, 'VmRSS')} MB resident`);
  return {
    port,
    pid: child.pid!,
    memory: () => ({ rssMb: statusMb(child.pid!, 'VmRSS'), peakMb: statusMb(child.pid!, 'VmHWM') }),
    stop: () =>
      new Promise<void>((resolve) => {
        if (child.exitCode !== null) return resolve();
        child.once('exit', () => resolve());
        child.kill('SIGTERM');
      }),
  };
}
