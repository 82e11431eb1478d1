import { Client, Connection } from '@temporalio/client';

export interface TemporalConnectOptions {
  address: string;
  namespace: string;
  /** How long to wait for the frontend before giving up. */
  connectTimeoutMs?: number;
}

export interface TemporalClient {
  connection: Connection;
  client: Client;
  close(): Promise<void>;
}

export type TemporalCheck = { status: 'ok' } | { status: 'error'; error: string };

/** Connects the API's Temporal client; rejects with a readable message when the frontend does not answer. */
export async function connectTemporal(options: TemporalConnectOptions): Promise<TemporalClient> {
  const { address, namespace, connectTimeoutMs = 10_000 } = options;
  const connection = await Connection.connect({ address, connectTimeout: connectTimeoutMs }).catch(
    (err: unknown) => {
      const reason = err instanceof Error ? err.message : String(err);
      throw new Error(`cannot reach Temporal at ${address} within ${connectTimeoutMs} ms: ${reason}`, {
        cause: err,
      });
    },
  );
  const client = new Client({ connection, namespace });
  return { connection, client, close: () => connection.close() };
}

/** Readiness probe: asks the frontend for its system info under a short deadline. Never throws. */
export async function checkTemporal(client: Client, timeoutMs = 1500): Promise<TemporalCheck> {
  try {
    await client.connection.withDeadline(Date.now() + timeoutMs, () =>
      client.workflowService.getSystemInfo({}),
    );
    return { status: 'ok' };
  } catch (err) {
    return { status: 'error', error: err instanceof Error ? err.message : String(err) };
  }
}
