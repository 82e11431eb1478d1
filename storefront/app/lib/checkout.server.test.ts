import { describe, expect, test } from 'vitest';
import { explainCheckoutFailure } from './checkout.server';
import { ApiError } from './problem';

describe('explainCheckoutFailure', () => {
  test('sold out: review the cart, new key', () => {
    const failure = explainCheckoutFailure(new ApiError(409, { code: 'out_of_stock', detail: 'x' }));
    expect(failure).toMatchObject({ status: 409, toCart: true, newKey: true });
    expect(failure.message).toMatch(/someone else just bought/);
  });

  test('refused by the guest share: tells the guest to sign in', () => {
    const failure = explainCheckoutFailure(
      new ApiError(409, { code: 'out_of_stock', detail: 'x', guestHoldLimit: true }),
    );
    expect(failure).toMatchObject({ status: 409, toCart: true, newKey: true });
    expect(failure.message).toMatch(/Sign in to buy it/);
  });

  test('rate limited: says how long to wait', () => {
    const failure = explainCheckoutFailure(
      new ApiError(429, { code: 'rate_limited', detail: 'x' }, { 'retry-after': '42' }),
    );
    expect(failure.message).toBe('Too many attempts. Please wait 42 seconds and try again.');
  });
});
