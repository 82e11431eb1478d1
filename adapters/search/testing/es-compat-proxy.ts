import http from 'node:http';
import type { AddressInfo } from 'node:net';

/**
 * Why this exists: the tests must run the Elasticsearch adapter against a real engine, but Elasticsearch 8/9 is
 * not to be had on these machines (not on Maven Central, no Docker), while OpenSearch is. OpenSearch answers the
 * same DSL for everything the adapter uses; only two protocol details make the official client refuse it:
 *
 * 1. `@elastic/elasticsearch` rejects every 2xx response without `x-elastic-product: Elasticsearch`
 *    (ProductNotSupportedError) — this proxy adds the header to every response;
 * 2. it sends `Accept`/`Content-Type: application/vnd.elasticsearch+json; compatible-with=8` (9 for the v9
 *    client), and OpenSearch answers a request body of that type with 406 — this proxy rewrites them to
 *    `application/json` (and the ndjson variant of `_bulk` to `application/x-ndjson`).
 *
 * `GET /` is answered with an Elasticsearch-looking version (`8.19.0` by default, `build_flavor: default`), so
 * `client.info()` and any product check based on it see an Elasticsearch of the client's major.
 *
 * Test support only, in-process, on 127.0.0.1 and a free port; it streams request and response bodies through.
 */
export interface EsCompatProxy {
  /** `http://127.0.0.1:<port>`: hand this to the Elasticsearch client. */
  url: string;
  close(): Promise<void>;
}

export interface EsCompatProxyOptions {
  /** The OpenSearch URL, e.g. `http://127.0.0.1:19200`. */
  target: string;
  /** The version `GET /` claims (default 8.19.0). */
  esVersion?: string;
}

const VENDOR_MEDIA_TYPE = /application\/vnd\.elasticsearch\+([\w-]+)(\s*;\s*compatible-with\s*=\s*\d+)?/gi;

/** `application/vnd.elasticsearch+json; compatible-with=8` → `application/json` (also inside a list). */
export function plainMediaType(value: string): string {
  return value.replace(VENDOR_MEDIA_TYPE, 'application/$1');
}

export async function startEsCompatProxy(options: EsCompatProxyOptions): Promise<EsCompatProxy> {
  const target = new URL(options.target);
  const esVersion = options.esVersion ?? '8.19.0';

  const server = http.createServer((req, res) => {
    const headers: http.OutgoingHttpHeaders = { ...req.headers, host: target.host };
    for (const name of ['accept', 'content-type'] as const) {
      const value = req.headers[name];
      if (typeof value === 'string') headers[name] = plainMediaType(value);
    }
    const isInfo = req.method === 'GET' && (req.url === '/' || req.url?.startsWith('/?'));
    const upstream = http.request(
      {
        protocol: target.protocol,
        hostname: target.hostname,
        port: target.port,
        method: req.method,
        path: req.url,
        headers,
      },
      (answer) => {
        const responseHeaders = { ...answer.headers, 'x-elastic-product': 'Elasticsearch' };
        if (!isInfo || answer.statusCode !== 200) {
          res.writeHead(answer.statusCode ?? 502, responseHeaders);
          answer.pipe(res);
          return;
        }
        const chunks: Buffer[] = [];
        answer.on('data', (chunk: Buffer) => chunks.push(chunk));
        answer.on('end', () => {
          const body = JSON.stringify(asElasticsearchInfo(Buffer.concat(chunks).toString('utf8'), esVersion));
          delete responseHeaders['content-length'];
          delete responseHeaders['transfer-encoding'];
          res.writeHead(200, { ...responseHeaders, 'content-length': Buffer.byteLength(body) });
          res.end(body);
        });
      },
    );
    upstream.on('error', (error) => {
      if (res.headersSent) {
        res.destroy(error);
        return;
      }
      const body = JSON.stringify({ error: { type: 'proxy_error', reason: error.message }, status: 502 });
      res.writeHead(502, { 'content-type': 'application/json' });
      res.end(body);
    });
    req.pipe(upstream);
  });

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolve());
  });
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.close((error) => (error ? reject(error) : resolve()));
        // Keep-alive sockets of a client that was not closed would hold close() open.
        server.closeAllConnections();
      }),
  };
}

/** OpenSearch's `GET /` body, dressed as Elasticsearch's. */
function asElasticsearchInfo(raw: string, esVersion: string): Record<string, unknown> {
  const info = JSON.parse(raw) as Record<string, unknown> & { version?: Record<string, unknown> };
  const { distribution: _distribution, ...version } = info.version ?? {};
  return {
    ...info,
    version: { ...version, number: esVersion, build_flavor: 'default' },
    tagline: 'You Know, for Search',
  };
}
