import { describe, expect, it } from 'vitest';
import { formErrors } from './form-errors';
import { ApiError } from './problem';

const invalid = (errors: { path: string; message: string; code: string }[]) =>
  new ApiError(422, { code: 'validation_failed', detail: 'The request is not valid.', errors });

describe('formErrors', () => {
  it('puts plain words under each field of a 422', () => {
    const result = formErrors(
      invalid([
        { path: 'body.email', message: 'Invalid email address', code: 'invalid_format' },
        { path: 'body.password', message: 'Too small: expected string', code: 'too_small' },
        { path: 'body.name', message: 'Too small', code: 'too_small' },
      ]),
    );
    expect(result.message).toBe('Please correct the marked fields.');
    expect(result.fields).toEqual({
      email: 'Enter a valid email address, like name@example.com.',
      password: 'Use at least 8 characters.',
      name: 'Enter your name.',
    });
  });

  it('explains the password rules and the wrong current password', () => {
    expect(
      formErrors(
        invalid([
          {
            path: 'body.currentPassword',
            message: 'The current password is wrong',
            code: 'current_password_invalid',
          },
          { path: 'body.newPassword', message: 'too common', code: 'password_too_common' },
        ]),
      ).fields,
    ).toEqual({
      currentPassword: 'That is not your current password.',
      newPassword: 'That password is too common and easy to guess. Choose another one.',
    });
    expect(
      formErrors(invalid([{ path: 'body.password', message: 'x', code: 'password_is_email' }])).fields,
    ).toEqual({
      password: 'Choose a password that is not your email address.',
    });
  });

  it("prefers the caller's own words, then the API's message for unknown codes", () => {
    const error = invalid([
      { path: 'body.password', message: 'Too small', code: 'too_small' },
      { path: 'body.email', message: 'Something odd', code: 'custom' },
    ]);
    expect(formErrors(error, { 'password:too_small': 'Enter your password.' }).fields).toEqual({
      password: 'Enter your password.',
      email: 'Something odd',
    });
  });

  it('keeps the first message of a field', () => {
    const error = invalid([
      { path: 'body.password', message: 'a', code: 'password_is_email' },
      { path: 'body.password', message: 'b', code: 'password_too_common' },
    ]);
    expect(formErrors(error).fields.password).toBe('Choose a password that is not your email address.');
  });

  it('gives the wait for a rate limit and a plain line for other failures', () => {
    const limited = new ApiError(
      429,
      { code: 'rate_limited', detail: 'Try again in 42 s.' },
      { 'retry-after': '42' },
    );
    expect(formErrors(limited)).toEqual({
      message: 'Too many attempts. Please wait 42 seconds and try again.',
      fields: {},
    });
    expect(formErrors(new ApiError(503, { code: 'service_unavailable' })).message).toMatch(
      /could not answer/,
    );
    expect(formErrors(new TypeError('fetch failed')).message).toMatch(/went wrong/);
  });
});
