import { type ChildProcess, execFileSync, spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { createServer } from 'node:net';
import path from 'node:path';

const ROOT = path.resolve(__dirname, '..');

/** A platform role (`node api/dist/main.js web|worker`) running in a process of its own. */
export interface RoleProcess {
  pid: number;
  /** Resident set now and its peak since the start (VmRSS, VmHWM), in MB. */
  memory(): { rssMb: number; peakMb: number };
  stop(): Promise<void>;
}

export interface WebProcess extends RoleProcess {
  port: number;
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

/**
 * Starts `node [nodeArgs] api/dist/main.js <role>` configured by `env` alone, as the Dockerfile's CMD does, after
 * bringing the compiled build up to date (`tsc -b api`), and resolves once `ready()` says so (polled every 100 ms,
 * 60 s at most).
 */
async function startRole(
  role: 'web' | 'worker',
  env: Record<string, string>,
  log: (message: string) => void,
  ready: () => Promise<boolean>,
  nodeArgs: string[] = [],
): Promise<RoleProcess> {
  log(`${role} process: compiling api/dist (tsc -b api)`);
  execFileSync(process.execPath, [path.join(ROOT, 'node_modules/typescript/bin/tsc'), '-b', 'api'], {
    cwd: ROOT,
    stdio: 'inherit',
  });
  let output = '';
  const child: ChildProcess = spawn(process.execPath, [...nodeArgs, 'api/dist/main.js', role], {
    cwd: ROOT,
    env: { PATH: process.env.PATH ?? '', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const keep = (chunk: Buffer) => (output = (output + chunk.toString()).slice(-4_000));
  child.stdout!.on('data', keep);
  child.stderr!.on('data', keep);
  const stop = () =>
    new Promise<void>((resolve) => {
      if (child.exitCode !== null) return resolve();
      child.once('exit', () => resolve());
      child.kill('SIGTERM');
    });
  for (let i = 0; ; i += 1) {
    if (child.exitCode !== null)
      throw new Error(`the ${role} process exited (${child.exitCode}):\n${output}`);
    if (await ready().catch(() => false)) break;
    if (i === 600) {
      await stop();
      throw new Error(`the ${role} process was not ready within 60 s:\n${output}`);
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  log(`${role} process: pid ${child.pid}, ${statusMb(child.pid!, 'VmRSS')} MB resident`);
  return {
    pid: child.pid!,
    memory: () => ({ rssMb: statusMb(child.pid!, 'VmRSS'), peakMb: statusMb(child.pid!, 'VmHWM') }),
    stop,
  };
}

/** The web role on a free loopback port, ready once /api/health/live answers: its memory is its own. */
export async function startWebProcess(
  env: Record<string, string>,
  log: (message: string) => void,
  nodeArgs: string[] = [],
): Promise<WebProcess> {
  const port = await freePort();
  const live = () => fetch(`http://127.0.0.1:${port}/api/health/live`).then((res) => res.ok);
  const web = await startRole('web', { ...env, PORT: String(port), HOST: '127.0.0.1' }, log, live, nodeArgs);
  return { ...web, port };
}

/**
 * The worker role, as production runs it beside the web processes: ready once `polling()` says Temporal sees its
 * pollers on the task queue (the workflow bundle is built at its start).
 */
export function startWorkerProcess(
  env: Record<string, string>,
  log: (message: string) => void,
  polling: () => Promise<boolean>,
  nodeArgs: string[] = [],
): Promise<RoleProcess> {
  return startRole('worker', env, log, polling, nodeArgs);
}
