import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import http2 from 'node:http2';
import net from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import tls from 'node:tls';

// Test helpers for TLS to Temporal: certificates made with the openssl CLI, and proxies that put TLS (with client
// certificates) in front of the stack's plaintext dev server, which cannot serve TLS itself (`temporal server
// start-dev` has no TLS flags, and TLS is static server configuration, not dynamic config).

export interface Pem {
  /** Where the PEM files are, for TEMPORAL_TLS_* variables. */
  certPath: string;
  keyPath: string;
  cert: Buffer;
  key: Buffer;
}

/** A scratch directory of certificates; remove() deletes it. */
export class TestPki {
  readonly dir = mkdtempSync(path.join(tmpdir(), 'market-tls-'));

  /** A self-signed certificate authority. */
  ca(name: string): Pem {
    const certPath = path.join(this.dir, `${name}.crt`);
    const keyPath = path.join(this.dir, `${name}.key`);
    openssl(
      ['req', '-x509', '-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:prime256v1', '-nodes'],
      ['-keyout', keyPath, '-out', certPath, '-days', '2', '-subj', `/CN=${name}`],
      ['-addext', 'basicConstraints=critical,CA:TRUE', '-addext', 'keyUsage=critical,keyCertSign,cRLSign'],
    );
    return read(certPath, keyPath);
  }

  /** A leaf certificate signed by `ca`: for a server (names in subjectAltName) or a client. */
  issue(ca: Pem, name: string, usage: { server: string[] } | 'client'): Pem {
    const base = path.join(this.dir, name);
    const extensions = [
      'basicConstraints=critical,CA:FALSE',
      'keyUsage=critical,digitalSignature',
      usage === 'client'
        ? 'extendedKeyUsage=clientAuth'
        : `extendedKeyUsage=serverAuth\nsubjectAltName=${usage.server
            .map((n) => (net.isIP(n) ? `IP:${n}` : `DNS:${n}`))
            .join(',')}`,
    ];
    writeFileSync(`${base}.ext`, `${extensions.join('\n')}\n`);
    openssl(
      ['req', '-new', '-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:prime256v1', '-nodes'],
      ['-keyout', `${base}.key`, '-out', `${base}.csr`, '-subj', `/CN=${name}`],
    );
    openssl(
      ['x509', '-req', '-in', `${base}.csr`, '-CA', ca.certPath, '-CAkey', ca.keyPath, '-CAcreateserial'],
      ['-out', `${base}.crt`, '-days', '2', '-extfile', `${base}.ext`],
    );
    return read(`${base}.crt`, `${base}.key`);
  }

  /** A file in the scratch directory, e.g. something that is not a certificate. */
  file(name: string, content: string): string {
    const file = path.join(this.dir, name);
    writeFileSync(file, content);
    return file;
  }

  remove(): void {
    rmSync(this.dir, { recursive: true, force: true });
  }
}

function openssl(...args: string[][]): void {
  execFileSync('openssl', args.flat(), { stdio: ['ignore', 'ignore', 'pipe'] });
}

function read(certPath: string, keyPath: string): Pem {
  return { certPath, keyPath, cert: readFileSync(certPath), key: readFileSync(keyPath) };
}

export interface TlsProxy {
  /** host:port to connect to (TLS, client certificate signed by `clientCa` required). */
  address: string;
  /** Why TLS handshakes failed, as the server saw it (e.g. a client without a certificate). */
  handshakeErrors: string[];
  /** Connections that passed the handshake (their calls went on to the target). */
  accepted(): number;
  /** Request headers of each gRPC call (h2 mode only: the TCP mode never looks inside the stream). */
  calls: http2.IncomingHttpHeaders[];
  close(): Promise<void>;
}

export interface TlsProxyOptions {
  /** The plaintext Temporal frontend behind the proxy, host:port. */
  target: string;
  /** The proxy's server certificate. */
  server: Pem;
  /** The CA client certificates must chain to; null: no client certificate asked for (server-auth TLS). */
  clientCa: Pem | null;
  /**
   * `tcp`: TLS terminated and the bytes piped on. `h2`: TLS terminated and each gRPC call forwarded by Node's HTTP/2
   * (which decodes the headers, so the test can read `authorization`); with `apiKey`, a call without
   * `authorization: Bearer <apiKey>` is refused as UNAUTHENTICATED, as Temporal Cloud does.
   */
  mode: 'tcp' | 'h2';
  apiKey?: string;
}

/** Starts a TLS-terminating proxy in front of `target` on a free loopback port. */
export async function startTlsProxy(options: TlsProxyOptions): Promise<TlsProxy> {
  const [targetHost, targetPort] = splitAddress(options.target);
  const tlsOptions: tls.TlsOptions = {
    cert: options.server.cert,
    key: options.server.key,
    ALPNProtocols: ['h2'],
    ...(options.clientCa
      ? { ca: options.clientCa.cert, requestCert: true, rejectUnauthorized: true }
      : { requestCert: false }),
  };
  const handshakeErrors: string[] = [];
  const calls: http2.IncomingHttpHeaders[] = [];
  const sockets = new Set<net.Socket>();
  let accepted = 0;
  let server: tls.Server | http2.Http2SecureServer;
  let upstream: http2.ClientHttp2Session | null = null;

  if (options.mode === 'tcp') {
    server = tls.createServer(tlsOptions, (socket) => {
      accepted += 1;
      const plain = net.connect(targetPort, targetHost);
      sockets.add(socket).add(plain);
      socket.on('close', () => sockets.delete(socket));
      plain.on('close', () => sockets.delete(plain));
      socket.on('error', () => plain.destroy());
      plain.on('error', () => socket.destroy());
      socket.pipe(plain).pipe(socket);
    });
  } else {
    const h2 = http2.createSecureServer(tlsOptions);
    server = h2;
    h2.on('connection', (socket: net.Socket) => {
      sockets.add(socket);
      socket.on('close', () => sockets.delete(socket));
    });
    h2.on('secureConnection', () => (accepted += 1));
    h2.on('stream', (stream, headers) => {
      calls.push(headers);
      stream.on('error', () => undefined);
      if (options.apiKey && headers.authorization !== `Bearer ${options.apiKey}`) {
        stream.respond(
          {
            ':status': 200,
            'content-type': 'application/grpc',
            'grpc-status': '16',
            'grpc-message': 'missing or wrong API key',
          },
          { endStream: true },
        );
        return;
      }
      upstream ??= http2.connect(`http://${options.target}`).on('error', () => undefined);
      forwardCall(upstream, stream, headers);
    });
  }
  server.on('tlsClientError', (err: Error) => handshakeErrors.push(err.message));
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as net.AddressInfo;
  return {
    address: `127.0.0.1:${port}`,
    handshakeErrors,
    accepted: () => accepted,
    calls,
    close: async () => {
      const closed = new Promise<void>((resolve) => server.close(() => resolve()));
      (upstream as http2.ClientHttp2Session | null)?.destroy();
      for (const socket of sockets) socket.destroy();
      await closed;
    },
  };
}

/** Forwards one gRPC call: headers, body, then the response with its trailers (or a trailers-only answer). */
function forwardCall(
  upstream: http2.ClientHttp2Session,
  stream: http2.ServerHttp2Stream,
  headers: http2.IncomingHttpHeaders,
): void {
  const request: http2.OutgoingHttpHeaders = {};
  for (const [name, value] of Object.entries(headers)) {
    if (!name.startsWith(':') || name === ':method' || name === ':path') request[name] = value;
  }
  const call = upstream.request(request);
  call.on('error', () => stream.destroy());
  let trailers: http2.OutgoingHttpHeaders = {};
  call.on('trailers', (t) => (trailers = t));
  call.on('response', (responseHeaders, flags) => {
    if (flags & http2.constants.NGHTTP2_FLAG_END_STREAM) {
      stream.respond(responseHeaders, { endStream: true });
      return;
    }
    stream.respond(responseHeaders, { waitForTrailers: true });
    stream.on('wantTrailers', () => stream.sendTrailers(trailers));
    call.pipe(stream);
  });
  // The client cancelled (a worker's long poll at shutdown): cancel upstream too.
  stream.on('close', () => {
    if (!call.closed) call.close(http2.constants.NGHTTP2_CANCEL);
  });
  stream.pipe(call);
}

function splitAddress(address: string): [string, number] {
  const at = address.lastIndexOf(':');
  return [address.slice(0, at), Number(address.slice(at + 1))];
}
