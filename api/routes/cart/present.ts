import type { Response } from 'express';
import { CART_TOKEN_HEADER, type PricedCart } from '../../services/cart';

/**
 * The response body, and for guests the token in the Cart-Token header as well: a client may read either. Signed-in
 * callers never get one back, which tells a client that merged on sign-in to drop its guest token.
 */
export function presentCart(res: Response, cart: PricedCart, token: string | null) {
  // A cart is one shopper's: no shared cache may keep it (nor the token).
  res.set('Cache-Control', 'no-store');
  if (token) res.set(CART_TOKEN_HEADER, token);
  const { id, currency, items, saved, totals, warnings } = cart;
  return { id, ...(token ? { token } : {}), currency, items, saved, totals, warnings };
}
