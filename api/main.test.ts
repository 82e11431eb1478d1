import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Client, Connection } from '@temporalio/client';
import { createScratchMysqlDatabase, testDatabaseServerUrl, type ScratchDatabase } from '@market/db/testing';
import { type PlatformCheckResult, workflowTypes } from '@market/workflows/definitions';
import { stackEnv } from './testing/deps';

// The production entry point (`main.ts all`) against real MariaDB, Redis and Temporal: it serves, its worker
// runs workflows, and SIGTERM shuts HTTP, the worker, the database and Redis down gracefully (exit 0).
jest.setTimeout(120_000);

let scratch: ScratchDatabase;
const dataDir = mkdtempSync(path.join(os.tmpdir(), 'market-main-'));
beforeAll(async () => {
  scratch = await createScratchMysqlDatabase('market_main');
  await scratch.db.migrate();
});
afterAll(async () => {
  await scratch?.drop();
  rmSync(dataDir, { recursive: true, force: true });
});

test('main.ts serves, works and stops gracefully on SIGTERM', async () => {
  const databaseUrl = new URL(testDatabaseServerUrl());
  databaseUrl.pathname = `/${scratch.name}`;
  const taskQueue = `main-test-${Date.now()}`;
  const child = spawn(
    process.execPath,
    ['--import', 'tsx', '--conditions=source', path.join(__dirname, 'main.ts'), 'all'],
    {
      env: {
        ...process.env,
        NODE_ENV: 'test',
        LOG_LEVEL: 'info',
        PORT: '0',
        DATABASE_URL: databaseUrl.toString(),
        REDIS_URL: stackEnv('MARKET_TEST_REDIS_URL'),
        TEMPORAL_ADDRESS: stackEnv('MARKET_TEST_TEMPORAL_ADDRESS'),
        TEMPORAL_TASK_QUEUE: taskQueue,
        JWT_SECRET: 'main-test-secret-long-enough-for-hs256-signing',
        STORAGE_SIGNING_SECRET: 'main-test-storage-secret-long-enough-to-sign',
        DATA_DIR: dataDir,
        SEARCH_URL: stackEnv('MARKET_TEST_OPENSEARCH_URL'),
        SEARCH_ENGINE: 'opensearch',
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  );
  let output = '';
  child.stdout.on('data', (c: Buffer) => (output += c.toString()));
  child.stderr.on('data', (c: Buffer) => (output += c.toString()));
  const exited = new Promise<number | null>((resolve) => child.once('exit', resolve));

  try {
    const deadline = Date.now() + 60_000;
    let url: string | undefined;
    while (!url) {
      url = /"msg":"market started"/.test(output) ? /"url":"([^"]+)"/.exec(output)?.[1] : undefined;
      if (child.exitCode !== null || Date.now() > deadline)
        throw new Error(`main.ts did not start:\n${output}`);
      await new Promise((r) => setTimeout(r, 100));
    }

    const ready = await fetch(`${url}/api/health/ready`);
    expect(ready.status).toBe(200);
    const { checks } = (await ready.json()) as { checks: Record<string, { status: string }> };
    expect(Object.keys(checks).sort()).toEqual(['cache', 'database', 'search', 'storage', 'temporal']);

    const connection = await Connection.connect({ address: stackEnv('MARKET_TEST_TEMPORAL_ADDRESS') });
    try {
      const result = await new Client({ connection }).workflow.execute<() => Promise<PlatformCheckResult>>(
        workflowTypes.platformCheck,
        { taskQueue, workflowId: `main-test-${Date.now()}` },
      );
      expect(result.database).toBe('ok');
    } finally {
      await connection.close();
    }
  } finally {
    child.kill('SIGTERM');
  }
  expect(await exited).toBe(0);
  expect(output).toContain('"msg":"shutting down"');
  expect(output).not.toMatch(/"level":(50|60)/); // no error or fatal lines
});
