import { z } from 'zod';
import { echoedTimestamp, slugSchema } from '../products/fields';
import { idSchema, listQuerySchema } from '../simple-rest';

export const CATEGORY_SORT_FIELDS = ['id', 'name', 'slug', 'position', 'parentId', 'createdAt'] as const;

export const listCategoriesQuery = listQuerySchema({
  name: 'categories',
  sortFields: CATEGORY_SORT_FIELDS,
  filters: {
    q: z.string().trim().max(200).optional().meta({ description: 'Part of the name or slug, any case' }),
    parentId: idSchema
      .nullable()
      .optional()
      .meta({ description: 'Children of this category; null: top level' }),
  },
});

const writable = {
  slug: slugSchema(120),
  name: z.string().trim().min(1).max(120),
  parentId: idSchema.nullable().meta({ description: 'The parent category; null for a top-level one' }),
  position: z.number().int().min(0).max(1_000_000).meta({ description: 'Order among siblings' }),
};

export const createCategoryBody = z
  .object({
    ...writable,
    parentId: writable.parentId.default(null),
    position: writable.position.default(0),
  })
  .strict();

/** Whole record or changed fields; id must match the path, timestamps are ignored. */
export const updateCategoryBody = z
  .object({
    slug: writable.slug.optional(),
    name: writable.name.optional(),
    parentId: writable.parentId.optional(),
    position: writable.position.optional(),
    id: idSchema.optional().meta({ description: 'Must be the id in the path' }),
    createdAt: echoedTimestamp,
    updatedAt: echoedTimestamp,
  })
  .strict();

export const adminCategorySchema = z
  .object({
    id: z.number().int(),
    parentId: z.number().int().nullable(),
    slug: z.string(),
    name: z.string(),
    position: z.number().int(),
    createdAt: z.string(),
    updatedAt: z.string(),
  })
  .meta({ id: 'AdminCategory' });
