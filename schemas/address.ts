import { z } from 'zod';

const text = (max: number) => z.string().trim().min(1).max(max);

/** A shipping address as the API stores it; the shop's checkout form checks it with this very schema. */
export const addressSchema = z
  .object({
    name: text(200),
    line1: text(200),
    line2: z.string().trim().max(200).nullish(),
    city: text(100),
    region: z.string().trim().max(100).nullish(),
    postalCode: text(20),
    country: z.string().regex(/^[A-Z]{2}$/, 'An upper-case ISO 3166-1 alpha-2 code, e.g. DE'),
    phone: z.string().trim().max(32).nullish(),
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
