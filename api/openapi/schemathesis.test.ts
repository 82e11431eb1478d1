import { spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { stackEnv } from '../testing/deps';
import { type FuzzApp, startFuzzApp } from './fuzz-app';

// Schemathesis (PyPI, installed by scripts/services/schemathesis.sh) over the whole OpenAPI document, against the
// real app with a worker, on a throwaway database: once without credentials and once as an admin. Every answer
// must be no 5xx, a documented status code, the documented content type and a body that matches its schema.
// A fixed seed keeps CI reproducible; MARKET_FUZZ_SEED=<n> (or `random`) explores further, MARKET_FUZZ_EXAMPLES
// generates more cases per operation.

const CHECKS = [
  'not_a_server_error',
  'status_code_conformance',
  'content_type_conformance',
  'response_schema_conformance',
].join(',');

let app: FuzzApp;
beforeAll(async () => {
  app = await startFuzzApp();
}, 120_000);
afterAll(async () => {
  await app?.close();
});

function schemathesis(extra: string[]): Promise<{ code: number | null; output: string }> {
  const seed = process.env.MARKET_FUZZ_SEED ?? '1';
  const args = [
    'run',
    `${app.url}/api/openapi.json`,
    '--url',
    app.url,
    '--checks',
    CHECKS,
    '--phases',
    'examples,coverage,fuzzing',
    '--max-examples',
    process.env.MARKET_FUZZ_EXAMPLES ?? '10',
    '--request-timeout',
    '30',
    '--no-color',
    ...(seed === 'random' ? [] : ['--seed', seed]),
    ...extra,
  ];
  return new Promise((resolve, reject) => {
    // Its working directory gets a .schemathesis/ cache: a temporary one, not the repository.
    const cwd = mkdtempSync(path.join(tmpdir(), 'market-schemathesis-'));
    const child = spawn(stackEnv('MARKET_TEST_SCHEMATHESIS'), args, {
      cwd,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.on('error', reject);
    child.on('close', (code) => {
      rmSync(cwd, { recursive: true, force: true });
      resolve({ code, output });
    });
  });
}

/** The summary and the failures, for the assertion message: what failed and how to reproduce it. */
const report = (output: string) => {
  const failures = output.indexOf('FAILURES');
  const summary = output.indexOf('SUMMARY');
  return [
    failures >= 0 ? output.slice(failures, failures + 6_000) : '',
    summary >= 0 ? output.slice(summary) : output.slice(-3_000),
  ].join('\n…\n');
};

/** The whole output in test-results/ (a CI artifact): the failures with a curl command each. */
function keep(name: string, output: string) {
  const dir = path.join(__dirname, '../../test-results');
  mkdirSync(dir, { recursive: true });
  writeFileSync(path.join(dir, `schemathesis-${name}.txt`), output);
}

function expectClean(name: string, result: { code: number | null; output: string }) {
  keep(name, result.output);
  const tested = /Tested: (\d+)/.exec(result.output);
  expect({ code: result.code, report: result.code === 0 ? '' : report(result.output) }).toEqual({
    code: 0,
    report: '',
  });
  // A run that reached nothing is no proof: every operation of the document was exercised.
  expect(Number(tested?.[1] ?? 0)).toBeGreaterThanOrEqual(60);
}

test('without credentials: no 5xx, every status, content type and body as documented', async () => {
  expectClean('anonymous', await schemathesis([]));
}, 600_000);

test('as an admin: no 5xx, every status, content type and body as documented', async () => {
  // Signing out (or changing the password) would end the very session the run uses: those two are exercised by
  // the run without credentials.
  const result = await schemathesis([
    '--header',
    `Authorization: ${app.adminAuthorization}`,
    '--exclude-name',
    'POST /api/auth/logout',
    '--exclude-name',
    'PATCH /api/me',
  ]);
  expectClean('admin', result);
  // The token held for the whole run: the admin routes were reached, not answered 401.
  expect(result.output).not.toMatch(/Authentication failed/);
}, 600_000);
