import { z } from 'zod';
import { SEARCH_SORTS } from '@market/adapters';

const slug = z
  .string()
  .regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, 'Lower-case letters, digits and single hyphens')
  .max(191);

/** A non-negative integer written in decimal digits only: `-1`, `1e3`, `12.5` and `` are 422s, not coerced. */
const minorUnits = z
  .string()
  .regex(/^\d{1,15}$/, 'A non-negative integer in minor units')
  .transform(Number)
  .meta({ description: 'Minor units (cents)', example: '2500' });

const positiveInt = (max: number) =>
  z
    .string()
    .regex(/^\d{1,9}$/, 'A positive integer')
    .transform(Number)
    .pipe(z.number().int().min(1).max(max));

export const slugParams = z.object({ slug }).strict();

export const listProductsQuery = z
  .object({
    q: z
      .string()
      .trim()
      .max(200)
      .optional()
      .meta({ description: 'Words to look for in title, tags, description' }),
    category: slug.optional().meta({ description: 'Category slug; its descendants are included' }),
    tags: z
      .string()
      .max(1000)
      .transform((value) => [
        ...new Set(
          value
            .split(',')
            .map((t) => t.trim())
            .filter(Boolean),
        ),
      ])
      .pipe(z.array(slug).max(20))
      .optional()
      .meta({
        description: 'Comma-separated tag slugs; a product must carry all of them',
        example: 'eco,gift',
      }),
    minPrice: minorUnits.optional(),
    maxPrice: minorUnits.optional(),
    minRating: z
      .string()
      .regex(/^\d(?:\.\d{1,2})?$/, 'A number of stars from 0 to 5')
      .transform(Number)
      .pipe(z.number().min(0).max(5))
      .optional()
      .meta({ description: 'At least this many stars (0–5); unrated products never match' }),
    inStock: z
      .enum(['true', 'false'])
      .transform((value) => value === 'true')
      .optional(),
    sort: z.enum(SEARCH_SORTS).default('relevance'),
    page: positiveInt(100_000).default(1),
    pageSize: positiveInt(100).default(20).meta({ description: '1–100' }),
  })
  .strict()
  .refine((q) => q.minPrice === undefined || q.maxPrice === undefined || q.minPrice <= q.maxPrice, {
    message: 'minPrice must not exceed maxPrice',
    path: ['minPrice'],
  });

export type ListProductsQuery = z.output<typeof listProductsQuery>;

export const listReviewsQuery = z
  .object({ page: positiveInt(100_000).default(1), pageSize: positiveInt(100).default(20) })
  .strict();

export { createReviewBody } from '@market/schemas/review';

const money = z.object({ amount: z.number().int(), currency: z.string() });
const rating = z.object({
  average: z.number().meta({ description: 'Stars, two decimals; 0 without approved reviews' }),
  count: z.number().int(),
});
const availability = z.enum(['in_stock', 'low_stock', 'out_of_stock']);

export const thumbnailsSchema = z.object({ small: z.string(), medium: z.string(), large: z.string() }).meta({
  id: 'Thumbnails',
  description:
    'Presigned GET URLs of WebP thumbnails 200, 400 and 800 pixels wide; they appear a few seconds after an upload is confirmed',
});

export const productSummarySchema = z.object({
  id: z.number().int(),
  slug: z.string(),
  title: z.string(),
  price: money,
  rating,
  availability,
  thumbnailUrl: z.string().nullable().meta({ description: 'The first image, original as uploaded' }),
  thumbnails: thumbnailsSchema
    .nullable()
    .meta({ description: "The first image's thumbnails: use these in listings" }),
  highlight: z.object({ title: z.string().optional(), description: z.string().optional() }).optional(),
});

export const productListSchema = z.object({
  items: z.array(productSummarySchema),
  total: z.number().int(),
  page: z.number().int(),
  pageSize: z.number().int(),
  facets: z.object({
    categories: z.array(z.object({ slug: z.string(), name: z.string(), count: z.number().int() })),
    tags: z.array(z.object({ slug: z.string(), name: z.string(), count: z.number().int() })),
    priceRanges: z.array(
      z.object({ from: z.number().optional(), to: z.number().optional(), count: z.number() }),
    ),
    ratings: z.array(z.object({ min: z.number(), count: z.number().int() })),
  }),
});

const categoryRef = z.object({ slug: z.string(), name: z.string() });

export const productDetailSchema = productSummarySchema.omit({ highlight: true }).extend({
  description: z.string(),
  category: categoryRef.nullable(),
  breadcrumbs: z.array(categoryRef),
  tags: z.array(categoryRef),
  images: z.array(
    z.object({
      url: z.string(),
      alt: z.string().nullable(),
      width: z.number().nullable(),
      height: z.number().nullable(),
      thumbnails: thumbnailsSchema,
    }),
  ),
  related: z.array(productSummarySchema),
});

export interface CategoryNode {
  id: number;
  slug: string;
  name: string;
  productCount: number;
  children: CategoryNode[];
}

// Documented one level deep: the OpenAPI generator cannot follow a recursive (lazy) schema.
const categoryNodeSchema = z.object({
  id: z.number().int(),
  slug: z.string(),
  name: z.string(),
  productCount: z.number().int().meta({ description: 'Active products here and in every descendant' }),
  children: z.array(z.unknown()).meta({ description: 'Child categories, each of this same shape' }),
});

export const categoryTreeSchema = z.object({ items: z.array(categoryNodeSchema) });

export const reviewSchema = z.object({
  id: z.number().int(),
  rating: z.number().int(),
  title: z.string().nullable(),
  body: z.string(),
  author: z.string(),
  status: z.enum(['pending', 'approved', 'rejected']),
  createdAt: z.string(),
});

export const reviewListSchema = z.object({
  items: z.array(reviewSchema),
  total: z.number().int(),
  page: z.number().int(),
  pageSize: z.number().int(),
});
