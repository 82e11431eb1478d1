import { Worker } from 'node:worker_threads';

/**
 * oauth2-mock-server (an OAuth 2 / OpenID Connect provider) for the sign-in tests, on 127.0.0.1 with a free port.
 *
 * It runs in a worker thread of the test process because it (and jose, which it needs) ship only as ES modules,
 * which Jest's CommonJS module system cannot load on Node 20; inside the worker, Node loads it natively. The worker
 * keeps the library's own API: `service.once('beforeUserinfo', (res) => { res.body = … })` sets the next profile.
 */
const workerSource = `
const { parentPort, workerData } = require('node:worker_threads');
const { pathToFileURL } = require('node:url');
(async () => {
  const { OAuth2Server } = await import(pathToFileURL(workerData.modulePath).href);
  const server = new OAuth2Server();
  await server.issuer.keys.generate('RS256');
  await server.start(0, '127.0.0.1');
  const requests = [];
  server.service.on('beforeResponse', (_response, req) => requests.push({ path: '/token', body: req.body }));
  const always = () => {
    if (workerData.always) server.service.on('beforeUserinfo', (response) => { response.body = workerData.always; });
  };
  always();
  parentPort.on('message', async (message) => {
    if (message.type === 'userinfo') {
      server.service.once('beforeUserinfo', (response) => {
        response.body = message.body;
      });
    } else if (message.type === 'reset') {
      server.service.removeAllListeners('beforeUserinfo');
      always();
      requests.length = 0;
    } else if (message.type === 'stop') {
      await server.stop();
    }
    parentPort.postMessage({ id: message.id, requests: [...requests] });
  });
  parentPort.postMessage({ ready: server.issuer.url });
})().catch((err) => parentPort.postMessage({ failed: String(err && err.stack || err) }));
`;

/** The claims the mock's userinfo endpoint answers with (Google's OpenID Connect names). */
export interface UserinfoClaims {
  sub: string;
  email?: string;
  email_verified?: boolean | string;
  name?: string;
}

export interface TokenRequest {
  path: '/token';
  body: Record<string, string>;
}

export interface MockProvider {
  /** `http://127.0.0.1:<port>`; endpoints `/authorize`, `/token`, `/userinfo`. */
  url: string;
  /** Sets the profile of the next userinfo request only. */
  nextUserinfo(claims: UserinfoClaims): Promise<void>;
  /** Forgets a profile that no sign-in used, and the recorded token requests. */
  reset(): Promise<void>;
  /** The token requests (code exchanges) the mock has answered since the last reset. */
  tokenRequests(): Promise<TokenRequest[]>;
  stop(): Promise<void>;
}

/** `always`: the profile every sign-in gets unless nextUserinfo() set one (the browser tests' Google account). */
export async function startMockProvider(options: { always?: UserinfoClaims } = {}): Promise<MockProvider> {
  const worker = new Worker(workerSource, {
    eval: true,
    workerData: { modulePath: require.resolve('oauth2-mock-server'), always: options.always ?? null },
  });
  const url = await new Promise<string>((resolve, reject) => {
    worker.once('error', reject);
    worker.once('message', (message: { ready?: string; failed?: string }) =>
      message.ready ? resolve(message.ready) : reject(new Error(message.failed)),
    );
  });
  let nextId = 0;
  const send = (message: Record<string, unknown>) =>
    new Promise<TokenRequest[]>((resolve) => {
      const id = ++nextId;
      const onMessage = (reply: { id: number; requests: TokenRequest[] }) => {
        if (reply.id !== id) return;
        worker.off('message', onMessage);
        resolve(reply.requests);
      };
      worker.on('message', onMessage);
      worker.postMessage({ ...message, id });
    });
  return {
    url: url.replace(/\/$/, ''),
    nextUserinfo: async (body) => void (await send({ type: 'userinfo', body })),
    reset: async () => void (await send({ type: 'reset' })),
    tokenRequests: () => send({ type: 'list' }),
    stop: async () => {
      await send({ type: 'stop' });
      await worker.terminate();
    },
  };
}
