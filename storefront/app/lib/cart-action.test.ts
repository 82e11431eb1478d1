import { describe, expect, it } from 'vitest';
import { cartCall, cartErrorMessage, listOf, parseQuantity } from './cart-action';
import { ApiError } from './problem';

describe('cart actions', () => {
  it('maps each intent to its API call', () => {
    expect(cartCall('update', 7, 3)).toEqual({
      method: 'PATCH',
      path: '/api/cart/items/7',
      body: { quantity: 3 },
    });
    expect(cartCall('remove', 7, null)).toEqual({ method: 'DELETE', path: '/api/cart/items/7' });
    expect(cartCall('save', 7, null).path).toBe('/api/cart/items/7/save-for-later');
    expect(cartCall('move', 7, null).path).toBe('/api/cart/saved/7/move-to-cart');
    expect(cartCall('remove-saved', 7, null)).toEqual({ method: 'DELETE', path: '/api/cart/saved/7' });
    expect(listOf('move')).toBe('saved');
    expect(listOf('update')).toBe('cart');
  });

  it('accepts quantities 1 to 99 only', () => {
    expect(parseQuantity('3')).toBe(3);
    expect(parseQuantity(' 99 ')).toBe(99);
    expect(parseQuantity('0')).toBeNull();
    expect(parseQuantity('100')).toBeNull();
    expect(parseQuantity('1.5')).toBeNull();
    expect(parseQuantity(null)).toBeNull();
  });

  it('explains failures per line', () => {
    expect(cartErrorMessage(new ApiError(404, { code: 'not_found' }), 'remove')).toMatch(/already changed/);
    const limit = new ApiError(422, {
      code: 'validation_failed',
      errors: [{ path: 'body.quantity', code: 'quantity_limit' } as never],
    });
    expect(cartErrorMessage(limit, 'move')).toBe('You can have at most 99 of one item in your cart.');
    expect(
      cartErrorMessage(new ApiError(429, { code: 'rate_limited' }, { 'retry-after': '12' }), 'update'),
    ).toBe('Too many attempts. Please wait 12 seconds and try again.');
    expect(cartErrorMessage(new ApiError(503, { code: 'service_unavailable' }), 'save')).toMatch(
      /could not answer/,
    );
  });
});
