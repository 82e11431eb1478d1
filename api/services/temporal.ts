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
  keepCallContextOff(connection);
  const client = new Client({ connection, namespace });
  return { connection, client, close: () => connection.close() };
}

/** A Client's connection: ours is a Connection; the type allows others (the test environment's), which may lack it. */
type ClientConnection = Client['connection'] & { callContextStorage?: { disable(): void } };

const callsInContext = new WeakMap<ClientConnection, number>();

/**
 * Runs `call` under the SDK's call context (a deadline or an abort signal for the calls it makes) and switches that
 * context off once no such call is left. The SDK keeps it in an AsyncLocalStorage; once one has been used, Node runs
 * a hook for every promise the process makes, for the rest of its life: an async call chain cost 2.3× as much
 * (docs/benchmarks.md, issue 14 twelfth step). The SDK's connect uses it once and every namespaced call briefly
 * (keepCallContextOff); our own uses go through here (withDeadline, withAbortSignal below).
 */
async function inCallContext<T>(connection: ClientConnection, call: () => Promise<T>): Promise<T> {
  const leave = enterCallContext(connection);
  try {
    return await call();
  } finally {
    leave();
  }
}

/** Adds a call for the context's count; the returned function ends it (and switches the context off if last). */
function enterCallContext(connection: ClientConnection): () => void {
  callsInContext.set(connection, (callsInContext.get(connection) ?? 0) + 1);
  return () => {
    const left = (callsInContext.get(connection) ?? 1) - 1;
    callsInContext.set(connection, left);
    if (left === 0) connection.callContextStorage?.disable();
  };
}

/**
 * The call context is off after connecting (the SDK's connect ran its first call under a deadline) and stays off
 * between calls. Every namespaced call of the client (start, update, signal, query, describe…) runs under the SDK's
 * `withMetadata({ 'temporal-namespace': … })`, and the call reads that header from the context as it starts,
 * synchronously: for those, the context is on only until the call has started, not while it waits for its answer
 * (an update waits for the workflow). Any other `withMetadata` keeps it on until `fn` has settled.
 */
function keepCallContextOff(connection: Connection): void {
  connection.callContextStorage.disable();
  const withMetadata = connection.withMetadata.bind(connection);
  connection.withMetadata = <R>(metadata: Record<string, string>, fn: () => Promise<R>): Promise<R> => {
    const keys = Object.keys(metadata);
    if (keys.length !== 1 || keys[0] !== 'temporal-namespace') {
      return inCallContext(connection, () => withMetadata(metadata, fn));
    }
    const leave = enterCallContext(connection);
    try {
      return withMetadata(metadata, fn);
    } finally {
      leave();
    }
  };
}

/** The client's calls within `fn` fail with DEADLINE_EXCEEDED after `deadline` (epoch ms). */
export const withDeadline = <T>(client: Client, deadline: number, fn: () => Promise<T>): Promise<T> =>
  inCallContext(client.connection, () => client.withDeadline(deadline, fn));

/** The client's calls within `fn` stop waiting when `signal` aborts. */
export const withAbortSignal = <T>(client: Client, signal: AbortSignal, fn: () => Promise<T>): Promise<T> =>
  inCallContext(client.connection, () => client.withAbortSignal(signal, fn));

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
    await withDeadline(client, Date.now() + timeoutMs, () => client.workflowService.getSystemInfo({}));
    return { status: 'ok' };
  } catch (err) {
    return { status: 'error', error: err instanceof Error ? err.message : String(err) };
  }
}
