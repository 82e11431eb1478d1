import { spawn } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';

export interface StaleBuild {
  /** For the progress lines: `storefront`, `admin`. */
  label: string;
  /** The workspace: the command runs there. */
  dir: string;
  /** Files and folders (relative to `dir`) whose changes make the build stale. */
  sources: string[];
  /** A file the build writes: its age is the build's. */
  builtFile: string;
  command: string[];
  env?: Record<string, string>;
}

function newestMtime(entry: string): number {
  if (!existsSync(entry)) return 0;
  const stat = statSync(entry);
  if (!stat.isDirectory()) return stat.mtimeMs;
  let newest = stat.mtimeMs;
  for (const name of readdirSync(entry)) newest = Math.max(newest, newestMtime(path.join(entry, name)));
  return newest;
}

/**
 * `npm start` builds a web app (the shop, the back office) when its build is missing or older than its sources, so
 * a fresh checkout serves pages at once. Production images build them in the Dockerfile instead.
 */
export async function buildIfStale(build: StaleBuild): Promise<void> {
  const builtAt = existsSync(build.builtFile) ? statSync(build.builtFile).mtimeMs : 0;
  const changedAt = Math.max(...build.sources.map((s) => newestMtime(path.join(build.dir, s))));
  if (builtAt > changedAt) return;
  console.log(`[start] building the ${build.label} (${builtAt ? 'sources changed' : 'first run'})…`);
  const started = Date.now();
  const [command, ...args] = build.command;
  await new Promise<void>((resolve, reject) => {
    const child = spawn(command!, args, {
      cwd: build.dir,
      env: { ...process.env, ...build.env },
      stdio: ['ignore', 'ignore', 'pipe'],
    });
    let errors = '';
    child.stderr.on('data', (chunk: Buffer) => (errors += chunk.toString()));
    child.once('error', reject);
    child.once('exit', (code) =>
      code === 0
        ? resolve()
        : reject(new Error(`the ${build.label} build failed (exit ${code}):\n${errors}`)),
    );
  });
  console.log(`[start] ${build.label} built in ${((Date.now() - started) / 1000).toFixed(1)} s`);
}
