import { z } from 'zod';
import { REVIEW_STATUSES } from '@market/db';
import { echoedTimestamp, ignored } from '../products/fields';
import { idSchema, listQuerySchema } from '../simple-rest';

export const REVIEW_SORT_FIELDS = ['id', 'createdAt', 'updatedAt', 'rating', 'status', 'productId'] as const;

export const listReviewsQuery = listQuerySchema({
  name: 'reviews',
  sortFields: REVIEW_SORT_FIELDS,
  filters: {
    q: z.string().trim().max(200).optional().meta({ description: 'Part of the title or body, any case' }),
    status: z.enum(REVIEW_STATUSES).optional(),
    productId: idSchema.optional(),
    userId: idSchema.optional(),
  },
});

/**
 * `PUT /api/admin/reviews/:id`, for react-admin's edit form and bulk updateMany: only `status` is writable (the
 * words are the customer's); the rest of the record is accepted and ignored, except an id that is not the path's.
 */
export const updateReviewBody = z
  .object({
    status: z.enum(REVIEW_STATUSES).optional(),
    id: idSchema.optional().meta({ description: 'Must be the id in the path' }),
    productId: ignored(z.number()),
    userId: ignored(z.number()),
    rating: ignored(z.number()),
    title: ignored(z.string().nullable()),
    body: ignored(z.string()),
    createdAt: echoedTimestamp,
    updatedAt: echoedTimestamp,
  })
  .strict();

export const adminReviewSchema = z
  .object({
    id: z.number().int(),
    productId: z.number().int(),
    userId: z.number().int(),
    rating: z.number().int(),
    title: z.string().nullable(),
    body: z.string(),
    status: z.enum(REVIEW_STATUSES),
    createdAt: z.string(),
    updatedAt: z.string(),
  })
  .meta({ id: 'AdminReview' });
