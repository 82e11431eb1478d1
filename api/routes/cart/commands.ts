import { Transaction, UniqueConstraintError } from 'sequelize';
import { retryOnDeadlock } from '../../services/deadlock';
import type { Cart, CartItem } from '@market/db';
import type { AppDeps } from '../../deps';
import { NotFoundError, ValidationError } from '../../errors';
import type { Actor } from '../../policies';
import { findCart, hashCartToken, newCartToken } from '../../services/cart';

/** Who is asking: the signed-in actor, and the well-formed guest token the request carried. */
export interface CartCaller {
  actor: Actor | null;
  token: string | null;
}

/** The cart a write touched and the guest token to hand back (null for signed-in callers and for no cart). */
export interface CartWrite {
  cart: Cart | null;
  token: string | null;
}

const capped = (deps: AppDeps, quantity: number) => Math.min(quantity, deps.config.cart.maxQuantity);

function cartFull(deps: AppDeps, path: string): ValidationError {
  const { maxLines } = deps.config.cart;
  return new ValidationError([
    { path, code: 'cart_full', message: `A cart holds at most ${maxLines} different products` },
  ]);
}

/** A 422 before any write when a line would hold more than the shop's CART_MAX_QUANTITY. */
function checkQuantity(deps: AppDeps, quantity: number, inCart = 0): void {
  const { maxQuantity } = deps.config.cart;
  if (quantity + inCart <= maxQuantity) return;
  const held = inCart ? `; the cart already holds ${inCart}` : '';
  throw new ValidationError([
    { path: 'body.quantity', code: 'quantity_limit', message: `At most ${maxQuantity} per line${held}` },
  ]);
}

const countLines = (deps: AppDeps, cartId: number, transaction: Transaction) =>
  deps.db.models.CartItem.count({ where: { cartId, savedForLater: false }, transaction });

/** The user's cart, created on first use. Two first requests at once: the loser's INSERT hits the unique user_id. */
async function ensureUserCart(deps: AppDeps, userId: number, transaction: Transaction): Promise<Cart> {
  const existing = await findCart(deps, { userId }, transaction);
  if (existing) return existing;
  try {
    const { currency } = deps.config.checkout;
    return await deps.db.models.Cart.create({ userId, currency }, { transaction });
  } catch (err) {
    if (!(err instanceof UniqueConstraintError)) throw err;
    // A locking read sees the other request's committed row; a plain one would read this transaction's snapshot.
    const raced = await deps.db.models.Cart.findOne({
      where: { userId },
      transaction,
      lock: transaction.LOCK.UPDATE,
    });
    if (!raced) throw err;
    return raced;
  }
}

/**
 * Moves a guest cart's lines into the user's cart (same product and list: quantities summed, capped) and deletes
 * the guest cart. Cart lines that no longer fit (CART_MAX_LINES) are saved for later instead of lost. Run on any signed-in request that still carries a guest token, so signing in keeps the cart.
 * The same token again finds no guest cart: a no-op. Returns whether there was anything to merge.
 */
export async function mergeGuestCart(
  deps: AppDeps,
  userId: number,
  guestTokenHash: string,
  transaction: Transaction,
): Promise<boolean> {
  const guest = await findCart(deps, { guestTokenHash }, transaction);
  if (!guest) return false;
  const { CartItem } = deps.db.models;
  const target = await ensureUserCart(deps, userId, transaction);
  const lock = { transaction, lock: transaction.LOCK.UPDATE };
  const theirs = await CartItem.findAll({ where: { cartId: guest.id }, ...lock });
  const ours = await CartItem.findAll({ where: { cartId: target.id }, ...lock });
  let lines = ours.filter((o) => !o.savedForLater).length;
  for (const line of theirs) {
    let savedForLater = line.savedForLater;
    let same = ours.find((o) => o.productId === line.productId && o.savedForLater === savedForLater);
    if (!same && !savedForLater && lines >= deps.config.cart.maxLines) {
      savedForLater = true;
      same = ours.find((o) => o.productId === line.productId && o.savedForLater);
    }
    if (same) {
      await same.update({ quantity: capped(deps, same.quantity + line.quantity) }, { transaction });
      continue;
    }
    await line.update({ cartId: target.id, savedForLater }, { transaction });
    ours.push(line);
    if (!savedForLater) lines += 1;
  }
  await CartItem.destroy({ where: { cartId: guest.id }, transaction });
  await guest.destroy({ transaction });
  return true;
}

/**
 * The caller's cart for a write, locked, after merging a guest cart into a signed-in caller's. `create`: make the
 * cart when there is none (a guest without a usable token gets a new cart and a new token); otherwise null.
 */
export async function cartForWrite(
  deps: AppDeps,
  caller: CartCaller,
  transaction: Transaction,
  create: boolean,
): Promise<CartWrite> {
  const { actor, token } = caller;
  if (actor) {
    if (token) await mergeGuestCart(deps, actor.id, hashCartToken(token), transaction);
    const cart = create
      ? await ensureUserCart(deps, actor.id, transaction)
      : await findCart(deps, { userId: actor.id }, transaction);
    return { cart, token: null };
  }
  const existing = token ? await findCart(deps, { guestTokenHash: hashCartToken(token) }, transaction) : null;
  if (existing || !create) return { cart: existing, token: existing ? token : null };
  const fresh = newCartToken();
  const cart = await deps.db.models.Cart.create(
    { guestToken: hashCartToken(fresh), currency: deps.config.checkout.currency },
    { transaction },
  );
  return { cart, token: fresh };
}

/**
 * Runs `write` on the caller's cart in one transaction; nothing stays written when it throws. READ COMMITTED: the
 * locked cart row already serializes writers of one cart, and under InnoDB's default REPEATABLE READ each locking
 * read of a line not there yet takes a gap lock that spans neighbouring carts' keys, so shoppers adding their first
 * lines at the same moment deadlock on each other's inserts. It also lets plain reads see what the previous holder
 * of the cart lock committed.
 */
async function withCart(
  deps: AppDeps,
  caller: CartCaller,
  create: boolean,
  write: (cart: Cart | null, transaction: Transaction) => Promise<void>,
): Promise<CartWrite> {
  const isolationLevel = Transaction.ISOLATION_LEVELS.READ_COMMITTED;
  // A deadlock happens when first writes race to create one user's cart: the losers' duplicate-key checks each hold
  // a shared lock on the winner's row, and each then asks for the exclusive lock.
  return retryOnDeadlock(() =>
    deps.db.sequelize.transaction({ isolationLevel }, async (transaction) => {
      const result = await cartForWrite(deps, caller, transaction, create);
      await write(result.cart, transaction);
      return result;
    }),
  );
}

/** The caller's cart for reading, or null; never creates one. A signed-in caller with a guest token merges first. */
export async function resolveCart(deps: AppDeps, caller: CartCaller): Promise<CartWrite> {
  const { actor, token } = caller;
  if (actor && token) return withCart(deps, caller, false, async () => {});
  if (actor) return { cart: await findCart(deps, { userId: actor.id }), token: null };
  const cart = token ? await findCart(deps, { guestTokenHash: hashCartToken(token) }) : null;
  return { cart, token: cart ? token : null };
}

/** A line of this cart in the given list; another cart's line is as absent as a deleted one. */
async function lineOf(
  deps: AppDeps,
  cart: Cart | null,
  itemId: number,
  savedForLater: boolean,
  transaction: Transaction,
): Promise<CartItem> {
  const line = cart
    ? await deps.db.models.CartItem.findOne({
        where: { id: itemId, cartId: cart.id, savedForLater },
        transaction,
        lock: transaction.LOCK.UPDATE,
      })
    : null;
  if (!line) throw new NotFoundError(`There is no ${savedForLater ? 'saved item' : 'cart line'} ${itemId}.`);
  return line;
}

async function sellableProduct(deps: AppDeps, productId: number, transaction: Transaction): Promise<void> {
  const product = await deps.db.models.Product.findByPk(productId, { transaction });
  if (!product || product.status !== 'active') {
    throw new ValidationError([
      { path: 'body.productId', code: 'product_unavailable', message: 'No product on sale has this id' },
    ]);
  }
  if (product.currency !== deps.config.checkout.currency) {
    throw new ValidationError([
      {
        path: 'body.productId',
        code: 'currency_mismatch',
        message: `The product is priced in ${product.currency}; the shop sells in ${deps.config.checkout.currency}`,
      },
    ]);
  }
}

/** Adds units of a product; a product already in the cart gets them added to its line, up to the maximum. */
export const addItem = (deps: AppDeps, caller: CartCaller, body: { productId: number; quantity: number }) => {
  checkQuantity(deps, body.quantity);
  return withCart(deps, caller, true, async (cart, transaction) => {
    await sellableProduct(deps, body.productId, transaction);
    const { CartItem } = deps.db.models;
    const where = { cartId: cart!.id, productId: body.productId, savedForLater: false };
    const line = await CartItem.findOne({ where, transaction, lock: transaction.LOCK.UPDATE });
    if (!line) {
      if ((await countLines(deps, cart!.id, transaction)) >= deps.config.cart.maxLines) {
        throw cartFull(deps, 'body.productId');
      }
      return void (await CartItem.create({ ...where, quantity: body.quantity }, { transaction }));
    }
    checkQuantity(deps, body.quantity, line.quantity);
    await line.update({ quantity: line.quantity + body.quantity }, { transaction });
  });
};

export const setQuantity = (deps: AppDeps, caller: CartCaller, itemId: number, quantity: number) => {
  checkQuantity(deps, quantity);
  return withCart(deps, caller, false, async (cart, transaction) => {
    const line = await lineOf(deps, cart, itemId, false, transaction);
    await line.update({ quantity }, { transaction });
  });
};

export const removeLine = (deps: AppDeps, caller: CartCaller, itemId: number, savedForLater: boolean) =>
  withCart(deps, caller, false, async (cart, transaction) => {
    const line = await lineOf(deps, cart, itemId, savedForLater, transaction);
    await line.destroy({ transaction });
  });

/**
 * Moves a line between the cart and the saved list. When the other list already has the product, the units join
 * that line (capped) and this one goes, since the unique (cart, product, list) allows one line per list. Moving a
 * new product into a full cart is `cart_full`.
 */
export const moveLine = (deps: AppDeps, caller: CartCaller, itemId: number, toSaved: boolean) =>
  withCart(deps, caller, false, async (cart, transaction) => {
    const line = await lineOf(deps, cart, itemId, !toSaved, transaction);
    const other = await deps.db.models.CartItem.findOne({
      where: { cartId: line.cartId, productId: line.productId, savedForLater: toSaved },
      transaction,
      lock: transaction.LOCK.UPDATE,
    });
    if (!other) {
      if (!toSaved && (await countLines(deps, line.cartId, transaction)) >= deps.config.cart.maxLines) {
        throw cartFull(deps, 'params.itemId');
      }
      return void (await line.update({ savedForLater: toSaved }, { transaction }));
    }
    await other.update({ quantity: capped(deps, other.quantity + line.quantity) }, { transaction });
    await line.destroy({ transaction });
  });
