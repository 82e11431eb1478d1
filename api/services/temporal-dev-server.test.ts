import { mkdtempSync, rmSync } from 'node:fs';
import { createServer, type Server } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { freeListenPort } from '../testing/ports';
import { checkTemporal, connectTemporal } from './temporal';
import { startDevServer } from './temporal-dev-server';

async function listenOnFreePort(): Promise<Server> {
  const server = createServer().listen(0, '127.0.0.1');
  await new Promise((resolve) => server.once('listening', resolve));
  return server;
}

async function getStatus(url: string, timeoutMs = 20_000): Promise<number> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    try {
      return (await fetch(url)).status;
    } catch (err) {
      if (Date.now() > deadline) throw err;
      await new Promise((resolve) => setTimeout(resolve, 200));
    }
  }
}

describe('startDevServer', () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'market-temporal-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  test('runs a dev server with its Web UI on the given ports, persisted in the given file', async () => {
    const [port, uiPort] = [await freeListenPort(), await freeListenPort()];
    const server = await startDevServer({
      cliPath: process.env.TEMPORAL_CLI_PATH,
      dbFile: path.join(dir, 'temporal.sqlite'),
      port,
      uiPort,
      namespace: 'default',
    });
    try {
      expect(server.address).toBe(`127.0.0.1:${port}`);
      expect(server.uiUrl).toBe(`http://127.0.0.1:${uiPort}`);
      await expect(getStatus(server.uiUrl)).resolves.toBe(200);

      const temporal = await connectTemporal({ address: server.address, namespace: 'default' });
      await expect(checkTemporal(temporal.client)).resolves.toEqual({ status: 'ok' });
      await temporal.close();
    } finally {
      await server.stop();
    }
  });

  test('fails with a message naming a busy port', async () => {
    const busy = await listenOnFreePort();
    const { port } = busy.address() as { port: number };
    try {
      await expect(
        startDevServer({
          dbFile: path.join(dir, 'unused.sqlite'),
          port,
          uiPort: await freeListenPort(),
          namespace: 'default',
        }),
      ).rejects.toThrow(`port ${port} on 127.0.0.1 is in use`);
    } finally {
      await new Promise((resolve) => busy.close(resolve));
    }
  });
});
