import { z } from 'zod';
import { echoedTimestamp, slugSchema } from '../products/fields';
import { idSchema, listQuerySchema } from '../simple-rest';

export const TAG_SORT_FIELDS = ['id', 'name', 'slug', 'createdAt'] as const;

export const listTagsQuery = listQuerySchema({
  name: 'tags',
  sortFields: TAG_SORT_FIELDS,
  filters: {
    q: z.string().trim().max(200).optional().meta({ description: 'Part of the name or slug, any case' }),
  },
});

const slug = slugSchema(80);
const name = z.string().trim().min(1).max(80);

export const createTagBody = z.object({ slug, name }).strict();

/** Whole record or changed fields; id must match the path, timestamps are ignored. */
export const updateTagBody = z
  .object({
    slug: slug.optional(),
    name: name.optional(),
    id: idSchema.optional().meta({ description: 'Must be the id in the path' }),
    createdAt: echoedTimestamp,
    updatedAt: echoedTimestamp,
  })
  .strict();

export const adminTagSchema = z
  .object({
    id: z.number().int(),
    slug: z.string(),
    name: z.string(),
    createdAt: z.string(),
    updatedAt: z.string(),
  })
  .meta({ id: 'AdminTag' });
