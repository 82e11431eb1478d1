import type { Config } from '../config';
import { computeTotals, taxAmountFor } from './pricing';

const checkout = (overrides: Partial<Config['checkout']> = {}): Config['checkout'] => ({
  currency: 'EUR',
  shipping: { flatAmount: 499, freeFromAmount: 5_000 },
  tax: { defaultRateBps: 0, ratesBps: { DE: 1_900, US: 725 } },
  paymentTimeoutMinutes: 30,
  guestPaymentTimeoutMinutes: 10,
  guestHoldMaxPercent: 50,
  rateLimits: { checkoutPerMinute: 20, paymentPerMinute: 20 },
  answerTimeoutSeconds: 25,
  ...overrides,
});

describe('computeTotals', () => {
  test('an empty cart costs nothing: no shipping, no tax', () => {
    expect(computeTotals(0, checkout({ tax: { defaultRateBps: 2_000, ratesBps: {} } }), null)).toEqual({
      subtotalAmount: 0,
      shippingAmount: 0,
      taxAmount: 0,
      totalAmount: 0,
      currency: 'EUR',
      taxRateBps: 2_000,
      country: null,
    });
  });

  test('shipping is flat below the threshold and free from exactly the threshold', () => {
    expect(computeTotals(1, checkout(), null).shippingAmount).toBe(499);
    expect(computeTotals(4_999, checkout(), null)).toMatchObject({ shippingAmount: 499, totalAmount: 5_498 });
    expect(computeTotals(5_000, checkout(), null)).toMatchObject({ shippingAmount: 0, totalAmount: 5_000 });
    expect(computeTotals(5_001, checkout(), null).shippingAmount).toBe(0);
  });

  test('without a threshold shipping is never free', () => {
    const never = checkout({ shipping: { flatAmount: 700, freeFromAmount: null } });
    expect(computeTotals(10_000_000, never, null).shippingAmount).toBe(700);
  });

  test('tax applies to subtotal plus shipping at the country rate, else the default rate', () => {
    const totals = computeTotals(1_000, checkout(), 'DE');
    // (1000 + 499) * 19 % = 284.81 → 285
    expect(totals).toMatchObject({
      shippingAmount: 499,
      taxAmount: 285,
      totalAmount: 1_784,
      taxRateBps: 1_900,
    });
    expect(totals.country).toBe('DE');
    expect(computeTotals(1_000, checkout(), 'FR')).toMatchObject({
      taxAmount: 0,
      taxRateBps: 0,
      country: 'FR',
    });
    expect(computeTotals(6_000, checkout(), 'US')).toMatchObject({ taxAmount: 435, totalAmount: 6_435 });
  });

  test('a rate key inherited from Object.prototype is not a rate', () => {
    expect(computeTotals(1_000, checkout(), 'constructor').taxRateBps).toBe(0);
  });

  test('rejects a subtotal that is not a non-negative integer', () => {
    for (const bad of [-1, 1.5, Number.NaN, 2 ** 60]) {
      expect(() => computeTotals(bad, checkout(), null)).toThrow(RangeError);
    }
  });
});

describe('taxAmountFor rounds half up, exactly', () => {
  test.each([
    [50, 1_000, 5], // 5.0
    [5, 1_000, 1], // 0.5 → 1
    [4, 1_000, 0], // 0.4 → 0
    [15, 1_000, 2], // 1.5 → 2
    [25, 1_000, 3], // 2.5 → 3 (half up, not to even)
    [1, 4_999, 0], // 0.4999 → 0
    [1, 5_000, 1], // 0.5 → 1
    [199, 725, 14], // 14.4275 → 14
    [0, 1_900, 0],
  ])('%i at %i bps → %i', (amount, rate, expected) => {
    expect(taxAmountFor(amount, rate)).toBe(expected);
  });

  test('stays exact where floats would not', () => {
    // 1.005 * 100 is 100.49999999999999 in floating point; the integer result must be the true half-up value.
    expect(taxAmountFor(10_050, 100)).toBe(101);
    const big = 90_071_992_547_409; // ~9e13: amount * rate overflows 2^53
    expect(taxAmountFor(big, 1_950)).toBe(Number((BigInt(big) * 1_950n + 5_000n) / 10_000n));
  });
});
