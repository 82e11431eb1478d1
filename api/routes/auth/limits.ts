import type { Request, RequestHandler, Response } from 'express';
import type { AppDeps } from '../../deps';
import { type RateLimitOptions, rateLimiter } from '../../middlewares/rate-limit';

/**
 * The rate limits of the sign-in endpoints, per client IP and minute. N is AUTH_RATE_LIMIT_PER_MINUTE (default 10).
 * - login: N failed attempts (successful ones do not count, so a user who gets it right is never locked out);
 * - register: N requests, successful or not;
 * - refresh: 3 N requests (clients refresh on their own, several tabs or devices may share an IP);
 * - profile (PATCH /api/me): N failed attempts, so a stolen access token cannot guess the current password.
 */
const LIMIT_NAMES = ['login', 'register', 'refresh', 'profile'] as const;
export type LimitName = (typeof LIMIT_NAMES)[number];

function limitOptions(deps: AppDeps, name: LimitName): RateLimitOptions {
  const perMinute = deps.config.auth.rateLimitPerMinute;
  const windowMs = 60_000;
  switch (name) {
    case 'login':
      return { name: 'auth:login', limit: perMinute, windowMs, failuresOnly: true };
    case 'register':
      return { name: 'auth:register', limit: perMinute, windowMs };
    case 'refresh':
      return { name: 'auth:refresh', limit: 3 * perMinute, windowMs };
    case 'profile':
      return { name: 'me:update', limit: perMinute, windowMs, failuresOnly: true };
  }
}

// Route objects are module-level and `before` middlewares never see the deps, so each app's limiters are kept per
// deps object (one per process in production, one per test app), built by prepareAuthLimits() or on first use.
const limitersByDeps = new WeakMap<AppDeps, Map<LimitName, RequestHandler>>();

function limiterFor(deps: AppDeps, name: LimitName): RequestHandler {
  let limiters = limitersByDeps.get(deps);
  if (!limiters) limitersByDeps.set(deps, (limiters = new Map()));
  let limiter = limiters.get(name);
  if (!limiter) limiters.set(name, (limiter = rateLimiter(deps.cache, limitOptions(deps, name))));
  return limiter;
}

/** Builds the limiters of an app outside any request (express-rate-limit warns when one is built inside one). */
export function prepareAuthLimits(deps: AppDeps): void {
  for (const name of LIMIT_NAMES) limiterFor(deps, name);
}

/** Counts this request against a limit: resolves under the limit, rejects with a 429 (TooManyRequestsError) over it. */
export function enforceLimit(deps: AppDeps, name: LimitName, req: Request, res: Response): Promise<void> {
  const limiter = limiterFor(deps, name);
  return new Promise((resolve, reject) => {
    void limiter(req, res, (err?: unknown) => (err ? reject(err) : resolve()));
  });
}
