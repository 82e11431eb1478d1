import type { Request } from 'express';
import type { Order } from '@market/db';
import type { AppDeps } from '../../deps';
import { NotFoundError } from '../../errors';
import type { Actor } from '../../policies';
import { cartOwnerOf } from '../../services/cart';

/** Whose orders a request may read: the signed-in customer's, or a guest's by the cart token that placed them. */
export function orderOwnerWhere(req: Request, actor: Actor | null) {
  const owner = cartOwnerOf(req, actor);
  if (!owner) return null;
  return 'userId' in owner
    ? { userId: owner.userId }
    : { guestTokenHash: owner.guestTokenHash, userId: null };
}

/** The caller's own order; anyone else's is a 404, so order ids reveal nothing. */
export async function findOwnOrder(
  deps: AppDeps,
  req: Request,
  actor: Actor | null,
  id: number,
): Promise<Order> {
  const where = orderOwnerWhere(req, actor);
  const order = where ? await deps.db.models.Order.findOne({ where: { id, ...where } }) : null;
  if (!order) throw new NotFoundError('There is no such order.');
  return order;
}
