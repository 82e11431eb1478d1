import type { AppLoadContext } from 'react-router';
import { COOKIES, getJson, isSignedIn } from './api.server';
import { ApiError } from './problem';
import type { CartView, CategoryNode, User } from './types';

/** The header's data on every page: the shopper (if signed in), the cart size and the top categories. */
export async function loadChrome(context: AppLoadContext) {
  const { settings, cookies } = context.shop;
  const [user, cart, categories] = await Promise.all([
    isSignedIn(context) ? getJson<User>(context, '/api/me').catch(orNull) : null,
    isSignedIn(context) || cookies.get(COOKIES.cart)
      ? getJson<CartView>(context, '/api/cart').catch(orNull)
      : null,
    getJson<{ items: CategoryNode[] }>(context, '/api/categories').catch(() => ({ items: [] })),
  ]);
  return {
    shop: { name: settings.name, currency: settings.currency, googleSignIn: settings.googleSignIn },
    user: user ? { name: user.name, email: user.email } : null,
    cartCount: cart ? cart.items.reduce((n, line) => n + line.quantity, 0) : 0,
    categories: categories.items.map((c) => ({ slug: c.slug, name: c.name })),
  };
}

function orNull(error: unknown): null {
  if (error instanceof ApiError && error.status < 500) return null;
  throw error;
}
