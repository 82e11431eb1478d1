import type { RequestHandler } from 'express';
import typeis from 'type-is';
import { UnsupportedMediaTypeError } from '../errors';

/** A request that carries a body must say it is JSON; anything else is a 415 before any handler runs. */
export function requireJson(): RequestHandler {
  return (req, _res, next) => {
    if (!typeis.hasBody(req)) return next();
    if (req.headers['content-length'] === '0') return next();
    if (typeis(req, ['application/json', 'application/*+json'])) return next();
    next(
      new UnsupportedMediaTypeError(
        `Send the body as application/json (got ${req.headers['content-type'] ?? 'no Content-Type'}).`,
      ),
    );
  };
}
