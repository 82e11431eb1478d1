import { describe, expect, it } from 'vitest';
import { ApiError } from './problem';
import { addToCartMessage, reviewErrors } from './product-messages';

const problem = (
  status: number,
  code: string,
  errors: { path: string; code: string; message: string }[] = [],
) => new ApiError(status, { status, code, detail: 'API words', errors });

describe('addToCartMessage', () => {
  it('explains the cart limit and unavailable products', () => {
    expect(
      addToCartMessage(
        problem(422, 'validation_failed', [{ path: 'body.quantity', code: 'quantity_limit', message: 'x' }]),
      ),
    ).toMatch(/at most 99/);
    expect(
      addToCartMessage(
        problem(422, 'validation_failed', [
          { path: 'body.productId', code: 'product_unavailable', message: 'x' },
        ]),
      ),
    ).toMatch(/no longer available/);
  });

  it('asks to wait on a rate limit and reassures on a server error', () => {
    expect(addToCartMessage(new ApiError(429, { code: 'rate_limited' }, { 'retry-after': '7' }))).toMatch(
      /wait 7 seconds/,
    );
    expect(addToCartMessage(problem(503, 'service_unavailable'))).toMatch(/could not answer/);
    expect(addToCartMessage(new TypeError('fetch failed'))).toMatch(/went wrong/);
  });
});

describe('reviewErrors', () => {
  it('has its own words for a second review and for staff', () => {
    expect(reviewErrors(problem(409, 'review_exists')).message).toMatch(/already reviewed/);
    expect(reviewErrors(problem(403, 'customers_only')).message).toMatch(/Only customer accounts/);
    expect(reviewErrors(problem(401, 'invalid_token')).message).toMatch(/sign in again/);
  });

  it('puts validation errors under their fields', () => {
    const result = reviewErrors(
      problem(422, 'validation_failed', [{ path: 'body.body', code: 'too_small', message: 'Too small' }]),
    );
    expect(result.fields).toEqual({ body: 'Write a few words about the product.' });
  });
});
