import type { RequestHandler } from 'express';
import { match } from 'path-to-regexp';
import { AppError } from '../errors';
import type { Route } from '../openapi/route';

/**
 * A known API path asked with a method it does not take (`DELETE /api/health/live`): 405 with `Allow` naming the
 * methods it does take (HEAD wherever GET is), as RFC 9110 asks, instead of a 404 that says the path is unknown.
 * Mounted after every route, so it only sees requests no route answered.
 */
export function methodNotAllowed(routes: Route[]): RequestHandler {
  const patterns = routes.map((route) => ({
    method: route.method.toUpperCase(),
    matches: match(route.path),
  }));
  return (req, res, next) => {
    if (!req.path.startsWith('/api/')) return next();
    const methods = new Set(patterns.filter((p) => p.matches(req.path)).map((p) => p.method));
    if (methods.size === 0 || methods.has(req.method)) return next();
    if (methods.has('GET')) methods.add('HEAD');
    const allow = [...methods].sort().join(', ');
    res.setHeader('Allow', allow);
    next(new AppError(405, 'method_not_allowed', 'Method not allowed', `${req.path} takes ${allow}.`));
  };
}
