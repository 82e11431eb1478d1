import type { Product } from '@market/db';
import type { AppDeps } from '../../deps';
import { uniqueSlug } from '../admin/products/testing';

/** The shop settings the cart suites assert against (each suite passes them to createTestDeps). */
export const CART_TEST_ENV = {
  SHOP_CURRENCY: 'EUR',
  SHIPPING_FLAT_AMOUNT: '499',
  SHIPPING_FREE_FROM_AMOUNT: '5000',
  TAX_RATES: 'DE:19,US:7.25',
  TAX_DEFAULT_RATE: '0',
};

/** An active EUR product with `stock` units available (null: no stock row at all). */
export async function createCartProduct(
  deps: AppDeps,
  options: { priceAmount?: number; stock?: number | null; reserved?: number; currency?: string } = {},
): Promise<Product> {
  const product = await deps.db.models.Product.create({
    slug: uniqueSlug('cart'),
    title: 'Cart Product',
    priceAmount: options.priceAmount ?? 1_000,
    currency: options.currency ?? 'EUR',
    status: 'active',
  });
  const stock = options.stock === undefined ? 50 : options.stock;
  if (stock !== null) {
    const reserved = options.reserved ?? 0;
    await deps.db.models.Inventory.create({ productId: product.id, onHand: stock + reserved, reserved });
  }
  return product;
}

/** Row counts that a rejected request must leave unchanged. */
export async function cartRowCounts(deps: AppDeps) {
  const { Cart, CartItem } = deps.db.models;
  return { carts: await Cart.count(), items: await CartItem.count() };
}
