import type { Request, Response } from 'express';
import type { AppDeps } from '../../deps';
import { defineRoute, type ResponseSpec } from '../../openapi/route';
import type { Actor } from '../../policies';
import { cartTokenOf, priceCart } from '../../services/cart';
import {
  addItem,
  type CartCaller,
  type CartWrite,
  moveLine,
  removeLine,
  resolveCart,
  setQuantity,
} from './commands';
import { presentCart } from './present';
import { addItemBody, cartQuery, cartSchema, cartTokenHeader, itemParams, setQuantityBody } from './schema';

const tags = ['Cart'];
const cartResponse: ResponseSpec = {
  description: 'The whole cart, priced now (guests: with their token)',
  schema: cartSchema,
  headers: cartTokenHeader,
};
const common = {
  200: cartResponse,
  401: { description: 'A bearer token was sent and is not valid' },
};
const lineResponses = {
  ...common,
  404: { description: 'No such line in the caller’s cart' },
  422: { description: 'A bad id, quantity or country' },
};

const callerOf = (req: Request, actor: Actor | null): CartCaller => ({ actor, token: cartTokenOf(req) });

/** Prices what a command left behind and presents it with the token to keep. */
async function respond(deps: AppDeps, res: Response, write: CartWrite, country: string | undefined) {
  return presentCart(res, await priceCart(deps, write.cart, country ?? null), write.token);
}

export const getCart = defineRoute({
  method: 'get',
  access: 'guest-or-user',
  path: '/api/cart',
  summary: 'The caller’s cart with totals and stock warnings',
  description:
    'Signed in: the user’s cart; a guest Cart-Token sent along is merged into it first (then gone). Guest: the ' +
    'cart of the Cart-Token header; no token, or one that matches no cart, gives an empty cart (id null).',
  tags,
  request: { query: cartQuery },
  responses: { ...common, 422: { description: 'A country that is not an upper-case ISO alpha-2 code' } },
  handler: async ({ input, deps, req, res, actor }) =>
    respond(deps, res, await resolveCart(deps, callerOf(req, actor)), input.query.country),
});

export const addCartItem = defineRoute({
  method: 'post',
  access: 'guest-or-user',
  path: '/api/cart/items',
  summary: 'Add units of a product (to its line if it has one)',
  description:
    'A guest without a cart gets one here, and its token. The line may hold at most 99 units: more is a 422 ' +
    '`quantity_limit`. A product not on sale is `product_unavailable`, one in another currency `currency_mismatch`.',
  tags,
  request: { query: cartQuery, body: addItemBody },
  responses: { ...common, 422: { description: 'Bad quantity or product, or over the per-line maximum' } },
  handler: async ({ input, deps, req, res, actor }) =>
    respond(deps, res, await addItem(deps, callerOf(req, actor), input.body), input.query.country),
});

export const updateCartItem = defineRoute({
  method: 'patch',
  access: 'guest-or-user',
  path: '/api/cart/items/:itemId',
  summary: 'Set a cart line’s quantity',
  tags,
  request: { params: itemParams, query: cartQuery, body: setQuantityBody },
  responses: lineResponses,
  handler: async ({ input, deps, req, res, actor }) => {
    const write = await setQuantity(deps, callerOf(req, actor), input.params.itemId, input.body.quantity);
    return respond(deps, res, write, input.query.country);
  },
});

export const deleteCartItem = defineRoute({
  method: 'delete',
  access: 'guest-or-user',
  path: '/api/cart/items/:itemId',
  summary: 'Remove a cart line',
  tags,
  request: { params: itemParams, query: cartQuery },
  responses: lineResponses,
  handler: async ({ input, deps, req, res, actor }) => {
    const write = await removeLine(deps, callerOf(req, actor), input.params.itemId, false);
    return respond(deps, res, write, input.query.country);
  },
});

export const saveForLater = defineRoute({
  method: 'post',
  access: 'guest-or-user',
  path: '/api/cart/items/:itemId/save-for-later',
  summary: 'Move a cart line to the saved list (joining the product’s saved line if any)',
  tags,
  request: { params: itemParams, query: cartQuery },
  responses: lineResponses,
  handler: async ({ input, deps, req, res, actor }) => {
    const write = await moveLine(deps, callerOf(req, actor), input.params.itemId, true);
    return respond(deps, res, write, input.query.country);
  },
});

export const moveToCart = defineRoute({
  method: 'post',
  access: 'guest-or-user',
  path: '/api/cart/saved/:itemId/move-to-cart',
  summary: 'Move a saved line back into the cart (joining the product’s cart line if any)',
  tags,
  request: { params: itemParams, query: cartQuery },
  responses: lineResponses,
  handler: async ({ input, deps, req, res, actor }) => {
    const write = await moveLine(deps, callerOf(req, actor), input.params.itemId, false);
    return respond(deps, res, write, input.query.country);
  },
});

export const deleteSavedItem = defineRoute({
  method: 'delete',
  access: 'guest-or-user',
  path: '/api/cart/saved/:itemId',
  summary: 'Remove a saved line',
  tags,
  request: { params: itemParams, query: cartQuery },
  responses: lineResponses,
  handler: async ({ input, deps, req, res, actor }) => {
    const write = await removeLine(deps, callerOf(req, actor), input.params.itemId, true);
    return respond(deps, res, write, input.query.country);
  },
});

export const cartRoutes = [
  getCart,
  addCartItem,
  updateCartItem,
  deleteCartItem,
  saveForLater,
  moveToCart,
  deleteSavedItem,
];
