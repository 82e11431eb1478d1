import type { Request } from 'express';
import { Op } from 'sequelize';
import type { OrderInput } from '@market/workflows/definitions';
import type { AppDeps } from '../../deps';
import { BadRequestError, ConflictError, idempotencyKeyReused, ValidationError } from '../../errors';
import { rateLimited } from '../../openapi/document';
import { defineRoute } from '../../openapi/route';
import type { Actor } from '../../policies';
import { loadOrderRecord, presentOrder } from '../../presenters/order';
import { type CartOwner, cartOwnerOf, cartTokenOf, findCart, priceCart } from '../../services/cart';
import { resolveCart } from '../cart/commands';
import { startOrder } from '../../services/order-workflows';
import { canonicalJson, orderNumberFor, sha256 } from './identity';
import { admitCheckout } from './admission';
import { checkoutLimit } from './limits';
import { outOfStock } from './out-of-stock';
import { checkoutBody, checkoutResultSchema, IDEMPOTENCY_KEY } from './schema';

function idempotencyKeyOf(req: Request): string {
  const key = req.get('idempotency-key');
  if (!key) {
    throw new BadRequestError(
      'Checkout needs an Idempotency-Key header (a UUID per checkout attempt), so a retry never orders twice.',
      'idempotency_key_required',
    );
  }
  if (!IDEMPOTENCY_KEY.test(key)) {
    throw new BadRequestError(
      'The Idempotency-Key must be 8–128 letters, digits or -_.: characters.',
      'idempotency_key_invalid',
    );
  }
  return key;
}

const scopeOf = (owner: CartOwner) =>
  'userId' in owner ? `user:${owner.userId}` : `guest:${owner.guestTokenHash}`;

/** The order's result as the API answers it: 409 when stock ran out, the order and its payment otherwise. */
async function answer(deps: AppDeps, number: string) {
  const order = await deps.db.models.Order.findOne({ where: { number } });
  if (!order) throw new Error(`order ${number} was started but is not in the database`);
  if (order.status === 'failed' && order.failureReason === 'out_of_stock')
    throw await outOfStock(deps, order);
  const record = await loadOrderRecord(deps, order);
  const presented = presentOrder(record);
  return { order: presented, payment: presented.payment };
}

/** Builds the workflow input from the caller's cart, refusing what cannot be ordered. */
async function orderInputFrom(
  deps: AppDeps,
  owner: CartOwner,
  actor: Actor | null,
  body: { shippingAddress: OrderInput['shippingAddress']; email?: string | undefined },
  ids: { scopedKey: string; number: string; requestHash: string },
): Promise<{ input: OrderInput; cartId: number; available: Map<number, number> }> {
  const cart = await findCart(deps, owner);
  const priced = await priceCart(deps, cart, body.shippingAddress.country);
  if (!cart || priced.items.length === 0) {
    throw new ValidationError([{ path: 'cart', code: 'cart_empty', message: 'The cart has no items' }]);
  }
  const unavailable = priced.items.filter((line) => line.warning === 'unavailable');
  if (unavailable.length) {
    throw new ConflictError(
      `Remove the items that are no longer sold first: ${unavailable.map((l) => l.title).join(', ')}.`,
      'cart_has_unavailable_items',
    );
  }
  const email = actor ? actor.email : body.email;
  if (!email) {
    throw new ValidationError([
      { path: 'body.email', code: 'required', message: 'Guests must give an email' },
    ]);
  }
  const { totals } = priced;
  return {
    cartId: cart.id,
    available: new Map(priced.items.map((line) => [line.productId, line.available])),
    input: {
      number: ids.number,
      userId: actor?.id ?? null,
      email,
      guestTokenHash: 'guestTokenHash' in owner ? owner.guestTokenHash : null,
      idempotencyKey: ids.scopedKey,
      requestHash: ids.requestHash,
      currency: priced.currency,
      lines: priced.items.map((line) => ({
        productId: line.productId,
        title: line.title,
        unitPriceAmount: line.unitPriceAmount,
        quantity: line.quantity,
        lineTotalAmount: line.lineTotalAmount,
      })),
      subtotalAmount: totals.subtotalAmount,
      shippingAmount: totals.shippingAmount,
      taxAmount: totals.taxAmount,
      totalAmount: totals.totalAmount,
      shippingAddress: body.shippingAddress,
      // A guest's hold is short: anyone can place one without an account (GUEST_PAYMENT_TIMEOUT_MINUTES).
      paymentTimeoutSeconds:
        (actor
          ? deps.config.checkout.paymentTimeoutMinutes
          : deps.config.checkout.guestPaymentTimeoutMinutes) * 60,
      refundWindowDays: deps.config.fulfilment.refundWindowDays,
    },
  };
}

export const checkout = defineRoute({
  method: 'post',
  access: 'guest-or-user',
  path: '/api/checkout',
  summary: 'Place an order from the cart: reserve its stock and start its payment',
  description:
    'Requires an `Idempotency-Key` header. Starts the order workflow and answers once the stock is reserved and ' +
    'the payment exists (then pay with POST /api/orders/{id}/pay). The same key again — even concurrently — ' +
    'answers with the same order; the same key with another body is a 422. Guests send their `Cart-Token` and ' +
    'an email. Limited to CHECKOUT_RATE_LIMIT_PER_MINUTE per client IP and a quarter of it per cart (429).',
  tags: ['Orders'],
  status: 201,
  idempotencyKey: 'required',
  before: checkoutLimit,
  request: { body: checkoutBody },
  responses: {
    201: { description: 'The order, awaiting payment, and its payment', schema: checkoutResultSchema },
    429: rateLimited,
    400: { description: 'idempotency_key_required or idempotency_key_invalid' },
    401: { description: 'A bearer token was sent but is not valid' },
    409: { description: 'out_of_stock (the order failed, nothing is held) or cart_has_unavailable_items' },
    422: { description: 'cart_empty, a bad address, a missing guest email, or idempotency_key_reused' },
  },
  handler: async ({ input, deps, actor, req, res }) => {
    const key = idempotencyKeyOf(req);
    const owner = cartOwnerOf(req, actor);
    if (!owner) {
      throw new ValidationError([{ path: 'cart', code: 'cart_empty', message: 'The cart has no items' }]);
    }
    const scopedKey = `${scopeOf(owner)}:${key}`;
    const requestHash = sha256(canonicalJson(input.body));
    const number = orderNumberFor(scopedKey);

    const existing = await deps.db.models.Order.findOne({ where: { idempotencyKey: scopedKey } });
    if (existing && existing.requestHash !== requestHash) {
      throw idempotencyKeyReused('This Idempotency-Key was already used for a different checkout request.');
    }
    let cartId: number | null = null;
    let orderInput: OrderInput | null = null;
    let available = new Map<number, number>();
    const token = cartTokenOf(req);
    // Signed in with a guest cart still in hand: it joins the account's cart first, as GET /api/cart would do.
    if (!existing && actor && token) await resolveCart(deps, { actor, token });
    if (!existing) {
      const built = await orderInputFrom(deps, owner, actor, input.body, {
        scopedKey,
        number,
        requestHash,
      }).catch(async (err: unknown) => {
        // A concurrent request with this key may have emptied the cart after placing the order: join it.
        if (await deps.db.models.Order.findOne({ where: { idempotencyKey: scopedKey } })) return null;
        throw err;
      });
      cartId = built?.cartId ?? null;
      orderInput = built?.input ?? null;
      available = built?.available ?? available;
    }
    // A crowd for the last units: only as many workflows as there are units to sell (services/stock-gate.ts).
    const admission = orderInput ? await admitCheckout(deps, orderInput.lines, available) : null;
    const state = await startOrder(deps, orderInput, number, requestHash).finally(() => admission?.release());
    if (state && state.phase !== 'failed' && cartId !== null && orderInput) {
      // Placed: the ordered lines leave the cart (saved-for-later lines stay).
      await deps.db.models.CartItem.destroy({
        where: {
          cartId,
          savedForLater: false,
          productId: { [Op.in]: orderInput.lines.map((l) => l.productId) },
        },
      });
    }
    const result = await answer(deps, number);
    // A replay of a finished checkout is 200, as the first answer was 201.
    if (existing) res.status(200).json(result);
    return existing ? undefined : result;
  },
});

export const checkoutRoutes = [checkout];
