import { createReviewBody, registerBody } from '@market/schemas';
import { describe, expect, it } from 'vitest';
import { checkBody } from './check-body.server';
import { formErrors } from './form-errors';
import { ApiError } from './problem';

describe('checkBody', () => {
  it('returns what the schema makes of a good body (trimmed, lower-cased email)', () => {
    expect(
      checkBody(registerBody, { name: ' Ada ', email: ' Ada@Example.COM ', password: 'correct horse' }),
    ).toEqual({ name: 'Ada', email: 'ada@example.com', password: 'correct horse' });
  });

  it('throws the 422 the API would answer, which formErrors puts next to each field', () => {
    let thrown: unknown;
    try {
      checkBody(registerBody, { name: '', email: 'ada', password: 'short' });
    } catch (error) {
      thrown = error;
    }
    expect(thrown).toBeInstanceOf(ApiError);
    expect((thrown as ApiError).status).toBe(422);
    expect(formErrors(thrown)).toEqual({
      message: 'Please correct the marked fields.',
      fields: {
        name: 'Enter your name.',
        email: 'Enter a valid email address, like name@example.com.',
        password: 'Use at least 8 characters.',
      },
    });
  });

  it('checks reviews with the same limits as the API', () => {
    expect(() => checkBody(createReviewBody, { rating: 6, body: 'Fine' })).toThrow(ApiError);
    expect(() => checkBody(createReviewBody, { rating: 5, body: 'x'.repeat(5001) })).toThrow(ApiError);
    expect(checkBody(createReviewBody, { rating: 5, body: ' Fine ' })).toEqual({ rating: 5, body: 'Fine' });
  });
});
