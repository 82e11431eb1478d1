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
 * The request as logged: OAuth callbacks carry the provider's code and our state in the query string, so under
 * /api/auth/ only the path is kept (and no parsed query).
 */
export function loggableRequest<R extends { url: string; query?: unknown }>(req: R): R {
  if (!req.url.startsWith('/api/auth/')) return req;
  return { ...req, url: req.url.split('?')[0]!, query: undefined };
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
