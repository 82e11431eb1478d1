import { createServer } from 'node:net';
import { Client, Connection } from '@temporalio/client';
import { checkTemporal, connectTemporal, withAbortSignal, withDeadline } from './temporal';

const address = process.env.MARKET_TEST_TEMPORAL_ADDRESS;
if (!address) throw new Error('MARKET_TEST_TEMPORAL_ADDRESS is not set: run the tests with `npm test`');

/** A loopback port nothing listens on. */
async function closedPort(): Promise<number> {
  const server = createServer().listen(0, '127.0.0.1');
  await new Promise((resolve) => server.once('listening', resolve));
  const { port } = server.address() as { port: number };
  await new Promise((resolve) => server.close(resolve));
  return port;
}

describe('connectTemporal / checkTemporal', () => {
  test('connects to the real server and reports it ready', async () => {
    const temporal = await connectTemporal({ address, namespace: 'default' });
    try {
      await expect(checkTemporal(temporal.client)).resolves.toEqual({ status: 'ok' });
    } finally {
      await temporal.close();
    }
  });

  test('fails to connect within the timeout, naming the address', async () => {
    const dead = `127.0.0.1:${await closedPort()}`;
    await expect(
      connectTemporal({ address: dead, namespace: 'default', connectTimeoutMs: 500 }),
    ).rejects.toThrow(`cannot reach Temporal at ${dead}`);
  });

  test('reports an unreachable server as an error without throwing', async () => {
    const connection = Connection.lazy({ address: `127.0.0.1:${await closedPort()}` });
    try {
      const started = Date.now();
      const result = await checkTemporal(new Client({ connection }), 500);
      expect(result.status).toBe('error');
      expect(Date.now() - started).toBeLessThan(5_000);
    } finally {
      await connection.close();
    }
  });
});

describe('the SDK call context (withDeadline, withAbortSignal)', () => {
  // Node's AsyncLocalStorage says whether it is on (`enabled`): while it is, every promise of the process runs a hook.
  // Node 24's (AsyncContextFrame) has no such field and no hook: nothing to switch off there.
  const isOn = (storage: unknown) => (storage as { enabled?: boolean }).enabled ?? false;

  test('is off after connecting and after each call, and stays on while an overlapping call needs it', async () => {
    const temporal = await connectTemporal({ address, namespace: 'default' });
    const storage = temporal.connection.callContextStorage;
    try {
      expect(isOn(storage)).toBe(false);
      await expect(checkTemporal(temporal.client)).resolves.toEqual({ status: 'ok' });
      expect(isOn(storage)).toBe(false);

      // The first call ends while the second still runs: the second keeps its abort signal.
      let endFirst: () => void = () => undefined;
      const first = withDeadline(
        temporal.client,
        Date.now() + 60_000,
        () => new Promise<void>((r) => (endFirst = r)),
      );
      const signal = new AbortController().signal;
      const second = withAbortSignal(temporal.client, signal, async () => {
        endFirst();
        await first;
        const seen = storage.getStore();
        await temporal.client.workflowService.getSystemInfo({});
        return seen;
      });
      await expect(second).resolves.toEqual({ abortSignal: signal });
      expect(isOn(storage)).toBe(false);
    } finally {
      await temporal.close();
    }
  });

  test("is off between the client's calls and while one waits for its answer", async () => {
    const temporal = await connectTemporal({ address, namespace: 'default' });
    const storage = temporal.connection.callContextStorage;
    const { client } = temporal;
    const workflowId = `no-worker-${Date.now()}`;
    try {
      // A run no worker picks up: its result is a long poll that waits until the run is terminated.
      const handle = await client.workflow.start('platformCheckWorkflow', {
        taskQueue: `no-worker-${workflowId}`,
        workflowId,
      });
      expect(isOn(storage)).toBe(false);
      await expect(handle.describe()).resolves.toMatchObject({ workflowId });
      expect(isOn(storage)).toBe(false);
      const result = handle.result();
      result.catch(() => undefined);
      await new Promise((resolve) => setTimeout(resolve, 200));
      expect(isOn(storage)).toBe(false);
      await handle.terminate('test over');
      await expect(result).rejects.toThrow();
      expect(isOn(storage)).toBe(false);
    } finally {
      await temporal.close();
    }
  });

  test('an abort signal still stops a call that waits, through the namespaced calls', async () => {
    const temporal = await connectTemporal({ address, namespace: 'default' });
    const { client } = temporal;
    const workflowId = `no-worker-abort-${Date.now()}`;
    const handle = await client.workflow.start('platformCheckWorkflow', {
      taskQueue: `no-worker-${workflowId}`,
      workflowId,
    });
    try {
      const stop = new AbortController();
      const started = Date.now();
      const waiting = withAbortSignal(client, stop.signal, () => handle.result());
      setTimeout(() => stop.abort(), 200);
      // The SDK wraps the gRPC error; its cause says the call was cancelled (code 1, CANCELLED).
      const err = (await waiting.catch((e: unknown) => e)) as Error & { cause?: { code?: number } };
      expect(err).toBeInstanceOf(Error);
      expect(err.cause?.code).toBe(1);
      expect(Date.now() - started).toBeLessThan(5_000);
      expect(isOn(temporal.connection.callContextStorage)).toBe(false);
    } finally {
      await handle.terminate('test over');
      await temporal.close();
    }
  });

  test('a deadline still applies to the calls inside it', async () => {
    const temporal = await connectTemporal({ address, namespace: 'default' });
    try {
      // A deadline already past: the call fails at once, where without one it succeeds (above).
      const call = withDeadline(temporal.client, Date.now() - 1, () =>
        temporal.client.workflowService.getSystemInfo({}),
      );
      await expect(call).rejects.toThrow(/deadline/i);
      expect(isOn(temporal.connection.callContextStorage)).toBe(false);
    } finally {
      await temporal.close();
    }
  });
});
