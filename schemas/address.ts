import { z } from 'zod';

/**
 * Control characters (NUL, newline, escape…) in a name or an address line become spaces: they have no place on a
 * parcel label or in an email greeting, where a newline could forge lines of its own.
 */
// eslint-disable-next-line no-control-regex -- finding control characters is the point
const CONTROL = /[\u0000-\u001f\u007f]+/g;
export const withoutControlCharacters = (value: string) => value.replace(CONTROL, ' ');

/** A free text field of a person: control characters out, trimmed, at most `max` characters. */
export const personText = (max: number) => z.string().overwrite(withoutControlCharacters).trim().max(max);

const text = (max: number) => personText(max).min(1);

/** A shipping address as the API stores it; the shop's checkout form checks it with this very schema. */
export const addressSchema = z
  .object({
    name: text(200),
    line1: text(200),
    line2: personText(200).nullish(),
    city: text(100),
    region: personText(100).nullish(),
    postalCode: text(20),
    country: z.string().regex(/^[A-Z]{2}$/, 'An upper-case ISO 3166-1 alpha-2 code, e.g. DE'),
    phone: personText(32).nullish(),
  })
  .strict();

export const checkoutBody = z
  .object({
    shippingAddress: addressSchema,
    /** Required for guests; signed-in customers' orders go to their account's email. */
    email: z.email().max(255).optional(),
  })
  .strict();

export type CheckoutBody = z.infer<typeof checkoutBody>;
