import { z } from 'zod';
import { STOCK_MOVEMENT_REASONS } from '@market/db';
import { echoedTimestamp, ignored } from '../products/fields';
import { idSchema, listQuerySchema } from '../simple-rest';

export const INVENTORY_SORT_FIELDS = ['id', 'onHand', 'reserved', 'lowStockThreshold', 'updatedAt'] as const;

/** `GET /api/admin/inventory`: one record per product, its id the product's. */
export const listInventoryQuery = listQuerySchema({
  name: 'inventory',
  sortFields: INVENTORY_SORT_FIELDS,
  filters: {
    q: z.string().trim().max(200).optional().meta({ description: 'Part of the product title or slug' }),
    lowStock: z
      .boolean()
      .optional()
      .meta({ description: 'true: available (on hand − reserved) ≤ threshold; false: above it' }),
  },
});

/** Reasons an admin may give. Reservations, releases and sales belong to the order workflow, not to people. */
export const ADJUSTMENT_REASONS = ['restock', 'adjustment', 'return'] as const;

const MAX_DELTA = 1_000_000_000;

export const adjustmentBody = z
  .object({
    delta: z
      .number()
      .int()
      .min(-MAX_DELTA)
      .max(MAX_DELTA)
      .refine((d) => d !== 0, 'Must not be zero')
      .meta({ description: 'Signed change to the units on hand' }),
    reason: z
      .enum(ADJUSTMENT_REASONS)
      .meta({ description: 'restock and return add stock; adjustment either way' }),
    reference: z
      .string()
      .trim()
      .min(1)
      .max(191)
      .optional()
      .meta({ description: 'A delivery note, a count…' }),
  })
  .strict()
  .superRefine((body, ctx) => {
    if (body.reason !== 'adjustment' && body.delta < 0) {
      ctx.addIssue({
        code: 'custom',
        path: ['delta'],
        message: `A ${body.reason} adds stock: delta must be > 0`,
      });
    }
  });

/** `PUT /api/admin/inventory/:id`: the low-stock threshold only; stock moves through adjustments (the ledger). */
export const updateInventoryBody = z
  .object({
    lowStockThreshold: z.number().int().nonnegative().max(MAX_DELTA).optional(),
    id: idSchema.optional().meta({ description: 'Must be the id in the path' }),
    productId: ignored(z.number()),
    productTitle: ignored(z.string()),
    productSlug: ignored(z.string()),
    onHand: ignored(z.number()),
    reserved: ignored(z.number()),
    available: ignored(z.number()),
    lowStock: ignored(z.boolean()),
    updatedAt: echoedTimestamp,
  })
  .strict();

export const adminInventorySchema = z
  .object({
    id: z.number().int().meta({ description: 'The product id' }),
    productId: z.number().int(),
    productTitle: z.string(),
    productSlug: z.string(),
    onHand: z.number().int(),
    reserved: z.number().int(),
    available: z.number().int(),
    lowStockThreshold: z.number().int(),
    lowStock: z.boolean(),
    updatedAt: z.string(),
  })
  .meta({ id: 'AdminInventory' });

export const STOCK_MOVEMENT_SORT_FIELDS = ['id', 'createdAt', 'productId', 'delta'] as const;

export const listStockMovementsQuery = listQuerySchema({
  name: 'stock movements',
  sortFields: STOCK_MOVEMENT_SORT_FIELDS,
  filters: {
    productId: idSchema.optional(),
    reason: z
      .union([z.enum(STOCK_MOVEMENT_REASONS), z.array(z.enum(STOCK_MOVEMENT_REASONS)).max(6)])
      .optional(),
    actorUserId: idSchema.optional(),
  },
});

export const stockMovementSchema = z
  .object({
    id: z.number().int(),
    productId: z.number().int(),
    delta: z.number().int(),
    reason: z.enum(STOCK_MOVEMENT_REASONS),
    reference: z.string().nullable(),
    actorUserId: z.number().int().nullable(),
    createdAt: z.string(),
  })
  .meta({ id: 'StockMovement' });

export const adjustmentResultSchema = z
  .object({ inventory: adminInventorySchema, movement: stockMovementSchema })
  .meta({ id: 'StockAdjustment' });
