import type { z } from 'zod';
import type { Inventory, Product, StockMovement } from '@market/db';
import type { adminInventorySchema, stockMovementSchema } from './schema';

export function presentInventory(
  row: Inventory & { product?: Product },
): z.output<typeof adminInventorySchema> {
  const available = row.onHand - row.reserved;
  return {
    id: row.productId,
    productId: row.productId,
    productTitle: row.product?.title ?? '',
    productSlug: row.product?.slug ?? '',
    onHand: row.onHand,
    reserved: row.reserved,
    available,
    lowStockThreshold: row.lowStockThreshold,
    lowStock: available <= row.lowStockThreshold,
    updatedAt: row.updatedAt.toISOString(),
  };
}

export function presentStockMovement(movement: StockMovement): z.output<typeof stockMovementSchema> {
  return {
    id: movement.id,
    productId: movement.productId,
    delta: movement.delta,
    reason: movement.reason,
    reference: movement.reference ?? null,
    actorUserId: movement.actorUserId ?? null,
    createdAt: movement.createdAt.toISOString(),
  };
}
