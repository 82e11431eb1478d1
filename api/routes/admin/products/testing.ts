import { randomBytes } from 'node:crypto';
import type { Product } from '@market/db';
import type { AppDeps } from '../../../deps';

/** A slug no other test's data uses. */
export const uniqueSlug = (prefix = 'p') => `${prefix}-${randomBytes(6).toString('hex')}`;

/** A product with a stock row, built directly (factories, not the HTTP API). */
export async function createTestProduct(
  deps: AppDeps,
  options: { onHand?: number; reserved?: number; lowStockThreshold?: number; title?: string } = {},
): Promise<Product> {
  const product = await deps.db.models.Product.create({
    slug: uniqueSlug(),
    title: options.title ?? 'Test product',
    priceAmount: 1999,
    currency: 'EUR',
    status: 'active',
  });
  await deps.db.models.Inventory.create({
    productId: product.id,
    onHand: options.onHand ?? 0,
    reserved: options.reserved ?? 0,
    lowStockThreshold: options.lowStockThreshold ?? 5,
  });
  return product;
}
