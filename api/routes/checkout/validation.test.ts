import { randomUUID } from 'node:crypto';
import request from 'supertest';
import { createTestUser } from '../../testing/users';
import {
  address,
  checkoutAsGuest,
  createStockedProduct,
  guestCart,
  orderRowCounts,
  useOrderApp,
} from '../../testing/order-app';

const ctx = useOrderApp();

const counts = () => orderRowCounts(ctx);

async function expectRefused(
  send: () => request.Test | Promise<request.Response>,
  status: number,
  code: string,
) {
  const before = await counts();
  const res = await send();
  expect(res.status).toBe(status);
  expect(res.headers['content-type']).toMatch(/application\/problem\+json/);
  const codes = [res.body.code, ...(res.body.errors ?? []).map((e: { code: string }) => e.code)];
  expect(codes).toContain(code);
  expect(await counts()).toEqual(before);
}

test('a guest without a cart, or with an empty one, gets 422 cart_empty', async () => {
  await expectRefused(
    () =>
      request(ctx.app)
        .post('/api/checkout')
        .set('Idempotency-Key', randomUUID())
        .send({ shippingAddress: address, email: 'guest@example.com' }),
    422,
    'cart_empty',
  );
  const product = await createStockedProduct(ctx, 5);
  const token = await guestCart(ctx, [{ productId: product.id, quantity: 1 }]);
  const cart = await request(ctx.app).get('/api/cart').set('Cart-Token', token).expect(200);
  await request(ctx.app)
    .delete(`/api/cart/items/${cart.body.items[0].id}`)
    .set('Cart-Token', token)
    .expect(200);
  await expectRefused(() => checkoutAsGuest(ctx, token), 422, 'cart_empty');
});

test('a signed-in customer with an empty cart gets 422 cart_empty', async () => {
  const user = await createTestUser(ctx.deps);
  await expectRefused(
    () =>
      request(ctx.app)
        .post('/api/checkout')
        .set({ ...user.auth, 'Idempotency-Key': randomUUID() })
        .send({ shippingAddress: address }),
    422,
    'cart_empty',
  );
});

test('bad addresses, unknown fields and a guest without email are 422s', async () => {
  const product = await createStockedProduct(ctx, 5);
  const token = await guestCart(ctx, [{ productId: product.id, quantity: 1 }]);
  await expectRefused(
    () => checkoutAsGuest(ctx, token, randomUUID(), { shippingAddress: { ...address, country: 'Germany' } }),
    422,
    'invalid_format',
  );
  await expectRefused(
    () => checkoutAsGuest(ctx, token, randomUUID(), { shippingAddress: { ...address, city: '' } }),
    422,
    'too_small',
  );
  await expectRefused(
    () => checkoutAsGuest(ctx, token, randomUUID(), { coupon: 'FREE' }),
    422,
    'unrecognized_keys',
  );
  await expectRefused(() => checkoutAsGuest(ctx, token, randomUUID(), { email: undefined }), 422, 'required');
});

test('a cart holding an archived product is refused with 409 and nothing held', async () => {
  const product = await createStockedProduct(ctx, 5);
  const token = await guestCart(ctx, [{ productId: product.id, quantity: 1 }]);
  await product.update({ status: 'archived' });
  await expectRefused(() => checkoutAsGuest(ctx, token), 409, 'cart_has_unavailable_items');
});

test('not enough stock: 409 out_of_stock naming the product, no order, nothing held, the cart kept', async () => {
  const product = await createStockedProduct(ctx, 3);
  const token = await guestCart(ctx, [{ productId: product.id, quantity: 3 }]);
  await ctx.deps.db.models.Inventory.update({ onHand: 2 }, { where: { productId: product.id } });
  const orders = await ctx.deps.db.models.Order.count();
  const res = await checkoutAsGuest(ctx, token);
  expect(res.status).toBe(409);
  expect(res.body).toMatchObject({ code: 'out_of_stock', productIds: [product.id] });
  // Sold out with nothing in flight: refused before any workflow, so no order was written.
  expect(res.body.orderId).toBeUndefined();
  expect(await ctx.deps.db.models.Order.count()).toBe(orders);
  const inventory = await ctx.deps.db.models.Inventory.findByPk(product.id);
  expect(inventory).toMatchObject({ onHand: 2, reserved: 0 });
  const cart = await request(ctx.app).get('/api/cart').set('Cart-Token', token).expect(200);
  expect(cart.body.items).toHaveLength(1);
});
