import { z } from 'zod';
import { QUANTITY_CEILING } from '../../services/cart';

const INT_MAX = 2_147_483_647;

const quantity = z
  .number()
  .int()
  .min(1)
  .max(QUANTITY_CEILING)
  .meta({ description: 'Units, 1 to the shop’s CART_MAX_QUANTITY (default 99)', example: 2 });

export const itemParams = z
  .object({
    itemId: z
      .string()
      .regex(/^\d{1,10}$/, 'Must be a positive integer id')
      .transform(Number)
      .pipe(z.number().int().min(1).max(INT_MAX)),
  })
  .strict();

/** Every cart route prices the cart it returns, so each takes the country whose tax rate applies. */
export const cartQuery = z
  .object({
    country: z
      .string()
      .regex(/^[A-Z]{2}$/, 'An upper-case ISO 3166-1 alpha-2 country code')
      .optional()
      .meta({ description: 'Whose tax rate applies; without it, the default rate', example: 'DE' }),
  })
  .strict();

export const addItemBody = z.object({ productId: z.number().int().min(1).max(INT_MAX), quantity }).strict();

export const setQuantityBody = z.object({ quantity }).strict();

const warning = z
  .enum(['insufficient_stock', 'out_of_stock', 'unavailable'])
  .nullable()
  .meta({ description: 'unavailable: no longer sold, left out of the totals' });

const savedLineSchema = z.object({
  id: z.number().int(),
  productId: z.number().int(),
  slug: z.string(),
  title: z.string(),
  imageUrl: z.string().nullable(),
  unitPriceAmount: z.number().int().meta({ description: "Today's price, minor units" }),
  quantity: z.number().int(),
  available: z.number().int().meta({ description: 'Units in stock now (on hand − reserved)' }),
  warning,
});

export const cartSchema = z
  .object({
    id: z.number().int().nullable().meta({ description: 'Null: no cart yet (nothing was ever added)' }),
    token: z.string().optional().meta({
      description:
        'Guests only: the cart token, also in the Cart-Token header; send it back on every request',
    }),
    currency: z.string(),
    items: z.array(savedLineSchema.extend({ lineTotalAmount: z.number().int() }).meta({ id: 'CartLine' })),
    saved: z.array(savedLineSchema.meta({ id: 'SavedLine' })),
    totals: z.object({
      subtotalAmount: z.number().int(),
      shippingAmount: z.number().int(),
      taxAmount: z.number().int(),
      totalAmount: z.number().int(),
      currency: z.string(),
      taxRateBps: z.number().int().meta({ description: 'Basis points: 1900 = 19 %' }),
      country: z.string().nullable(),
    }),
    warnings: z.array(
      z.object({
        itemId: z.number().int(),
        productId: z.number().int(),
        code: z.enum(['insufficient_stock', 'out_of_stock', 'unavailable']),
        message: z.string(),
      }),
    ),
  })
  .meta({ id: 'Cart' });

export const cartTokenHeader = z.object({
  'Cart-Token': z.string().meta({ description: 'Guests only: the cart token to send back' }),
});
