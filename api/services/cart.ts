import { createHash, randomBytes } from 'node:crypto';
import type { Request } from 'express';
import { Op, type Transaction } from 'sequelize';
import type { Cart, CartItem, Inventory, Product, ProductImage } from '@market/db';
import type { AppDeps } from '../deps';
import type { Actor } from '../policies';
import { imageUrl } from '../presenters/product';
import { computeTotals, type Totals } from './pricing';

/** The request and response header that carries a guest's cart token. */
export const CART_TOKEN_HEADER = 'Cart-Token';
/**
 * The most units of one product a line may ever hold (CART_MAX_QUANTITY, default 99, may not exceed it); the
 * request schema refuses more, the configured cap is checked by the cart commands.
 */
export const QUANTITY_CEILING = 999;
/**
 * The highest unit price, in minor units (100,000,000.00 in a two-decimal currency), that the admin API accepts.
 * With the cart caps at their ceilings (999 units, 200 lines), every total stays inside a safe integer:
 * 10^10 × 999 × 200 ≈ 2 × 10^15, even doubled by tax and shipping, against 9 × 10^15.
 */
export const MAX_PRICE_AMOUNT = 10_000_000_000;

/**
 * False for a price above the bound (written before the admin API checked it, or straight into the database): it
 * cannot be totalled safely, so its line is shown as unavailable with no total instead of every cart answer failing.
 */
const priceInBounds = (product: Product) => Number(product.priceAmount) <= MAX_PRICE_AMOUNT;

/** 32 random bytes, base64url: 43 characters, no padding. */
const TOKEN_PATTERN = /^[A-Za-z0-9_-]{43}$/;

export type LineWarning = null | 'insufficient_stock' | 'out_of_stock' | 'unavailable';

export interface PricedLine {
  id: number;
  productId: number;
  slug: string;
  title: string;
  imageUrl: string | null;
  unitPriceAmount: number;
  quantity: number;
  lineTotalAmount: number;
  available: number;
  warning: LineWarning;
}

export type SavedLine = Omit<PricedLine, 'lineTotalAmount'>;

export interface CartWarning {
  itemId: number;
  productId: number;
  code: Exclude<LineWarning, null>;
  message: string;
}

export interface PricedCart {
  id: number | null;
  currency: string;
  items: PricedLine[];
  saved: SavedLine[];
  totals: Totals;
  warnings: CartWarning[];
}

export type CartOwner = { userId: number } | { guestTokenHash: string };

/** A new guest cart token. Only its hash is stored, so a database leak does not hand out carts. */
export function newCartToken(): string {
  return randomBytes(32).toString('base64url');
}

export function hashCartToken(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}

/** The well-formed guest token the request carries, if any; anything else counts as no token. */
export function cartTokenOf(req: Request): string | null {
  const token = req.get(CART_TOKEN_HEADER)?.trim();
  return token && TOKEN_PATTERN.test(token) ? token : null;
}

/**
 * Whose cart a request means: a signed-in caller's own cart (a guest token sent alongside is for merging, see
 * mergeGuestCart), else the guest cart of the token. Null: a guest without a (well-formed) token.
 */
export function cartOwnerOf(req: Request, actor: Actor | null): CartOwner | null {
  if (actor) return { userId: actor.id };
  const token = cartTokenOf(req);
  return token ? { guestTokenHash: hashCartToken(token) } : null;
}

const ownerWhere = (owner: CartOwner) =>
  'userId' in owner ? { userId: owner.userId } : { guestToken: owner.guestTokenHash };

/**
 * The owner's cart, or null. Inside a transaction the row is locked (FOR UPDATE), so concurrent writes to one
 * cart queue up instead of reading the same quantities and overwriting each other. Only an existing row is
 * locked: FOR UPDATE on a missing key takes a gap lock, and two requests holding one each and then inserting
 * their new carts deadlock.
 */
export async function findCart(
  deps: AppDeps,
  owner: CartOwner,
  transaction?: Transaction,
): Promise<Cart | null> {
  const where = ownerWhere(owner);
  const seen = await deps.db.models.Cart.findOne({ where, transaction });
  if (!seen || !transaction) return seen;
  return deps.db.models.Cart.findOne({ where, transaction, lock: transaction.LOCK.UPDATE });
}

/** available = on hand − reserved; no stock row means none. */
const availableOf = (inventory: Inventory | null | undefined) =>
  inventory ? Math.max(0, inventory.onHand - inventory.reserved) : 0;

function warningOf(deps: AppDeps, product: Product, quantity: number, available: number): LineWarning {
  // A product priced in another currency than the shop's cannot be sold either (its price means nothing here).
  if (product.status !== 'active' || product.currency !== deps.config.checkout.currency) return 'unavailable';
  if (!priceInBounds(product)) return 'unavailable';
  if (available === 0) return 'out_of_stock';
  return available < quantity ? 'insufficient_stock' : null;
}

const WARNING_MESSAGES: Record<CartWarning['code'], (title: string, available: number) => string> = {
  unavailable: (title) => `${title} is no longer available and is not included in the total.`,
  out_of_stock: (title) => `${title} is out of stock.`,
  insufficient_stock: (title, available) => `Only ${available} of ${title} in stock.`,
};

/** The first image (by position) of each product, as a presigned URL. */
async function imageUrlsOf(deps: AppDeps, productIds: number[]): Promise<Map<number, string>> {
  const urls = new Map<number, string>();
  if (productIds.length === 0) return urls;
  const images = await deps.db.models.ProductImage.findAll({
    where: { productId: { [Op.in]: productIds } },
    order: [
      ['productId', 'ASC'],
      ['position', 'ASC'],
      ['id', 'ASC'],
    ],
  });
  const first = new Map<number, ProductImage>();
  for (const image of images) if (!first.has(image.productId)) first.set(image.productId, image);
  for (const [productId, image] of first) urls.set(productId, await imageUrl(deps.storage, image));
  return urls;
}

type LineWithProduct = CartItem & { product: Product & { inventory?: Inventory | null } };

/**
 * The cart at today's prices and stock: the cart stores no prices, so what the shopper sees is what checkout
 * charges. Unavailable lines are shown but left out of the totals. `cart` null: the empty cart.
 */
export async function priceCart(
  deps: AppDeps,
  cart: Cart | null,
  country: string | null,
): Promise<PricedCart> {
  const { checkout } = deps.config;
  const rows = cart
    ? ((await deps.db.models.CartItem.findAll({
        where: { cartId: cart.id },
        include: [{ association: 'product', include: [{ association: 'inventory' }] }],
        order: [['id', 'ASC']],
      })) as LineWithProduct[])
    : [];
  const images = await imageUrlsOf(deps, [...new Set(rows.map((row) => row.productId))]);

  const items: PricedLine[] = [];
  const saved: SavedLine[] = [];
  const warnings: CartWarning[] = [];
  let subtotalAmount = 0;
  for (const row of rows) {
    const { product } = row;
    const available = availableOf(product.inventory);
    const price = Number(product.priceAmount);
    const unitPriceAmount = Number.isSafeInteger(price) ? price : 0;
    const warning = warningOf(deps, product, row.quantity, available);
    const line = {
      id: row.id,
      productId: product.id,
      slug: product.slug,
      title: product.title,
      imageUrl: images.get(product.id) ?? null,
      unitPriceAmount,
      quantity: row.quantity,
      available,
      warning,
    };
    if (row.savedForLater) {
      saved.push(line);
      continue;
    }
    const lineTotalAmount = priceInBounds(product) ? unitPriceAmount * row.quantity : 0;
    items.push({ ...line, lineTotalAmount });
    if (warning !== 'unavailable') subtotalAmount += lineTotalAmount;
    if (warning) {
      const message = WARNING_MESSAGES[warning](product.title, available);
      warnings.push({ itemId: row.id, productId: product.id, code: warning, message });
    }
  }
  return {
    id: cart?.id ?? null,
    currency: checkout.currency,
    items,
    saved,
    totals: computeTotals(subtotalAmount, checkout, country),
    warnings,
  };
}
