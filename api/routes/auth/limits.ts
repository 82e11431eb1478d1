import type { Request, RequestHandler } from 'express';
import type { AppDeps } from '../../deps';
import { type RateLimitOptions, rateLimiter } from '../../middlewares/rate-limit';

/**
 * The rate limits of the sign-in endpoints, per client IP and minute. N is AUTH_RATE_LIMIT_PER_MINUTE (default 10).
 * - login, as OWASP advises: N failed attempts per account and client IP (strict: guessing one account's password
 *   stops there, and so does that client's own sign-in to it until the minute is over), and 5 N failed attempts per
 *   client IP over all accounts (loose: an office behind one address is not locked out by one person's typos, but
 *   spraying many accounts from one address is). Successful logins count in neither;
 * - register: N requests, successful or not;
 * - refresh: 3 N requests (clients refresh on their own, several tabs or devices may share an IP);
 * - profile (PATCH /api/me): N failed attempts, so a stolen access token cannot guess the current password;
 * - oauth (GET /api/auth/<provider>, POST /api/auth/exchange): 3 N requests.
 */
export type LimitName = 'login' | 'register' | 'refresh' | 'profile' | 'oauth';

/** The account a login names, as the API compares emails; '' when the body has none. */
const loginAccount = (req: Request): string => {
  const email = (req.body as { email?: unknown } | undefined)?.email;
  return typeof email === 'string' ? email.trim().toLowerCase() : '';
};

function limitOptions(deps: AppDeps, name: LimitName): RateLimitOptions[] {
  const perMinute = deps.config.auth.rateLimitPerMinute;
  const windowMs = 60_000;
  switch (name) {
    case 'login':
      return [
        { name: 'auth:login-account', limit: perMinute, windowMs, failuresOnly: true, key: loginAccount },
        { name: 'auth:login', limit: 5 * perMinute, windowMs, failuresOnly: true },
      ];
    case 'register':
      return [{ name: 'auth:register', limit: perMinute, windowMs }];
    case 'refresh':
      return [{ name: 'auth:refresh', limit: 3 * perMinute, windowMs }];
    case 'profile':
      return [{ name: 'me:update', limit: perMinute, windowMs, failuresOnly: true }];
    case 'oauth':
      // Starting a social sign-in writes a state to Redis and exchanging a code starts a session: 3 N each.
      return [{ name: 'auth:oauth', limit: 3 * perMinute, windowMs }];
  }
}

/** The route's `before` for a limit: express-rate-limit built once per app, so each app has its own counters. */
export function authLimit(name: LimitName): (deps: AppDeps) => RequestHandler[] {
  return (deps) => limitOptions(deps, name).map((options) => rateLimiter(deps.cache, options));
}
