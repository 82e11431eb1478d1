import { Op, col, literal, where } from 'sequelize';
import type { StockMovement } from '@market/db';
import type { AppDeps } from '../../../deps';
import { ConflictError, NotFoundError } from '../../../errors';
import type { Actor } from '../../../policies';
import { catalogChanged } from '../../../services/catalog-events';
import type { ADJUSTMENT_REASONS } from './schema';

export interface Adjustment {
  productId: number;
  delta: number;
  reason: (typeof ADJUSTMENT_REASONS)[number];
  reference?: string;
}

/**
 * Changes the units on hand by `delta` and appends the ledger row naming the admin, in one transaction. The change
 * is one conditional UPDATE (`on_hand + delta >= reserved`, so never negative and never below what orders hold),
 * never a read-modify-write: concurrent adjustments queue on the row lock and each sees the previous one's result.
 * When the condition fails nothing is written and the answer is a 409 `insufficient_stock`.
 */
export async function adjustStock(
  deps: AppDeps,
  actor: Actor,
  adjustment: Adjustment,
): Promise<StockMovement> {
  const { Product, Inventory, StockMovement } = deps.db.models;
  const { productId, delta, reason, reference } = adjustment;
  if (!(await Product.findByPk(productId, { attributes: ['id'] }))) {
    throw new NotFoundError('There is no product with this id.');
  }
  const movement = await deps.db.sequelize.transaction(async (transaction) => {
    // `delta` is a validated integer, so interpolating it is safe; escape() anyway, so this stays true if it moves.
    const next = literal(`on_hand + ${deps.db.sequelize.escape(delta)}`);
    const apply = async () =>
      (
        await Inventory.update(
          { onHand: next },
          { where: { productId, [Op.and]: [where(next, Op.gte, col('reserved'))] }, transaction },
        )
      )[0];
    let changed = await apply();
    if (!changed && !(await Inventory.findByPk(productId, { transaction, lock: transaction.LOCK.UPDATE }))) {
      // A product made outside this API (a seed, another service) may have no stock row yet: start it at zero.
      await Inventory.bulkCreate([{ productId }], { ignoreDuplicates: true, transaction });
      changed = await apply();
    }
    if (!changed) {
      throw new ConflictError(
        `Not enough stock: the change of ${delta} would leave fewer units on hand than are reserved.`,
        'insufficient_stock',
      );
    }
    return StockMovement.create(
      { productId, delta, reason, reference: reference ?? null, actorUserId: actor.id },
      { transaction },
    );
  });
  await catalogChanged(deps, { productIds: [productId] });
  return movement;
}
