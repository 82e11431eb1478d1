import type { Config } from '../config';

/** What a cart (and later an order) costs, all in integer minor units of `currency`. */
export interface Totals {
  subtotalAmount: number;
  shippingAmount: number;
  taxAmount: number;
  totalAmount: number;
  currency: string;
  /** The rate applied, in basis points (1900 = 19 %). */
  taxRateBps: number;
  /** The country whose rate applies; null: the default rate. */
  country: string | null;
}

type Checkout = Config['checkout'];

/** The country's configured rate, or the default rate for no country or one without its own rate. */
export function taxRateBpsFor(tax: Checkout['tax'], country: string | null): number {
  if (country !== null && Object.hasOwn(tax.ratesBps, country)) return tax.ratesBps[country]!;
  return tax.defaultRateBps;
}

/** Flat shipping, nothing for an empty cart, free once the subtotal reaches the threshold (when there is one). */
export function shippingAmountFor(subtotalAmount: number, shipping: Checkout['shipping']): number {
  if (subtotalAmount === 0) return 0;
  if (shipping.freeFromAmount !== null && subtotalAmount >= shipping.freeFromAmount) return 0;
  return shipping.flatAmount;
}

/**
 * `amount * rateBps / 10000`, rounded half up. BigInt keeps it exact: a float product of a large amount and a
 * rate can land a hair below .5 and round the wrong way, and money must not depend on that.
 */
export function taxAmountFor(amount: number, rateBps: number): number {
  const scaled = BigInt(amount) * BigInt(rateBps);
  return Number((scaled + 5_000n) / 10_000n);
}

/** Shipping, tax on subtotal plus shipping, and the total, from a subtotal the caller summed over its lines. */
export function computeTotals(subtotalAmount: number, checkout: Checkout, country: string | null): Totals {
  if (!Number.isSafeInteger(subtotalAmount) || subtotalAmount < 0) {
    throw new RangeError(`A subtotal must be a non-negative integer of minor units, not ${subtotalAmount}`);
  }
  const shippingAmount = shippingAmountFor(subtotalAmount, checkout.shipping);
  const taxRateBps = taxRateBpsFor(checkout.tax, country);
  const taxAmount = taxAmountFor(subtotalAmount + shippingAmount, taxRateBps);
  return {
    subtotalAmount,
    shippingAmount,
    taxAmount,
    totalAmount: subtotalAmount + shippingAmount + taxAmount,
    currency: checkout.currency,
    taxRateBps,
    country,
  };
}
