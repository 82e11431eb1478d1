import { UniqueConstraintError } from 'sequelize';
import type { Product, Review, User } from '@market/db';
import type { AppDeps } from '../../deps';
import { ConflictError, ForbiddenError, NotFoundError } from '../../errors';
import { defineRoute } from '../../openapi/route';
import { createReviewBody, listReviewsQuery, reviewListSchema, reviewSchema, slugParams } from './schema';

const tags = ['Catalog'];

async function findActiveProduct(deps: AppDeps, slug: string): Promise<Product> {
  const product = await deps.db.models.Product.findOne({ where: { slug, status: 'active' } });
  if (!product) throw new NotFoundError('There is no product with this slug.');
  return product;
}

/** A review as the shop shows it: the author's display name only, never their email or id. */
function presentReview(review: Review, author: Pick<User, 'name'> | undefined) {
  return {
    id: review.id,
    rating: review.rating,
    title: review.title ?? null,
    body: review.body,
    author: author?.name ?? '',
    status: review.status,
    createdAt: review.createdAt.toISOString(),
  };
}

export const listReviews = defineRoute({
  method: 'get',
  access: 'public',
  path: '/api/products/:slug/reviews',
  summary: "A product's approved reviews, newest first",
  tags,
  request: { params: slugParams, query: listReviewsQuery },
  responses: {
    200: { description: 'One page of approved reviews', schema: reviewListSchema },
    404: { description: 'No active product with this slug' },
    422: { description: 'A page parameter out of range' },
  },
  handler: async ({ input, deps }) => {
    const product = await findActiveProduct(deps, input.params.slug);
    const { page, pageSize } = input.query;
    const { rows, count } = await deps.db.models.Review.findAndCountAll({
      where: { productId: product.id, status: 'approved' },
      include: [{ model: deps.db.models.User, as: 'user', attributes: ['id', 'name'] }],
      order: [
        ['createdAt', 'DESC'],
        ['id', 'DESC'],
      ],
      offset: (page - 1) * pageSize,
      limit: pageSize,
    });
    return { items: rows.map((r) => presentReview(r, r.user)), total: count, page, pageSize };
  },
});

export const createReview = defineRoute({
  method: 'post',
  access: 'signed-in',
  path: '/api/products/:slug/reviews',
  summary: 'Review a product (customers; one review per product, shown once approved)',
  description:
    'The review starts `pending` and counts towards the rating only after a moderator approves it. ' +
    'A second review of the same product by the same customer is a 409.',
  tags,
  status: 201,
  request: { params: slugParams, body: createReviewBody },
  responses: {
    201: { description: 'The review, pending moderation', schema: reviewSchema },
    401: { description: 'Not signed in' },
    403: { description: 'Staff accounts do not review products' },
    404: { description: 'No active product with this slug' },
    409: { description: 'This customer has already reviewed this product' },
    422: { description: 'A rating outside 1–5, an empty body, or unknown fields' },
  },
  handler: async ({ input, deps, actor }) => {
    if (actor.role !== 'customer')
      throw new ForbiddenError('Only customers review products.', 'customers_only');
    const product = await findActiveProduct(deps, input.params.slug);
    try {
      const review = await deps.db.models.Review.create({
        productId: product.id,
        userId: actor.id,
        rating: input.body.rating,
        title: input.body.title ?? null,
        body: input.body.body,
        status: 'pending',
      });
      const author = await deps.db.models.User.findByPk(actor.id, { attributes: ['name'] });
      return presentReview(review, author ?? undefined);
    } catch (err) {
      // The unique (product_id, user_id) index decides, so two racing submissions cannot both succeed.
      if (err instanceof UniqueConstraintError) {
        throw new ConflictError('You have already reviewed this product.', 'review_exists');
      }
      throw err;
    }
  },
});

export const catalogReviewRoutes = [listReviews, createReview];
