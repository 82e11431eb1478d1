import { QueryTypes, type Transaction } from 'sequelize';
import type { Database } from '@market/db';

/**
 * Recomputes `products.rating_average` (hundredths of a star) and `rating_count` from the product's approved
 * reviews. Called after a review's status changes (the admin's approve/reject), inside that transaction when
 * given, then `catalogChanged` after commit. It recounts from the reviews rather than adjusting by one, so a
 * repeated or concurrent call cannot drift; the UPDATE takes the product row's lock, which orders concurrent
 * recomputes in one transaction each.
 */
export async function recomputeRating(
  db: Database,
  productId: number,
  transaction?: Transaction,
): Promise<{ average: number; count: number }> {
  const [row] = await db.sequelize.query<{ count: unknown; total: unknown }>(
    `SELECT COUNT(*) AS count, COALESCE(SUM(rating), 0) AS total FROM reviews WHERE product_id = ? AND status = 'approved'`,
    { type: QueryTypes.SELECT, replacements: [productId], transaction },
  );
  const count = Number(row?.count ?? 0);
  const total = Number(row?.total ?? 0);
  // Integer arithmetic: round(total / count, 2 decimals) in hundredths.
  const average = count ? Math.round((total * 100) / count) : 0;
  await db.models.Product.update(
    { ratingAverage: average, ratingCount: count },
    { where: { id: productId }, transaction },
  );
  return { average, count };
}
