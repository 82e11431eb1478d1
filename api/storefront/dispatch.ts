import { IncomingMessage, ServerResponse } from 'node:http';
import type { Socket } from 'node:net';
import { PassThrough } from 'node:stream';
import type { Express, Request, Response } from 'express';
import type { ApiAnswer, ApiCall } from './context';

/** Forwarded from the shopper's request, so rate limits, logs and content negotiation see the real client. */
const FORWARDED = ['user-agent', 'accept-language', 'x-request-id'];

/**
 * In-process API calls for the storefront's loaders and actions: no socket, but the full Express chain
 * (validation, auth, rate limits keyed by the shopper's address, caching) runs as for any client. The request is a
 * real IncomingMessage fed with the body; the response a real ServerResponse whose write/end are captured.
 */
export function apiDispatcher(app: Express, outer: Request) {
  const forwarded: Record<string, string> = {};
  for (const name of FORWARDED) {
    const value = outer.get(name);
    if (value) forwarded[name] = value;
  }
  const remoteAddress = outer.ip ?? outer.socket.remoteAddress ?? '127.0.0.1';
  return (call: ApiCall) => dispatch(app, call, forwarded, remoteAddress);
}

function dispatch(
  app: Express,
  call: ApiCall,
  forwarded: Record<string, string>,
  remoteAddress: string,
): Promise<ApiAnswer> {
  return new Promise((resolve, reject) => {
    const socket = new PassThrough() as unknown as Socket;
    Object.defineProperty(socket, 'remoteAddress', { value: remoteAddress });
    Object.defineProperty(socket, 'encrypted', { value: false });
    const req = new IncomingMessage(socket);
    req.method = call.method.toUpperCase();
    req.url = call.path;
    const body = call.body === undefined ? null : Buffer.from(call.body);
    const headers: Record<string, string> = { host: 'storefront.internal', ...forwarded };
    for (const [k, v] of Object.entries(call.headers ?? {})) headers[k.toLowerCase()] = v;
    if (body) headers['content-length'] = String(body.length);
    req.headers = headers;
    req.push(body);
    if (body) req.push(null);

    const res = new ServerResponse(req);
    const chunks: Buffer[] = [];
    const take = (chunk: unknown, encoding?: unknown) => {
      if (chunk === undefined || chunk === null || typeof chunk === 'function') return;
      chunks.push(
        Buffer.isBuffer(chunk)
          ? chunk
          : Buffer.from(
              chunk as string,
              typeof encoding === 'string' ? (encoding as BufferEncoding) : 'utf8',
            ),
      );
    };
    // Own properties survive Express re-parenting the response's prototype.
    res.write = ((chunk: unknown, encoding?: unknown, cb?: unknown) => {
      take(chunk, encoding);
      const done = typeof encoding === 'function' ? encoding : cb;
      if (typeof done === 'function') process.nextTick(done as () => void);
      return true;
    }) as typeof res.write;
    res.end = ((chunk?: unknown, encoding?: unknown) => {
      take(chunk, encoding);
      if (!res.headersSent) res.writeHead(res.statusCode);
      Object.defineProperty(res, 'writableEnded', { value: true });
      resolve({
        status: res.statusCode,
        headers: res.getHeaders() as ApiAnswer['headers'],
        body: Buffer.concat(chunks).toString(call.binary ? 'base64' : 'utf8'),
      });
      res.emit('finish');
      res.emit('close');
      return res;
    }) as typeof res.end;
    try {
      app(req as Request, res as unknown as Response);
    } catch (err) {
      reject(err);
    }
  });
}
