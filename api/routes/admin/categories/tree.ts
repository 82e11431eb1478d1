import { Op, type Transaction } from 'sequelize';
import type { Category } from '@market/db';
import type { AppDeps } from '../../../deps';
import { ConflictError, NotFoundError, ValidationError } from '../../../errors';

/** Deeper than any real shop's tree; a bound so a corrupted parent chain cannot loop forever. */
const MAX_DEPTH = 100;

export async function findCategory(
  deps: AppDeps,
  id: number,
  options: { transaction?: Transaction; lock?: boolean } = {},
): Promise<Category> {
  const { transaction, lock } = options;
  const category = await deps.db.models.Category.findByPk(id, {
    transaction,
    ...(lock ? { lock: transaction?.LOCK.UPDATE } : {}),
  });
  if (!category) throw new NotFoundError('There is no category with this id.');
  return category;
}

/**
 * Checks that `categoryId` (null for a new category) may hang under `parentId`: the parent exists and is neither
 * the category itself nor one of its descendants. The walk up from the parent locks each ancestor (FOR UPDATE), so
 * two concurrent moves (A under B, B under A) serialize and the second one sees the first one's parent and fails
 * rather than both committing a loop. A cycle is a 422 `category_cycle`: the parentId is an invalid value.
 */
export async function checkParent(
  deps: AppDeps,
  categoryId: number | null,
  parentId: number | null,
  transaction: Transaction,
): Promise<void> {
  if (parentId === null) return;
  const cycle = () =>
    new ValidationError([
      {
        path: 'body.parentId',
        code: 'category_cycle',
        message: 'A category cannot be moved under itself or one of its descendants',
      },
    ]);
  let current: number | null = parentId;
  for (let depth = 0; current !== null; depth++) {
    if (current === categoryId) throw cycle();
    if (depth > MAX_DEPTH)
      throw new ConflictError('The category tree is too deep.', 'category_tree_too_deep');
    const node: Category | null = await deps.db.models.Category.findByPk(current, {
      transaction,
      lock: transaction.LOCK.UPDATE,
    });
    if (!node) {
      if (current !== parentId) break; // an ancestor vanished mid-walk; the FK will answer
      throw new ValidationError([
        { path: 'body.parentId', code: 'not_found', message: 'There is no category with this id' },
      ]);
    }
    current = node.parentId ?? null;
  }
}

/** The ids of a category and all of its descendants, breadth first. */
export async function subtreeIds(
  deps: AppDeps,
  rootId: number,
  transaction?: Transaction,
): Promise<number[]> {
  const ids = [rootId];
  let frontier = [rootId];
  for (let depth = 0; frontier.length && depth <= MAX_DEPTH; depth++) {
    const children = await deps.db.models.Category.findAll({
      attributes: ['id'],
      where: { parentId: { [Op.in]: frontier } },
      transaction,
    });
    frontier = children.map((c) => c.id).filter((id) => !ids.includes(id));
    ids.push(...frontier);
  }
  return ids;
}

/** Products filed under any of these categories (their listing entries and search documents change). */
export async function productIdsIn(
  deps: AppDeps,
  categoryIds: number[],
  transaction?: Transaction,
): Promise<number[]> {
  const products = await deps.db.models.Product.findAll({
    attributes: ['id'],
    where: { categoryId: { [Op.in]: categoryIds } },
    transaction,
  });
  return products.map((p) => p.id);
}
