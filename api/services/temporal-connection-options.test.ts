import { randomUUID } from 'node:crypto';
import path from 'node:path';
import { inspect } from 'node:util';
import { createActivities } from '@market/activities';
import pino from 'pino';
import { type platformCheckWorkflow, workflowTypes } from '@market/workflows/definitions';
import { loadConfig } from '../config';
import { type Pem, startTlsProxy, TestPki, type TlsProxy } from '../testing/temporal-tls';
import { createWorker, writeWorkflowBundle } from '../worker';
import { checkTemporal, connectTemporal } from './temporal';
import { type TemporalConnectionOptions, temporalConnectionOptions } from './temporal-connection-options';

// The stack's dev server speaks plaintext only (`temporal server start-dev` has no TLS flags), so these tests put
// TLS-terminating proxies in front of it, with certificates made here: `tcp` pipes the bytes on and asks for client
// certificates (mTLS); `h2` forwards each gRPC call and refuses calls without `authorization: Bearer <key>`, as
// Temporal Cloud does with API keys. Connections are built as the processes build them: loadConfig() from the
// TEMPORAL_* variables, then temporalConnectionOptions().
const target = process.env.MARKET_TEST_TEMPORAL_ADDRESS;
if (!target) throw new Error('MARKET_TEST_TEMPORAL_ADDRESS is not set: run the tests with `npm test`');

/** Only this name is in the proxies' certificate (not 127.0.0.1): connecting needs TEMPORAL_TLS_SERVER_NAME. */
const serverName = 'frontend.temporal.test';
const apiKey = `test-api-key-${randomUUID()}`;
const namespace = 'default';
/** The SDK's own logs (the worker's state changes) are not what these tests look at. */
const log = pino({ level: 'silent' });

let pki: TestPki;
let ca: Pem;
let client: Pem;
let stranger: Pem;
let otherCa: Pem;
let mtlsProxy: TlsProxy;
let apiKeyProxy: TlsProxy;
let workflowBundlePath: string;

beforeAll(async () => {
  pki = new TestPki();
  ca = pki.ca('market-test-ca');
  otherCa = pki.ca('some-other-ca');
  const server = pki.issue(ca, 'temporal-frontend', { server: [serverName] });
  client = pki.issue(ca, 'market-client', 'client');
  stranger = pki.issue(otherCa, 'stranger', 'client');
  mtlsProxy = await startTlsProxy({ target, server, clientCa: ca, mode: 'tcp' });
  apiKeyProxy = await startTlsProxy({ target, server, clientCa: null, mode: 'h2', apiKey });
  workflowBundlePath = path.join(pki.dir, 'workflows.js');
  await writeWorkflowBundle(workflowBundlePath);
}, 120_000);

afterAll(async () => {
  await mtlsProxy?.close();
  await apiKeyProxy?.close();
  pki?.remove();
});

/** What the process would connect with, given these variables. */
function connectionFor(proxy: TlsProxy, env: Record<string, string>): TemporalConnectionOptions {
  const config = loadConfig({
    TEMPORAL_ADDRESS: proxy.address,
    TEMPORAL_TLS_CA_PATH: ca.certPath,
    TEMPORAL_TLS_SERVER_NAME: serverName,
    ...env,
  });
  return temporalConnectionOptions(config.temporal);
}

const withClientCert = () => ({
  TEMPORAL_TLS_CERT_PATH: client.certPath,
  TEMPORAL_TLS_KEY_PATH: client.keyPath,
});

/** The API's client and a worker both connect, and a workflow runs from start to result. */
async function runPlatformCheck(connection: TemporalConnectionOptions): Promise<void> {
  const temporal = await connectTemporal({ ...connection, namespace });
  const taskQueue = `test-tls-${randomUUID()}`;
  try {
    await expect(checkTemporal(temporal.client)).resolves.toEqual({ status: 'ok' });
    const worker = await createWorker({
      ...connection,
      namespace,
      taskQueue,
      activities: createActivities({ db: { ping: async () => undefined } }),
      workflowBundlePath,
      log,
    });
    const running = worker.run();
    try {
      const result = await temporal.client.workflow.execute<typeof platformCheckWorkflow>(
        workflowTypes.platformCheck,
        { taskQueue, workflowId: `platform-check-tls-${randomUUID()}` },
      );
      expect(result.database).toBe('ok');
    } finally {
      await worker.shutdown();
      await running;
    }
  } finally {
    await temporal.close();
  }
}

/** Both the client and the worker refuse to start, each with `message` in its error. */
async function expectBothToFail(connection: TemporalConnectionOptions, message: RegExp): Promise<void> {
  await expect(connectTemporal({ ...connection, namespace, connectTimeoutMs: 2000 })).rejects.toThrow(
    message,
  );
  await expect(
    createWorker({
      ...connection,
      namespace,
      taskQueue: `test-tls-${randomUUID()}`,
      activities: createActivities({ db: { ping: async () => undefined } }),
      workflowBundlePath,
      log,
    }),
  ).rejects.toThrow(message);
}

describe('mTLS to a server that requires client certificates', () => {
  test('with a certificate from the CA the server trusts, the client and a worker run a workflow', async () => {
    const connection = connectionFor(mtlsProxy, withClientCert());
    expect(connection.tls).toMatchObject({ clientCertPair: { crt: client.cert, key: client.key } });
    const refusedBefore = mtlsProxy.handshakeErrors.length;
    await runPlatformCheck(connection);
    expect(mtlsProxy.handshakeErrors.slice(refusedBefore)).toEqual([]);
  });

  test('without a client certificate both fail, saying the server wants one', async () => {
    const connection = connectionFor(mtlsProxy, {});
    const acceptedBefore = mtlsProxy.accepted();
    await expectBothToFail(
      connection,
      /\(TLS \(no client certificate\), custom CA, server name frontend\.temporal\.test\): .*TLS handshake failed: .*certificate required \(the server wants a client certificate: set TEMPORAL_TLS_CERT_PATH and TEMPORAL_TLS_KEY_PATH\)/,
    );
    expect(mtlsProxy.handshakeErrors.join('\n')).toMatch(/peer did not return a certificate/);
    expect(mtlsProxy.accepted()).toBe(acceptedBefore);
  });

  test('with a certificate from another CA both fail, saying the server refused it', async () => {
    const connection = connectionFor(mtlsProxy, {
      TEMPORAL_TLS_CERT_PATH: stranger.certPath,
      TEMPORAL_TLS_KEY_PATH: stranger.keyPath,
    });
    const refusedBefore = mtlsProxy.handshakeErrors.length;
    const acceptedBefore = mtlsProxy.accepted();
    await expectBothToFail(
      connection,
      /\(mTLS \(client certificate\), .*TLS handshake failed: .*\(the server refused the client certificate/,
    );
    // The server refused every handshake: nothing reached the dev server.
    expect(mtlsProxy.handshakeErrors.length).toBeGreaterThan(refusedBefore);
    expect(mtlsProxy.accepted()).toBe(acceptedBefore);
  });

  test.each([
    ['signed by another CA than TEMPORAL_TLS_CA_PATH', () => otherCa.certPath],
    ['from a private CA, without TEMPORAL_TLS_CA_PATH (only the public roots)', () => ''],
  ])('a server certificate %s is not trusted', async (_case, caPath) => {
    const connection = connectionFor(mtlsProxy, { ...withClientCert(), TEMPORAL_TLS_CA_PATH: caPath() });
    await expectBothToFail(
      connection,
      /TLS handshake failed: .*\(the server's certificate is not trusted: set TEMPORAL_TLS_CA_PATH/,
    );
  });

  test('a server certificate for another name needs TEMPORAL_TLS_SERVER_NAME', async () => {
    const connection = connectionFor(mtlsProxy, { ...withClientCert(), TEMPORAL_TLS_SERVER_NAME: '' });
    expect(connection.tls).not.toHaveProperty('serverNameOverride');
    await expectBothToFail(
      connection,
      /TLS handshake failed: .*\(the server's certificate does not name 127\.0\.0\.1: set TEMPORAL_TLS_SERVER_NAME\)/,
    );
  });

  test('TLS towards a plaintext server says the server does not speak TLS', async () => {
    const connection = temporalConnectionOptions(
      loadConfig({ TEMPORAL_ADDRESS: target!, TEMPORAL_TLS: 'true' }).temporal,
    );
    await expectBothToFail(connection, /TLS handshake failed: .*\(the server does not speak TLS/);
  });
});

describe('API key (server-authenticated TLS, as on Temporal Cloud)', () => {
  test('reaches the server as `authorization: Bearer <key>` on every call of the client and the worker', async () => {
    // No TEMPORAL_TLS: the API key turns TLS on by itself.
    const connection = connectionFor(apiKeyProxy, { TEMPORAL_API_KEY: apiKey });
    expect(connection).toMatchObject({ apiKey, tls: { serverRootCACertificate: ca.cert } });
    const from = apiKeyProxy.calls.length;
    await runPlatformCheck(connection);
    const calls = apiKeyProxy.calls.slice(from);
    const methods = new Set(calls.map((call) => String(call[':path']).split('/').pop()));
    // The client's calls and the worker's: connecting, starting, polling, completing.
    for (const method of [
      'GetSystemInfo',
      'StartWorkflowExecution',
      'PollWorkflowTaskQueue',
      'RespondWorkflowTaskCompleted',
      'PollActivityTaskQueue',
      'RespondActivityTaskCompleted',
    ]) {
      expect(methods).toContain(method);
    }
    expect(calls.filter((call) => call.authorization !== `Bearer ${apiKey}`)).toEqual([]);
  });

  test('a wrong key is refused as unauthenticated, for the client and the worker', async () => {
    const connection = connectionFor(apiKeyProxy, { TEMPORAL_API_KEY: 'not-the-key' });
    await expectBothToFail(
      connection,
      /(UNAUTHENTICATED|authentication credentials).*missing or wrong API key/,
    );
  });

  test('the key is not in the errors, nor in what the logger would write of them', async () => {
    const connection = connectionFor(apiKeyProxy, { TEMPORAL_API_KEY: `wrong-${apiKey}` });
    const errors = await Promise.all([
      connectTemporal({ ...connection, namespace, connectTimeoutMs: 2000 }).catch((err: Error) => err),
      createWorker({
        ...connection,
        namespace,
        taskQueue: `test-tls-${randomUUID()}`,
        activities: createActivities({ db: { ping: async () => undefined } }),
        workflowBundlePath,
        log,
      }).catch((err: Error) => err),
    ]);
    for (const error of errors) {
      expect(error).toBeInstanceOf(Error);
      expect((error as Error).message).toMatch(/API key/);
      // pino's error serializer (message, stack, the cause chain), as the worker's fatal errors are logged.
      expect(JSON.stringify(pino.stdSerializers.err(error as Error))).not.toContain(apiKey);
      // console.error(err), as main.ts reports a failed boot.
      expect(inspect(error, { depth: 10 })).not.toContain(apiKey);
    }
  });
});
