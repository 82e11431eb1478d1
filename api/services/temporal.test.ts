import { createServer } from 'node:net';
import { Client, Connection } from '@temporalio/client';
import { checkTemporal, connectTemporal } from './temporal';

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
