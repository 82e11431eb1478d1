import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { Writable } from 'node:stream';
import { createActivities } from '@market/activities';
import { type platformCheckWorkflow, statusQuery, workflowTypes } from '@market/workflows/definitions';
import pino from 'pino';
import { connectTemporal, type TemporalClient } from './services/temporal';
import { createWorker, type MarketWorker, writeWorkflowBundle } from './worker';

const address = process.env.MARKET_TEST_TEMPORAL_ADDRESS;
if (!address) throw new Error('MARKET_TEST_TEMPORAL_ADDRESS is not set: run the tests with `npm test`');

let temporal: TemporalClient;
beforeAll(async () => {
  temporal = await connectTemporal({ address, namespace: 'default' });
});
afterAll(() => temporal.close());

describe('createWorker', () => {
  const taskQueue = `test-worker-${randomUUID()}`;
  const logLines: string[] = [];
  const log = pino(
    { level: 'info' },
    new Writable({
      write(chunk, _encoding, done) {
        logLines.push(String(chunk));
        done();
      },
    }),
  );
  // The fake database answers only when the test says so, to query the workflow while it is checking.
  let answerPing: () => void = () => undefined;
  const ping = jest.fn(() => new Promise<void>((resolve) => (answerPing = resolve)));

  let worker: MarketWorker;
  let running: Promise<void>;

  beforeAll(async () => {
    worker = await createWorker({
      address,
      namespace: 'default',
      taskQueue,
      activities: createActivities({ db: { ping } }),
      log,
    });
    running = worker.run();
  });

  afterAll(() => worker.shutdown());

  test('runs platformCheckWorkflow to completion, answering the status query on the way', async () => {
    const handle = await temporal.client.workflow.start<typeof platformCheckWorkflow>(
      workflowTypes.platformCheck,
      {
        taskQueue,
        workflowId: `platform-check-${randomUUID()}`,
      },
    );

    await waitFor(() => ping.mock.calls.length > 0);
    await expect(handle.query(statusQuery)).resolves.toEqual({ stage: 'checking' });
    // No stack traces by default (workflow-threads.ts): the SDK's own answer when its promise hook is not there.
    await expect(handle.query('__stack_trace')).rejects.toThrow(
      'Workflow stack traces are not enabled on this worker',
    );
    answerPing();

    const result = await handle.result();
    expect(result.database).toBe('ok');
    expect(new Date(result.checkedAt).toISOString()).toBe(result.checkedAt);
    await expect(handle.query(statusQuery)).resolves.toEqual({ stage: 'done', result });
  });

  test("routes the SDK's logs to pino", () => {
    const temporalLines = logLines
      .map((line) => JSON.parse(line))
      .filter((entry) => entry.component === 'temporal');
    expect(temporalLines.length).toBeGreaterThan(0);
  });

  test('shuts down gracefully and closes its connection', async () => {
    await worker.shutdown();
    await expect(running).resolves.toBeUndefined();
    expect(worker.worker.getState()).toBe('STOPPED');
  });
});

describe('createWorker with workflowStackTraces', () => {
  test('answers the stack trace query with where the workflow waits', async () => {
    const taskQueue = `test-worker-stacks-${randomUUID()}`;
    let answer: () => void = () => undefined;
    const checking = new Promise<void>((resolve) => (answer = resolve));
    const pinged = jest.fn(() => checking);
    const worker = await createWorker({
      address,
      namespace: 'default',
      taskQueue,
      activities: createActivities({ db: { ping: pinged } }),
      workflowStackTraces: true,
    });
    worker.run();
    try {
      const handle = await temporal.client.workflow.start<typeof platformCheckWorkflow>(
        workflowTypes.platformCheck,
        { taskQueue, workflowId: `platform-check-${randomUUID()}` },
      );
      await waitFor(() => pinged.mock.calls.length > 0);
      const stack = await handle.query<string>('__stack_trace');
      // Source-mapped: the workflow's own file, where it awaits the activity.
      expect(stack).toMatch(/platform-check\.ts:\d+:\d+/);
      answer();
      await expect(handle.result()).resolves.toMatchObject({ database: 'ok' });
    } finally {
      answer();
      await worker.shutdown();
    }
  });
});

describe('createWorker with a prebuilt bundle (production)', () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'market-bundle-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  test('runs workflows from workflowBundlePath', async () => {
    const codePath = path.join(dir, 'workflows.js');
    await writeWorkflowBundle(codePath);
    const taskQueue = `test-worker-bundle-${randomUUID()}`;
    const worker = await createWorker({
      address,
      namespace: 'default',
      taskQueue,
      activities: createActivities({ db: { ping: async () => undefined } }),
      workflowBundlePath: codePath,
    });
    worker.run();
    try {
      const result = await temporal.client.workflow.execute<typeof platformCheckWorkflow>(
        workflowTypes.platformCheck,
        { taskQueue, workflowId: `platform-check-${randomUUID()}` },
      );
      expect(result.database).toBe('ok');
    } finally {
      await worker.shutdown();
    }
  });
});

async function waitFor(condition: () => boolean, timeoutMs = 10_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error(`condition not met within ${timeoutMs} ms`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}
