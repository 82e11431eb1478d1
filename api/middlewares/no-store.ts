import type { RequestHandler } from 'express';

/**
 * Every API answer is `Cache-Control: no-store` unless its route says otherwise (the public catalog's ETag
 * middleware sets `public, no-cache`): tokens, carts, orders and profiles must not sit in a browser's or a proxy's
 * cache.
 */
export function noStore(): RequestHandler {
  return (_req, res, next) => {
    res.setHeader('Cache-Control', 'no-store');
    next();
  };
}
