import { describe, expect, it } from 'vitest';
import { addressSchema } from '@market/schemas/address';
import { checkoutFieldErrors, FIELDS, valuesFrom } from './checkout-form';

describe('checkoutFieldErrors', () => {
  it('turns API issues into field messages', () => {
    expect(
      checkoutFieldErrors([
        { path: 'body.shippingAddress.city', code: 'too_small', message: 'Too small' },
        { path: 'body.shippingAddress.postalCode', code: 'too_big', message: 'Too big' },
        { path: 'body.email', code: 'required', message: 'Guests must give an email' },
        { path: 'cart', code: 'cart_empty', message: 'The cart has no items' },
      ]),
    ).toEqual({
      'shippingAddress.city': 'Enter the city.',
      'shippingAddress.postalCode': 'Use at most 20 characters.',
      email: 'Enter your email address.',
    });
  });
});

describe('valuesFrom', () => {
  it('prefills from an earlier order', () => {
    expect(
      valuesFrom(
        { name: 'Ada', line1: 'x', city: 'y', postalCode: '1', country: 'DE', line2: null },
        'a@b.c',
      ),
    ).toEqual({
      email: 'a@b.c',
      'shippingAddress.name': 'Ada',
      'shippingAddress.line1': 'x',
      'shippingAddress.city': 'y',
      'shippingAddress.postalCode': '1',
      'shippingAddress.country': 'DE',
    });
  });
});

describe('FIELDS', () => {
  it('limits each address input to what the shared schema accepts', () => {
    for (const [key, field] of Object.entries(addressSchema.shape)) {
      const inner = 'unwrap' in field ? field.unwrap() : field;
      const max = 'unwrap' in inner ? inner.unwrap().maxLength : inner.maxLength;
      expect({ key, max: FIELDS[`shippingAddress.${key}`]?.max }).toEqual({ key, max: max ?? 2 });
    }
  });
});
