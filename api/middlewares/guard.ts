import type { RequestHandler } from 'express';
import { UnauthorizedError } from '../errors';
import type { Route } from '../openapi/route';
import { can, forbidden } from '../policies';
import { authenticate, type PassportInstance } from './authenticate';

/** The middlewares that enforce a route's `access`, run before validation (so 401/403 come before 422). */
export function guard(route: Route, passport: PassportInstance): RequestHandler[] {
  const open = ['public', 'guest-or-user', 'signed-in'];
  if (route.path.startsWith('/api/admin') && open.includes(route.access)) {
    throw new Error(`${route.method.toUpperCase()} ${route.path}: admin routes must name a policy action`);
  }
  if (route.access === 'public') return [];
  if (route.access === 'guest-or-user') {
    const check = authenticate(passport);
    return [(req, res, next) => (req.get('authorization') ? check(req, res, next) : next())];
  }
  const checks: RequestHandler[] = [authenticate(passport)];
  const action = route.access;
  if (action !== 'signed-in') {
    checks.push((req, _res, next) => {
      if (!req.user) return next(new UnauthorizedError());
      next(can(req.user, action) ? undefined : forbidden(action));
    });
  }
  return checks;
}
