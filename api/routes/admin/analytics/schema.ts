import { z } from 'zod';
import { OPEN_STATUSES } from './statuses';
import { DEFAULT_RANGE_DAYS, rangeProblem } from './range';

const day = z.iso.date();

/** A whole number written in digits only (`1e3`, `-1`, `2.5` are 422s), between 1 and `max`. */
const positiveInt = (max: number) =>
  z
    .string()
    .regex(/^\d{1,9}$/, 'A positive integer')
    .transform(Number)
    .pipe(z.number().int().min(1).max(max));

const rangeShape = {
  from: day.optional().meta({
    description: `First UTC day, included (default: the ${DEFAULT_RANGE_DAYS}th day back from \`to\`)`,
    example: '2026-03-01',
  }),
  to: day.optional().meta({ description: 'Last UTC day, included (default: today)', example: '2026-03-31' }),
};

/** `from`/`to` plus the endpoint's own parameters; a backwards or too long range is a 422 on the field. */
function rangeQuery<S extends z.ZodRawShape>(shape: S) {
  return z
    .object({ ...rangeShape, ...shape })
    .strict()
    .superRefine((query, ctx) => {
      // zod runs this refinement even when a field already failed: judge the range of valid days only.
      const { from, to } = query as { from?: unknown; to?: unknown };
      if (![from, to].every((v) => v === undefined || day.safeParse(v).success)) return;
      const problem = rangeProblem(query as { from?: string; to?: string }, new Date());
      if (problem) ctx.addIssue({ code: 'custom', path: [problem.path], message: problem.message });
    });
}

export const salesQuery = rangeQuery({});

export const TOP_PRODUCTS_BY = ['revenue', 'units'] as const;
export const topProductsQuery = rangeQuery({
  by: z.enum(TOP_PRODUCTS_BY).default('revenue').meta({ description: 'Rank by line revenue or by units' }),
  limit: positiveInt(50).default(10).meta({ description: '1–50, default 10' }),
});

export const CATEGORY_LEVELS = ['category', 'root'] as const;
export const categoriesQuery = rangeQuery({
  level: z.enum(CATEGORY_LEVELS).default('category').meta({
    description: '`category`: the product’s own category; `root`: rolled up to its top-level ancestor',
  }),
});

export const customersQuery = rangeQuery({});

export const DEFAULT_STUCK_AFTER_HOURS = 24;
export const openOrdersQuery = z
  .object({
    stuckAfterHours: positiveInt(24 * 90)
      .default(DEFAULT_STUCK_AFTER_HOURS)
      .meta({ description: `An open order not updated for longer is stuck (1–2160, default 24)` }),
  })
  .strict();

const amount = (description: string) =>
  z
    .number()
    .int()
    .meta({ description: `${description}; minor units` });
const count = z.number().int().nonnegative();
const rangeFields = { from: day, to: day };

const salesFigures = {
  orders: count.meta({ description: 'Orders placed in a revenue status' }),
  grossAmount: amount('Sum of those orders’ totals (lines, shipping and tax)'),
  refundedAmount: amount('Succeeded refunds of those orders, whenever they were made'),
  netAmount: amount('grossAmount − refundedAmount'),
};

export const salesSchema = z
  .object({
    ...rangeFields,
    currency: z.string().meta({ description: 'ISO 4217: the shop’s currency (SHOP_CURRENCY)' }),
    totals: z.object({
      ...salesFigures,
      averageOrderAmount: amount('grossAmount ÷ orders, rounded half up')
        .nullable()
        .meta({ description: 'grossAmount ÷ orders, rounded half up; minor units; null without orders' }),
    }),
    days: z.array(z.object({ date: day, ...salesFigures })).meta({
      description: 'Every UTC day of the range, in order; a day without orders has zeros',
    }),
  })
  .meta({ id: 'AnalyticsSales' });

const soldFigures = {
  units: count.meta({ description: 'Units on the lines of sold orders' }),
  orders: count.meta({ description: 'Sold orders with at least one such line' }),
  revenueAmount: amount('Sum of those lines’ totals (no shipping, tax or refunds)'),
};

export const topProductsSchema = z
  .object({
    ...rangeFields,
    currency: z.string(),
    by: z.enum(TOP_PRODUCTS_BY),
    products: z.array(
      z.object({
        productId: z.number().int(),
        title: z.string().meta({ description: 'The product’s title now' }),
        slug: z.string(),
        ...soldFigures,
      }),
    ),
  })
  .meta({ id: 'AnalyticsTopProducts' });

export const categoriesSchema = z
  .object({
    ...rangeFields,
    currency: z.string(),
    level: z.enum(CATEGORY_LEVELS),
    categories: z
      .array(
        z.object({
          categoryId: z.number().int().nullable().meta({ description: 'null: products without a category' }),
          name: z.string().nullable(),
          slug: z.string().nullable(),
          ...soldFigures,
        }),
      )
      .meta({ description: 'Categories that sold anything, by revenue, highest first' }),
  })
  .meta({ id: 'AnalyticsCategories' });

export const openOrdersSchema = z
  .object({
    asOf: z.iso.datetime().meta({ description: 'When the figures were read' }),
    stuckAfterHours: z.number().int(),
    totals: z.object({ open: count, stuck: count }),
    statuses: z
      .array(
        z.object({
          status: z.enum(OPEN_STATUSES),
          count: count.meta({ description: 'Orders in this status now' }),
          stuck: count.meta({ description: 'Of those, not updated for longer than stuckAfterHours' }),
          oldestUpdatedAt: z.iso.datetime().nullable().meta({ description: 'The longest-waiting one' }),
        }),
      )
      .meta({ description: 'Every open status, in the order of the process, zeros included' }),
  })
  .meta({ id: 'AnalyticsOpenOrders' });

export const customersSchema = z
  .object({
    ...rangeFields,
    newCustomers: count.meta({ description: 'Accounts with role customer created in the range' }),
    cartsCreated: count.meta({ description: 'Carts (guest or account) created in the range' }),
    cartsConverted: count.meta({
      description: 'Of those, carts whose owner placed an order after the cart was created, within the range',
    }),
    ordersPlaced: count.meta({ description: 'Orders placed in the range, any status' }),
    conversionRateBps: z.number().int().nullable().meta({
      description:
        'cartsConverted ÷ cartsCreated in basis points (10000 = 100%), rounded; null without carts',
    }),
  })
  .meta({ id: 'AnalyticsCustomers' });
