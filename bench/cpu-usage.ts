import { execFileSync } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';

/**
 * CPU time of the whole machine and of named processes, from /proc (Linux only): snapshot before and after a phase,
 * then `cpuPerFlow` says how many ms of CPU one flow of the phase cost each part. Which process a part is: pids
 * given, or the processes whose command line matches a pattern (looked up at each snapshot).
 */
export type CpuParts = Record<string, number[] | RegExp>;

export interface CpuSnapshot {
  atMs: number;
  /** Busy time of all cores (everything but idle and iowait), ms. */
  machineMs: number;
  partsMs: Record<string, number>;
}

let tickMs: number | undefined;
function msPerTick(): number {
  tickMs ??= 1000 / Number(execFileSync('getconf', ['CLK_TCK'], { encoding: 'utf8' }).trim() || 100);
  return tickMs;
}

/** The pids whose command line matches `pattern`. */
export function pidsMatching(pattern: RegExp): number[] {
  const pids: number[] = [];
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const cmdline = readFileSync(`/proc/${entry}/cmdline`, 'utf8').replaceAll('\0', ' ');
      if (pattern.test(cmdline)) pids.push(Number(entry));
    } catch {
      // gone since readdir
    }
  }
  return pids;
}

/** utime + stime of a process, in ticks; 0 once it is gone. */
function processTicks(pid: number): number {
  try {
    const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]!.split(' ');
    return Number(fields[11]) + Number(fields[12]);
  } catch {
    return 0;
  }
}

/** Null where there is no /proc (not Linux): the report then leaves the CPU out. */
export function cpuSnapshot(parts: CpuParts): CpuSnapshot | null {
  let cpu: number[];
  try {
    cpu = readFileSync('/proc/stat', 'utf8').split('\n')[0]!.trim().split(/\s+/).slice(1).map(Number);
  } catch {
    return null;
  }
  const tick = msPerTick();
  const idle = (cpu[3] ?? 0) + (cpu[4] ?? 0);
  const partsMs: Record<string, number> = {};
  for (const [name, which] of Object.entries(parts)) {
    const pids = which instanceof RegExp ? pidsMatching(which) : which;
    partsMs[name] = pids.reduce((sum, pid) => sum + processTicks(pid), 0) * tick;
  }
  return { atMs: performance.now(), machineMs: (cpu.reduce((a, b) => a + b, 0) - idle) * tick, partsMs };
}

/** ms of CPU per flow between two snapshots, for the machine and each part, and how many cores were busy. */
export function cpuPerFlow(before: CpuSnapshot | null, after: CpuSnapshot | null, flows: number) {
  if (!before || !after || flows <= 0) return null;
  const parts = Object.fromEntries(
    Object.keys(after.partsMs).map((name) => [
      name,
      (after.partsMs[name]! - (before.partsMs[name] ?? 0)) / flows,
    ]),
  );
  const machine = (after.machineMs - before.machineMs) / flows;
  return { machine, parts, coresBusy: (after.machineMs - before.machineMs) / (after.atMs - before.atMs) };
}
