import type { AppLoadContext } from 'react-router';
import { callApi } from './api.server';
import type { CheckoutBody } from '@market/schemas/address';
import { checkoutFieldErrors } from './checkout-form';
import { ApiError, messageFor, retryAfterSeconds } from './problem';
import type { Order, Payment } from './types';

const MAX_TRIES = 2;
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * POST /api/checkout with the page's Idempotency-Key. A 503 order_processing means no worker answered in time:
 * the same key and body are sent again (the API then answers with the one order), a few seconds apart.
 */
export async function placeOrder(context: AppLoadContext, body: CheckoutBody, key: string) {
  for (let attempt = 1; ; attempt++) {
    try {
      const answer = await callApi<{ order: Order; payment: Payment }>(context, 'POST', '/api/checkout', {
        body,
        idempotencyKey: key,
      });
      return answer.data;
    } catch (error) {
      const busy = error instanceof ApiError && error.status === 503 && error.code === 'order_processing';
      if (!busy || attempt >= MAX_TRIES) throw error;
      await sleep(Math.min(retryAfterSeconds(error) ?? 5, 10) * 1000);
    }
  }
}

export interface CheckoutFailure {
  status: number;
  message: string;
  fieldErrors: Record<string, string>;
  /** The cart needs the shopper's attention before a new attempt. */
  toCart: boolean;
  /** The attempt is over (an order was recorded, or the key was spent): the next try needs a new key. */
  newKey: boolean;
  cartEmpty: boolean;
}

/** What a failed checkout tells the shopper, and whether the next attempt may reuse the key. */
export function explainCheckoutFailure(error: unknown): CheckoutFailure {
  const base = { fieldErrors: {}, toCart: false, newKey: false, cartEmpty: false };
  if (!(error instanceof ApiError)) return { ...base, status: 500, message: messageFor(error) };
  const issues = error.problem.errors as { path?: string; message?: string; code?: string }[] | undefined;
  const codes = new Set((issues ?? []).map((issue) => issue.code));
  const status = error.status;
  if (status === 409 && error.code === 'out_of_stock' && error.problem.guestHoldLimit === true) {
    // GUEST_HOLD_MAX_PERCENT: the units are there, but guest orders already hold their share of them.
    const message =
      'This item is in high demand: guest checkouts can hold only part of its stock at a time. Sign in to buy it ' +
      'now, or try again in a few minutes. Nothing was charged and your cart is kept.';
    return { ...base, status, message, toCart: true, newKey: true };
  }
  if (status === 409 && error.code === 'out_of_stock') {
    const message =
      'Sorry: someone else just bought the last units of an item in your cart, so we could not reserve it. ' +
      'Nothing was charged and your cart is kept. Please review it and check out again.';
    return { ...base, status, message, toCart: true, newKey: true };
  }
  if (status === 409 && error.code === 'cart_has_unavailable_items') {
    return { ...base, status, message: messageFor(error), toCart: true, newKey: true };
  }
  if (status === 422 && codes.has('cart_empty')) return { ...base, status, message: '', cartEmpty: true };
  if (status === 422 && codes.has('idempotency_key_reused')) {
    const message =
      'Your details changed while your earlier attempt was still being placed. Please check them and place the ' +
      'order again.';
    return { ...base, status, message, newKey: true };
  }
  if (status === 422) {
    const fieldErrors = checkoutFieldErrors(issues);
    return { ...base, status, fieldErrors, message: 'Please correct the marked fields.' };
  }
  if (status === 503 && error.code === 'order_processing') {
    const message =
      'We are still placing your order. Please wait a few seconds and press “Place order” again: it will not ' +
      'order twice.';
    return { ...base, status, message };
  }
  return { ...base, status, message: messageFor(error) };
}
