import { z } from 'zod';

export const createReviewBody = z
  .object({
    rating: z.number().int().min(1).max(5),
    title: z.string().trim().min(1).max(200).optional(),
    body: z.string().trim().min(1).max(5000),
  })
  .strict();
