import { MAX_PRICE_AMOUNT } from '../../../services/cart';
import { z } from 'zod';
import { PRODUCT_STATUSES } from '@market/db';
import { idSchema, listQuerySchema } from '../simple-rest';
import { echoedTimestamp, ignored, slugSchema } from './fields';

export const PRODUCT_SORT_FIELDS = [
  'id',
  'title',
  'slug',
  'priceAmount',
  'status',
  'categoryId',
  'ratingAverage',
  'createdAt',
  'updatedAt',
] as const;

/** `GET /api/admin/products`: ra-data-simple-rest's sort, range and filter. */
export const listProductsQuery = listQuerySchema({
  name: 'products',
  sortFields: PRODUCT_SORT_FIELDS,
  filters: {
    q: z.string().trim().max(200).optional().meta({ description: 'Part of the title or slug, any case' }),
    status: z.union([z.enum(PRODUCT_STATUSES), z.array(z.enum(PRODUCT_STATUSES)).max(3)]).optional(),
    categoryId: idSchema.nullable().optional().meta({ description: 'null: products without a category' }),
    tagId: idSchema.optional(),
  },
});

/** Minor units of the currency (cents): an integer, never negative, exact in JavaScript. */
const priceAmount = z
  .number()
  .int()
  .nonnegative()
  .max(MAX_PRICE_AMOUNT)
  .meta({
    description: `Minor units, at most ${MAX_PRICE_AMOUNT} (every cart total then stays a safe integer)`,
  });
const currency = z.string().regex(/^[A-Z]{3}$/, 'An ISO 4217 code in upper case (EUR)');
const stockCount = z.number().int().nonnegative().max(1_000_000_000);
const tagIds = z
  .array(idSchema)
  .max(50)
  .meta({ description: 'The product’s tags, replacing the current set' });

const writable = {
  slug: slugSchema(191),
  title: z.string().trim().min(1).max(200),
  description: z.string().max(20_000),
  priceAmount,
  currency,
  status: z.enum(PRODUCT_STATUSES),
  categoryId: idSchema.nullable(),
  tagIds,
};

/**
 * `POST /api/admin/products`. Stock starts at `onHand` (default 0), written as a `restock` movement in the ledger in
 * the same transaction; afterwards stock changes only through inventory adjustments.
 */
export const createProductBody = z
  .object({
    ...writable,
    description: writable.description.default(''),
    status: writable.status.default('draft'),
    categoryId: writable.categoryId.default(null),
    tagIds: writable.tagIds.default([]),
    onHand: stockCount.default(0),
    lowStockThreshold: stockCount.default(5),
  })
  .strict();

/**
 * `PUT /api/admin/products/:id`: the whole record react-admin shows (update) or only the changed fields
 * (updateMany). Writable: slug, title, description, priceAmount, currency, status, categoryId, tagIds. The id must
 * match the path. Ratings are the reviews' business and stock the inventory's (so every change is in the ledger):
 * those fields and the timestamps are accepted and ignored.
 */
export const updateProductBody = z
  .object({
    slug: writable.slug.optional(),
    title: writable.title.optional(),
    description: writable.description.optional(),
    priceAmount: writable.priceAmount.optional(),
    currency: writable.currency.optional(),
    status: writable.status.optional(),
    categoryId: writable.categoryId.optional(),
    tagIds: writable.tagIds.optional(),
    id: idSchema.optional().meta({ description: 'Must be the id in the path' }),
    ratingAverage: ignored(z.number()),
    ratingCount: ignored(z.number()),
    onHand: ignored(z.number()),
    reserved: ignored(z.number()),
    available: ignored(z.number()),
    lowStockThreshold: ignored(z.number()),
    thumbnail: ignored(z.string().nullable()),
    createdAt: echoedTimestamp,
    updatedAt: echoedTimestamp,
  })
  .strict();

export const adminProductSchema = z
  .object({
    id: z.number().int(),
    slug: z.string(),
    title: z.string(),
    description: z.string(),
    priceAmount: z.number().int(),
    currency: z.string(),
    status: z.enum(PRODUCT_STATUSES),
    categoryId: z.number().int().nullable(),
    tagIds: z.array(z.number().int()),
    ratingAverage: z.number().int().meta({ description: 'Hundredths of a star: 437 is 4.37' }),
    ratingCount: z.number().int(),
    onHand: z.number().int(),
    reserved: z.number().int(),
    available: z.number().int(),
    lowStockThreshold: z.number().int(),
    thumbnail: z.string().nullable().meta({
      description:
        "Presigned URL of the first image's 200-pixel WebP thumbnail, for lists; null without images",
    }),
    createdAt: z.string(),
    updatedAt: z.string(),
  })
  .meta({ id: 'AdminProduct' });
