import { z } from 'zod';
import { Op, type WhereOptions } from 'sequelize';
import type { Review } from '@market/db';
import type { AppDeps } from '../../../deps';
import { NotFoundError, ValidationError } from '../../../errors';
import { defineRoute } from '../../../openapi/route';
import { matchesText } from '../search';
import { contentRangeHeader, idParams, idsOf, orderOf, pageOf, setContentRange } from '../simple-rest';
import { moderateReview } from './moderate';
import { adminReviewSchema, listReviewsQuery, updateReviewBody } from './schema';

const tags = ['Admin: reviews'];
const common = { 401: { description: 'Not signed in' }, 403: { description: 'Not an admin' } };

export function presentAdminReview(review: Review): z.output<typeof adminReviewSchema> {
  return {
    id: review.id,
    productId: review.productId,
    userId: review.userId,
    rating: review.rating,
    title: review.title ?? null,
    body: review.body,
    status: review.status,
    createdAt: review.createdAt.toISOString(),
    updatedAt: review.updatedAt.toISOString(),
  };
}

type ListFilter = NonNullable<z.output<typeof listReviewsQuery>['filter']>;

function reviewsWhere(deps: AppDeps, filter: ListFilter = {}): WhereOptions {
  const ids = idsOf(filter.id);
  return {
    [Op.and]: [
      ...(filter.q ? [matchesText(deps.db.sequelize, ['title', 'body'], filter.q)] : []),
      ...(filter.status ? [{ status: filter.status }] : []),
      ...(filter.productId !== undefined ? [{ productId: filter.productId }] : []),
      ...(filter.userId !== undefined ? [{ userId: filter.userId }] : []),
      ...(ids ? [{ id: { [Op.in]: ids } }] : []),
    ],
  };
}

export const listReviews = defineRoute({
  method: 'get',
  access: 'catalog.read',
  path: '/api/admin/reviews',
  summary: 'Reviews, filtered, sorted and paged (react-admin getList / getMany); the moderation queue',
  description: 'The queue is `filter={"status":"pending"}&sort=["createdAt","ASC"]`.',
  tags,
  request: { query: listReviewsQuery },
  responses: {
    200: {
      description: 'One page of reviews',
      schema: z.array(adminReviewSchema),
      headers: contentRangeHeader('reviews'),
    },
    ...common,
    422: { description: 'A sort, range or filter that is not valid JSON or not allowed' },
  },
  handler: async ({ input, deps, res }) => {
    const { sort, range, filter } = input.query;
    const { offset, limit } = pageOf(range);
    const { rows, count } = await deps.db.models.Review.findAndCountAll({
      where: reviewsWhere(deps, filter),
      order: orderOf(sort),
      offset,
      limit,
    });
    setContentRange(res, 'reviews', { offset, count: rows.length, total: count });
    return rows.map(presentAdminReview);
  },
});

export const getReview = defineRoute({
  method: 'get',
  access: 'catalog.read',
  path: '/api/admin/reviews/:id',
  summary: 'One review (react-admin getOne)',
  tags,
  request: { params: idParams },
  responses: {
    200: { description: 'The review', schema: adminReviewSchema },
    ...common,
    404: { description: 'No such review' },
  },
  handler: async ({ input, deps }) => {
    const review = await deps.db.models.Review.findByPk(input.params.id);
    if (!review) throw new NotFoundError('There is no review with this id.');
    return presentAdminReview(review);
  },
});

const moderation = (verb: 'approve' | 'reject', status: 'approved' | 'rejected') =>
  defineRoute({
    method: 'post',
    access: 'catalog.moderate',
    path: `/api/admin/reviews/:id/${verb}`,
    summary: `${verb === 'approve' ? 'Approve' : 'Reject'} a review`,
    description:
      'Sets the status and recomputes the product’s rating (approved reviews only) in the same transaction. ' +
      'Idempotent: repeating it changes nothing. Any status may be moderated again (an approved review can ' +
      'later be rejected, which takes it out of the rating).',
    tags,
    request: { params: idParams },
    responses: {
      200: { description: `The ${status} review`, schema: adminReviewSchema },
      ...common,
      404: { description: 'No such review' },
    },
    handler: async ({ input, deps }) =>
      presentAdminReview(await moderateReview(deps, input.params.id, status)),
  });

export const approveReview = moderation('approve', 'approved');
export const rejectReview = moderation('reject', 'rejected');

export const updateReview = defineRoute({
  method: 'put',
  access: 'catalog.moderate',
  path: '/api/admin/reviews/:id',
  summary: 'Moderate a review through react-admin’s update / updateMany (status only)',
  description: 'The same as approve/reject when `status` is given; other fields are ignored.',
  tags,
  request: { params: idParams, body: updateReviewBody },
  responses: {
    200: { description: 'The review', schema: adminReviewSchema },
    ...common,
    404: { description: 'No such review' },
    422: { description: 'Unknown fields, another id, or an unknown status' },
  },
  handler: async ({ input, deps }) => {
    const id = input.params.id;
    if (input.body.id !== undefined && input.body.id !== id) {
      throw new ValidationError([
        { path: 'body.id', code: 'id_mismatch', message: 'Must be the id in the path' },
      ]);
    }
    if (input.body.status) return presentAdminReview(await moderateReview(deps, id, input.body.status));
    const review = await deps.db.models.Review.findByPk(id);
    if (!review) throw new NotFoundError('There is no review with this id.');
    return presentAdminReview(review);
  },
});

export const adminReviewRoutes = [listReviews, getReview, approveReview, rejectReview, updateReview];
