import type { Request, RequestHandler } from 'express';
import type { AppDeps } from '../../deps';
import { rateLimiter } from '../../middlewares/rate-limit';
import { cartOwnerOf } from '../../services/cart';

/**
 * Rate limits on what holds stock or tries cards, so nobody can pin a product's stock or test stolen cards in a
 * loop. N is CHECKOUT_RATE_LIMIT_PER_MINUTE (checkout) or PAYMENT_RATE_LIMIT_PER_MINUTE (pay, 3-D Secure):
 * - checkout: N per client IP and minute, and N/4 per cart (a retry with the same Idempotency-Key counts too;
 *   it is cheap, but a loop of them is not a shopper);
 * - pay: N per client IP and minute, and N/4 per order (card testing against one order);
 * - 3-D Secure (the built-in test provider's page): N per client IP and minute.
 * Requests from one shopper and one cart stay far below these; an office or a mobile carrier's shared address
 * gets N for all its shoppers, which is why N is configurable.
 */
const WINDOW_MS = 60_000;
const quarter = (n: number) => Math.max(1, Math.floor(n / 4));

/** The cart a checkout uses: the signed-in user's, or the guest token's hash ('' without one: refused later). */
function cartKey(req: Request): string {
  const owner = cartOwnerOf(req, req.user ?? null);
  if (!owner) return '';
  return 'userId' in owner ? `user:${owner.userId}` : `guest:${owner.guestTokenHash}`;
}

const orderKey = (req: Request): string => String(req.params['id'] ?? '');

export function checkoutLimit(deps: AppDeps): RequestHandler[] {
  const n = deps.config.checkout.rateLimits.checkoutPerMinute;
  return [
    rateLimiter(deps.cache, { name: 'checkout', limit: n, windowMs: WINDOW_MS }),
    rateLimiter(deps.cache, { name: 'checkout:cart', limit: quarter(n), windowMs: WINDOW_MS, key: cartKey }),
  ];
}

export function payLimit(deps: AppDeps): RequestHandler[] {
  const n = deps.config.checkout.rateLimits.paymentPerMinute;
  return [
    rateLimiter(deps.cache, { name: 'pay', limit: n, windowMs: WINDOW_MS }),
    rateLimiter(deps.cache, { name: 'pay:order', limit: quarter(n), windowMs: WINDOW_MS, key: orderKey }),
  ];
}

export function authenticationLimit(deps: AppDeps): RequestHandler[] {
  const n = deps.config.checkout.rateLimits.paymentPerMinute;
  return [rateLimiter(deps.cache, { name: 'pay:3ds', limit: n, windowMs: WINDOW_MS })];
}
