import type { Order } from '@market/db';
import type { AppDeps } from '../../deps';
import { AppError } from '../../errors';

/**
 * The 409 of an order whose stock could not be held. A guest refused by GUEST_HOLD_MAX_PERCENT while the units are
 * still on the shelf learns that signing in would let them buy (`guestHoldLimit: true`); the check reads stock after
 * the fact, so it only chooses the wording, never the outcome.
 */
export async function outOfStock(deps: AppDeps, order: Order): Promise<AppError> {
  const guestLimited = order.userId === null && (await onShelf(deps, order.id));
  return new AppError(
    409,
    'out_of_stock',
    'Out of stock',
    guestLimited
      ? 'Guest checkouts may hold only part of this stock at a time: sign in to buy it, or try again in a few minutes.'
      : 'Some items are no longer in stock.',
    { orderId: order.id, ...(guestLimited ? { guestHoldLimit: true } : {}) },
  );
}

async function onShelf(deps: AppDeps, orderId: number): Promise<boolean> {
  if (deps.config.checkout.guestHoldMaxPercent >= 100) return false;
  const { OrderItem, Inventory } = deps.db.models;
  const items = await OrderItem.findAll({ where: { orderId } });
  const stock = await Inventory.findAll({ where: { productId: items.map((i) => i.productId) } });
  return items.every((item) => {
    const row = stock.find((s) => s.productId === item.productId);
    return row !== undefined && row.onHand - row.reserved >= item.quantity;
  });
}
