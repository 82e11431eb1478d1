import type { Request, RequestHandler } from 'express';
import { ipKeyGenerator, type Options, rateLimit } from 'express-rate-limit';
import { RedisStore, type RedisReply } from 'rate-limit-redis';
import { TooManyRequestsError } from '../errors';
import { type Cache, RedisCache } from '../services/cache';

export interface RateLimitOptions {
  /** Names the counter (`auth:login`); counters are per client IP, or per IP and `key` when given. */
  name: string;
  /** What else a counter is per, besides the client IP (e.g. the account a login names). */
  key?: (req: Request) => string;
  limit: number;
  windowMs: number;
  /** Count only failed requests (status ≥ 400): a login limit that never locks out users who get it right. */
  failuresOnly?: boolean;
}

/**
 * express-rate-limit with a Redis store when the cache is Redis (limits hold across API replicas), its own
 * in-process store on the embedded default. Over the limit: a 429 problem+json with Retry-After.
 */
export function rateLimiter(cache: Cache, options: RateLimitOptions): RequestHandler {
  const store =
    cache instanceof RedisCache
      ? new RedisStore({
          prefix: `rl:${options.name}:`,
          sendCommand: (command: string, ...args: string[]) =>
            cache.redis.call(command, ...args) as Promise<RedisReply>,
        })
      : undefined;
  const settings: Partial<Options> = {
    windowMs: options.windowMs,
    limit: options.limit,
    standardHeaders: 'draft-7',
    legacyHeaders: false,
    skipSuccessfulRequests: options.failuresOnly ?? false,
    ...(options.key
      ? {
          keyGenerator: (req: Request) => `${ipKeyGenerator(req.ip ?? '')}|${options.key!(req)}`,
        }
      : {}),
    ...(store ? { store } : {}),
    handler: (req, _res, next) => {
      const resetTime = (req as { rateLimit?: { resetTime?: Date } }).rateLimit?.resetTime;
      const seconds = resetTime ? Math.max(1, Math.ceil((resetTime.getTime() - Date.now()) / 1000)) : 60;
      next(new TooManyRequestsError(seconds));
    },
  };
  return rateLimit(settings);
}
