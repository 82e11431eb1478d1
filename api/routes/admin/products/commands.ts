import { Op, type Transaction } from 'sequelize';
import type { Product } from '@market/db';
import type { AppDeps } from '../../../deps';
import { type FieldError, NotFoundError, ValidationError } from '../../../errors';

/** Tag ids per product, for a page of products in one query (not an N+1, not a join that breaks LIMIT). */
export async function tagIdsOf(
  deps: AppDeps,
  productIds: number[],
  transaction?: Transaction,
): Promise<Map<number, number[]>> {
  const byProduct = new Map<number, number[]>(productIds.map((id) => [id, []]));
  if (!productIds.length) return byProduct;
  const rows = await deps.db.models.ProductTag.findAll({
    where: { productId: { [Op.in]: productIds } },
    order: [['tagId', 'ASC']],
    transaction,
  });
  for (const row of rows) byProduct.get(row.productId)?.push(row.tagId);
  return byProduct;
}

/** A missing category or tag is bad input (422 naming the field), not a foreign-key 409 from the database. */
export async function checkReferences(
  deps: AppDeps,
  refs: { categoryId?: number | null; tagIds?: number[] },
  transaction: Transaction,
): Promise<void> {
  const errors: FieldError[] = [];
  const { Category, Tag } = deps.db.models;
  if (refs.categoryId != null && !(await Category.findByPk(refs.categoryId, { transaction }))) {
    errors.push({ path: 'body.categoryId', code: 'not_found', message: 'There is no category with this id' });
  }
  const tagIds = [...new Set(refs.tagIds ?? [])];
  if (tagIds.length) {
    const found = await Tag.count({ where: { id: { [Op.in]: tagIds } }, transaction });
    if (found !== tagIds.length) {
      errors.push({ path: 'body.tagIds', code: 'not_found', message: 'One or more tags do not exist' });
    }
  }
  if (errors.length) throw new ValidationError(errors);
}

/** Replaces a product's tag set inside the caller's transaction. */
export async function replaceTags(
  deps: AppDeps,
  productId: number,
  tagIds: number[],
  transaction: Transaction,
): Promise<void> {
  const { ProductTag } = deps.db.models;
  await ProductTag.destroy({ where: { productId }, transaction });
  const unique = [...new Set(tagIds)];
  if (unique.length) {
    await ProductTag.bulkCreate(
      unique.map((tagId) => ({ productId, tagId })),
      { transaction },
    );
  }
}

export async function findProduct(
  deps: AppDeps,
  id: number,
  options: { transaction?: Transaction; lock?: boolean } = {},
): Promise<Product> {
  const { transaction, lock } = options;
  const product = await deps.db.models.Product.findByPk(id, {
    transaction,
    // Lock the product row only: MariaDB refuses FOR UPDATE across the nullable side of an outer join.
    ...(lock ? { lock: transaction?.LOCK.UPDATE } : { include: [{ association: 'inventory' }] }),
  });
  if (!product) throw new NotFoundError('There is no product with this id.');
  return product;
}
