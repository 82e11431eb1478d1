import type { Review, ReviewStatus } from '@market/db';
import type { AppDeps } from '../../../deps';
import { NotFoundError } from '../../../errors';
import { catalogChanged } from '../../../services/catalog-events';
import { recomputeRating } from '../../catalog/ratings';

/**
 * Sets a review's status and, in the same transaction, the product's rating aggregates (only approved reviews
 * count). The product row is locked before the review, the order every rating writer uses, so concurrent
 * moderations of one product serialize instead of each computing from a stale count. Setting the status a
 * review already has changes nothing and leaves the caches alone.
 */
export async function moderateReview(deps: AppDeps, id: number, status: ReviewStatus): Promise<Review> {
  const { Review, Product } = deps.db.models;
  const notFound = () => new NotFoundError('There is no review with this id.');
  const before = await Review.findByPk(id);
  if (!before) throw notFound();
  const { review, changed } = await deps.db.sequelize.transaction(async (transaction) => {
    await Product.findByPk(before.productId, { transaction, lock: transaction.LOCK.UPDATE });
    const locked = await Review.findByPk(id, { transaction, lock: transaction.LOCK.UPDATE });
    if (!locked) throw notFound();
    if (locked.status === status) return { review: locked, changed: false };
    const countsBefore = locked.status === 'approved';
    await locked.update({ status }, { transaction });
    if (countsBefore || status === 'approved') await recomputeRating(deps.db, locked.productId, transaction);
    return { review: locked, changed: true };
  });
  if (changed) await catalogChanged(deps, { productIds: [review.productId] });
  return review;
}
