import { Op } from 'sequelize';
import type { AppDeps } from '../../deps';
import { AppError } from '../../errors';
import { type Admission, type GateLine, StockGate } from '../../services/stock-gate';

const gates = new WeakMap<AppDeps, StockGate>();

/** The app's stock gate (one per app, so per process): see services/stock-gate.ts. */
function gateOf(deps: AppDeps): StockGate {
  let gate = gates.get(deps);
  if (!gate) {
    const readAvailable = async (productIds: number[]) => {
      const rows = await deps.db.models.Inventory.findAll({
        attributes: ['productId', 'onHand', 'reserved'],
        where: { productId: { [Op.in]: productIds } },
        raw: true,
      });
      return new Map(rows.map((row) => [row.productId, row.onHand - row.reserved]));
    };
    // Half the answer deadline, so an admitted checkout still has time to be answered.
    gate = new StockGate(readAvailable, (deps.config.checkout.answerTimeoutSeconds * 1000) / 2);
    gates.set(deps, gate);
  }
  return gate;
}

/**
 * Admits a new checkout to the order workflow, or refuses it at once when a product is sold out with no checkout
 * for it in flight: a 409 `out_of_stock` without an order (nothing was written, nothing is held). `known`: the
 * stock the priced cart read.
 */
export async function admitCheckout(
  deps: AppDeps,
  lines: GateLine[],
  known: Map<number, number>,
): Promise<Extract<Admission, { admitted: true }>> {
  const admission = await gateOf(deps).admit(lines, known);
  if (admission.admitted) return admission;
  throw new AppError(409, 'out_of_stock', 'Out of stock', 'Some items are no longer in stock.', {
    productIds: admission.soldOut,
  });
}
