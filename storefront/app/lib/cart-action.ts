// The cart page's form posts (one `intent` each) as API calls, and their failures in the shopper's words.
import { ApiError, messageFor } from './problem';

export type CartIntent = 'update' | 'remove' | 'save' | 'move' | 'remove-saved';

export interface CartActionResult {
  ok: boolean;
  intent: CartIntent | null;
  lineId: number | null;
  error: string | null;
}

export interface CartCall {
  method: 'PATCH' | 'DELETE' | 'POST';
  path: string;
  body?: { quantity: number };
}

export function isCartIntent(value: unknown): value is CartIntent {
  return (
    value === 'update' ||
    value === 'remove' ||
    value === 'save' ||
    value === 'move' ||
    value === 'remove-saved'
  );
}

/** Saved lines and cart lines have separate id spaces: errors are shown on the list the form belongs to. */
export function listOf(intent: CartIntent): 'saved' | 'cart' {
  return intent === 'move' || intent === 'remove-saved' ? 'saved' : 'cart';
}

/** A whole number 1–99 from the quantity field, or null. */
export function parseQuantity(value: FormDataEntryValue | null): number | null {
  if (typeof value !== 'string' || !/^\s*\d{1,2}\s*$/.test(value)) return null;
  const quantity = Number(value);
  return quantity >= 1 && quantity <= 99 ? quantity : null;
}

export function cartCall(intent: CartIntent, lineId: number, quantity: number | null): CartCall {
  switch (intent) {
    case 'update':
      return { method: 'PATCH', path: `/api/cart/items/${lineId}`, body: { quantity: quantity ?? 1 } };
    case 'remove':
      return { method: 'DELETE', path: `/api/cart/items/${lineId}` };
    case 'save':
      return { method: 'POST', path: `/api/cart/items/${lineId}/save-for-later` };
    case 'move':
      return { method: 'POST', path: `/api/cart/saved/${lineId}/move-to-cart` };
    case 'remove-saved':
      return { method: 'DELETE', path: `/api/cart/saved/${lineId}` };
  }
}

export function cartErrorMessage(error: unknown, intent: CartIntent): string {
  if (error instanceof ApiError && error.status === 404) {
    return 'This item has already changed (perhaps in another window). Reload the cart to see it as it is now.';
  }
  if (error instanceof ApiError && error.status === 422) {
    const codes = (error.problem.errors ?? []).map((e) => (e as { code?: string }).code);
    if (codes.includes('quantity_limit')) return 'You can have at most 99 of one item in your cart.';
    if (codes.includes('product_unavailable')) return 'This product is no longer sold.';
    if (intent === 'update') return 'Choose a quantity from 1 to 99.';
  }
  return messageFor(error);
}
