import { spawn } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';

const SOURCES = ['app', 'public', 'package.json', 'vite.config.ts', 'react-router.config.ts'];

function newestMtime(entry: string): number {
  if (!existsSync(entry)) return 0;
  const stat = statSync(entry);
  if (!stat.isDirectory()) return stat.mtimeMs;
  let newest = stat.mtimeMs;
  for (const name of readdirSync(entry)) newest = Math.max(newest, newestMtime(path.join(entry, name)));
  return newest;
}

/**
 * `npm start` builds the shop when its build is missing or older than its sources (a few seconds), so a fresh
 * checkout serves pages at once. Production images build it in the Dockerfile instead.
 */
export async function buildStorefrontIfStale(storefrontDir: string, buildDir: string): Promise<void> {
  const built = path.join(buildDir, 'server/index.js');
  const builtAt = existsSync(built) ? statSync(built).mtimeMs : 0;
  const changedAt = Math.max(...SOURCES.map((s) => newestMtime(path.join(storefrontDir, s))));
  if (builtAt > changedAt) return;
  console.log(`[start] building the storefront (${builtAt ? 'sources changed' : 'first run'})…`);
  const started = Date.now();
  await new Promise<void>((resolve, reject) => {
    const child = spawn('npx', ['--no-install', 'react-router', 'build'], {
      cwd: storefrontDir,
      env: { ...process.env, STOREFRONT_BUILD_DIR: buildDir },
      stdio: ['ignore', 'ignore', 'pipe'],
    });
    let errors = '';
    child.stderr.on('data', (chunk: Buffer) => (errors += chunk.toString()));
    child.once('error', reject);
    child.once('exit', (code) =>
      code === 0 ? resolve() : reject(new Error(`the storefront build failed (exit ${code}):\n${errors}`)),
    );
  });
  console.log(`[start] storefront built in ${((Date.now() - started) / 1000).toFixed(1)} s`);
}
