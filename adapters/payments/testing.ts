import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

/**
 * A recording proxy in front of stripe-mock, for the Stripe adapter's tests. stripe-mock is stateless and answers
 * fixtures (every PaymentIntent is `requires_payment_method`), so the proxy also lets a test queue Stripe's own
 * answers for one request (a card error, a PaymentIntent in another state) to exercise the SDK's real error path.
 */

export function stripeMockUrl(): string {
  return process.env.MARKET_TEST_STRIPE_URL ?? 'http://127.0.0.1:12111';
}

export interface RecordedRequest {
  method: string;
  path: string;
  headers: IncomingHttpHeaders;
  /** The form-encoded body, decoded (`metadata[order]` keys as Stripe sends them). */
  form: URLSearchParams;
}

export interface StripeProxy {
  url: string;
  requests: RecordedRequest[];
  /** Answers the next `METHOD /path` request with this status and JSON body instead of forwarding it. */
  respond(method: string, path: string, status: number, body: unknown): void;
  close(): Promise<void>;
}

export async function startStripeProxy(target = stripeMockUrl()): Promise<StripeProxy> {
  const requests: RecordedRequest[] = [];
  const queued = new Map<string, { status: number; body: unknown }[]>();
  const server: Server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      const body = Buffer.concat(chunks);
      const method = req.method ?? 'GET';
      const url = new URL(req.url ?? '/', 'http://proxy');
      requests.push({
        method,
        path: url.pathname,
        headers: req.headers,
        form: new URLSearchParams(body.toString()),
      });
      const canned = queued.get(`${method} ${url.pathname}`)?.shift();
      if (canned) {
        res.writeHead(canned.status, { 'content-type': 'application/json', 'request-id': 'req_proxy' });
        res.end(JSON.stringify(canned.body));
        return;
      }
      const headers: Record<string, string> = {};
      for (const [name, value] of Object.entries(req.headers)) {
        if (typeof value === 'string' && name !== 'host' && name !== 'content-length') headers[name] = value;
      }
      fetch(new URL(url.pathname + url.search, target), {
        method,
        headers,
        body: method === 'GET' || method === 'DELETE' ? undefined : body,
      })
        .then(async (upstream) => {
          res.writeHead(upstream.status, { 'content-type': 'application/json' });
          res.end(Buffer.from(await upstream.arrayBuffer()));
        })
        .catch((err: unknown) => {
          res.writeHead(502);
          res.end(String(err));
        });
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    requests,
    respond(method, path, status, body) {
      const key = `${method} ${path}`;
      queued.set(key, [...(queued.get(key) ?? []), { status, body }]);
    },
    close: () =>
      new Promise<void>((resolve, reject) => server.close((err) => (err ? reject(err) : resolve()))),
  };
}

/** A PaymentIntent as Stripe returns it, with only the fields the adapter reads. */
export function paymentIntentFixture(fields: Record<string, unknown>): Record<string, unknown> {
  return {
    id: 'pi_fixture',
    object: 'payment_intent',
    amount: 4200,
    currency: 'eur',
    capture_method: 'manual',
    client_secret: 'pi_fixture_secret_xyz',
    last_payment_error: null,
    status: 'requires_payment_method',
    ...fields,
  };
}
