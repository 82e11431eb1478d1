import type { ProductImage } from '@market/db';
import type { AppDeps } from '../../../deps';
import { type FieldError, NotFoundError, ValidationError } from '../../../errors';
import { catalogChanged } from '../../../services/catalog-events';

const PATH = 'body.imageIds';
const list = (ids: Iterable<number>) => [...ids].join(', ');

/** What is wrong with `imageIds` as an order of exactly `existing`: repeats, strangers and omissions, each named. */
export function orderProblems(existing: readonly number[], imageIds: readonly number[]): FieldError[] {
  const known = new Set(existing);
  const seen = new Set<number>();
  const repeated = new Set<number>();
  for (const id of imageIds) (seen.has(id) ? repeated : seen).add(id);
  const unknown = [...seen].filter((id) => !known.has(id));
  const missing = existing.filter((id) => !seen.has(id));
  const problems: FieldError[] = [];
  if (repeated.size) {
    problems.push({
      path: PATH,
      code: 'duplicate_image',
      message: `Listed more than once: ${list(repeated)}`,
    });
  }
  if (unknown.length) {
    problems.push({
      path: PATH,
      code: 'unknown_image',
      message: `Not images of this product: ${list(unknown)}`,
    });
  }
  if (missing.length) {
    problems.push({
      path: PATH,
      code: 'missing_image',
      message: `Images of this product left out: ${list(missing)}`,
    });
  }
  return problems;
}

/**
 * Puts a product's images in the given order: positions 0..n-1, in one transaction with the product's image rows
 * locked, so an upload or delete at the same moment either precedes it (and the list no longer matches: 422) or
 * follows it. The catalog is told after the commit.
 */
export async function reorderImages(
  deps: AppDeps,
  productId: number,
  imageIds: readonly number[],
): Promise<ProductImage[]> {
  const { Product, ProductImage } = deps.db.models;
  const images = await deps.db.sequelize.transaction(async (transaction) => {
    const product = await Product.findByPk(productId, { transaction, lock: transaction.LOCK.UPDATE });
    if (!product) throw new NotFoundError('There is no product with this id.');
    const rows = await ProductImage.findAll({
      where: { productId },
      order: [
        ['position', 'ASC'],
        ['id', 'ASC'],
      ],
      transaction,
      lock: transaction.LOCK.UPDATE,
    });
    const problems = orderProblems(
      rows.map((row) => row.id),
      imageIds,
    );
    if (problems.length) {
      throw new ValidationError(problems, 'List each of the product’s images exactly once.');
    }
    const byId = new Map(rows.map((row) => [row.id, row]));
    const ordered = imageIds.map((id) => byId.get(id)!);
    for (const [position, image] of ordered.entries()) {
      if (image.position !== position) await image.update({ position }, { transaction });
    }
    return ordered;
  });
  await catalogChanged(deps, { productIds: [productId] });
  return images;
}
