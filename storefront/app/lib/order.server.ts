import { type AppLoadContext, data } from 'react-router';
import { getJson, postJson } from './api.server';
import { ApiError } from './problem';
import type { CartView, Order } from './types';

/** The order id from the URL, or the same 404 an unknown order gets (ids reveal nothing). */
export function orderIdOf(params: { id?: string }): string {
  const id = params.id ?? '';
  if (!/^\d{1,15}$/.test(id) || Number(id) < 1) throw data({ reason: 'order_not_found' }, { status: 404 });
  return id;
}

/** This shopper's order; someone else's (or a guest's order on another device) is a 404 for the page. */
export async function loadOrder(context: AppLoadContext, id: string): Promise<Order> {
  try {
    return await getJson<Order>(context, `/api/orders/${id}`);
  } catch (error) {
    if (error instanceof ApiError && (error.status === 404 || error.status === 422)) {
      throw data({ reason: 'order_not_found' }, { status: 404 });
    }
    throw error;
  }
}

/** When the payment deadline is: the stock hold of the order's stock_reserved step. */
export function paymentDeadline(order: Order): string | null {
  const reserved = order.timeline.find((entry) => entry.type === 'stock_reserved');
  const expiresAt = reserved?.data?.expiresAt;
  return typeof expiresAt === 'string' ? expiresAt : null;
}

/**
 * Puts a failed order's items back in the cart so the shopper can check out again. Only the missing quantity of
 * each product is added, so running it twice (a double click, a retry) adds nothing more. Products no longer
 * sold are skipped and named.
 */
export async function restoreCart(context: AppLoadContext, order: Order): Promise<{ skipped: string[] }> {
  const cart = await getJson<CartView>(context, '/api/cart');
  const inCart = new Map(cart.items.map((line) => [line.productId, line.quantity]));
  const skipped: string[] = [];
  for (const item of order.items) {
    const missing = Math.min(item.quantity, 99) - (inCart.get(item.productId) ?? 0);
    if (missing <= 0) continue;
    try {
      await postJson<CartView>(context, '/api/cart/items', { productId: item.productId, quantity: missing });
      inCart.set(item.productId, (inCart.get(item.productId) ?? 0) + missing);
    } catch (error) {
      if (!(error instanceof ApiError) || error.status !== 422) throw error;
      skipped.push(item.title);
    }
  }
  return { skipped };
}
