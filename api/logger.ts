import pino, { type Logger } from 'pino';

export type { Logger };

/**
 * Paths that must never reach a log line (tokens, passwords, card data). Every header that carries a credential:
 * bearer tokens, cookies, the guest cart's token (it is the cart: whoever has it can check the cart out and read its
 * orders), webhook signatures, and the usual proxy and API-key headers should a gateway add them.
 */
export const redactPaths = [
  'req.headers.authorization',
  'req.headers["proxy-authorization"]',
  'req.headers["x-api-key"]',
  'req.headers.cookie',
  'req.headers["cart-token"]',
  'req.headers["stripe-signature"]',
  'res.headers["set-cookie"]',
  'res.headers["cart-token"]',
  'res.headers.location', // OAuth redirects carry one-time codes
  '*.password',
  '*.passwordHash',
  '*.token',
  '*.accessToken',
  '*.refreshToken',
  '*.cartToken',
  '*.cardNumber',
];

/**
 * Request headers the access log keeps. An allow-list, not a deny-list: a credential header a client, proxy or
 * gateway adds tomorrow is never logged, and serializing a dozen headers for every request is not paid for.
 * No Referer: the shop's own pages can carry a guest's order link.
 */
const LOGGED_HEADERS = ['host', 'user-agent', 'content-type', 'content-length', 'x-forwarded-for'] as const;

interface LoggedRequest {
  id?: unknown;
  method?: string;
  url?: string;
  originalUrl?: string;
  headers: Record<string, string | string[] | undefined>;
  socket?: { remoteAddress?: string };
}

/**
 * The request as the access log writes it: id, method, URL, peer and the allowed headers. OAuth callbacks carry the
 * provider's code and our state in the query string, so under /api/auth/ only the path is kept.
 */
export function loggableRequest(req: LoggedRequest) {
  const url = req.originalUrl ?? req.url ?? '';
  const headers: Record<string, string> = {};
  for (const name of LOGGED_HEADERS) {
    const value = req.headers[name];
    if (value !== undefined) headers[name] = Array.isArray(value) ? value.join(', ') : value;
  }
  return {
    id: req.id,
    method: req.method,
    url: url.startsWith('/api/auth/') ? url.split('?')[0]! : url,
    remoteAddress: req.socket?.remoteAddress,
    headers,
  };
}

/** The response as the access log writes it: the status and the size (no headers: Set-Cookie, Cart-Token…). */
export function loggableResponse(res: { statusCode: number; getHeader(name: string): unknown }) {
  return { statusCode: res.statusCode, contentLength: res.getHeader('content-length') };
}

export function createLogger(
  options: { level: string; pretty?: boolean; name?: string },
  /** Where lines go (stdout by default); tests pass a stream to read them. */
  destination?: pino.DestinationStream,
): Logger {
  const settings: pino.LoggerOptions = {
    name: options.name ?? 'market',
    level: options.level,
    redact: { paths: redactPaths, censor: '[redacted]' },
    ...(options.pretty
      ? {
          transport: {
            target: 'pino-pretty',
            options: { translateTime: 'HH:MM:ss', ignore: 'pid,hostname' },
          },
        }
      : {}),
  };
  return destination ? pino(settings, destination) : pino(settings);
}
