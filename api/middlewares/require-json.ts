import type { RequestHandler } from 'express';
import typeis from 'type-is';
import { UnsupportedMediaTypeError } from '../errors';

/** The body types the API reads as JSON: `application/json` and every `application/*+json`. */
export const JSON_TYPES = ['application/json', 'application/*+json'];

/** A request that carries a body must say it is JSON; anything else is a 415 before any handler runs. */
export function requireJson(): RequestHandler {
  return (req, _res, next) => {
    if (!typeis.hasBody(req)) return next();
    if (req.headers['content-length'] === '0') return next();
    if (typeis(req, JSON_TYPES)) return next();
    next(
      new UnsupportedMediaTypeError(
        `Send the body as application/json (got ${req.headers['content-type'] ?? 'no Content-Type'}).`,
      ),
    );
  };
}
