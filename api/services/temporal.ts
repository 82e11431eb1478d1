import { Client, Connection } from '@temporalio/client';
import { describeTemporalSecurity, type TemporalConnectionOptions } from './temporal-connection-options';
import { diagnoseTemporalTls } from './temporal-tls-diagnosis';

/** Address, TLS and API key (from temporalConnectionOptions(config.temporal)), plus where and how long. */
export interface TemporalConnectOptions extends TemporalConnectionOptions {
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
  const { address, namespace, connectTimeoutMs = 10_000, tls, apiKey } = options;
  const connection = await Connection.connect({
    address,
    connectTimeout: connectTimeoutMs,
    ...(tls !== undefined ? { tls } : {}),
    ...(apiKey ? { apiKey } : {}),
  }).catch(async (err: unknown) => {
    throw new Error(
      `cannot reach Temporal at ${address} within ${connectTimeoutMs} ms (${describeTemporalSecurity(options)}): ${await reasonWithTls(err, options)}`,
      { cause: err },
    );
  });
  const client = new Client({ connection, namespace });
  return { connection, client, close: () => connection.close() };
}

/** The SDK wraps the gRPC error ("Failed to connect…"): the cause says what went wrong (refused, TLS, auth). */
export function reasonOf(err: unknown): string {
  const messages: string[] = [];
  for (let e: unknown = err; e instanceof Error && messages.length < 3; e = e.cause) messages.push(e.message);
  return messages.length ? messages.join(': ') : String(err);
}

/** The SDK's reason, and what a TLS handshake alone says when TLS is on (the SDK's own words are often vague). */
export async function reasonWithTls(err: unknown, options: TemporalConnectionOptions): Promise<string> {
  const tlsProblem = await diagnoseTemporalTls(options);
  return tlsProblem ? `${reasonOf(err)}; ${tlsProblem}` : reasonOf(err);
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
