import request from 'supertest';
import { createApp } from '../../app';
import { createTestDeps, type TestDeps } from '../../testing/deps';
import { createTestUser } from '../../testing/users';
import { CART_TEST_ENV, cartRowCounts, createCartProduct } from './testing';

let deps: TestDeps;
let app: ReturnType<typeof createApp>;

beforeAll(async () => {
  deps = await createTestDeps(CART_TEST_ENV);
  app = createApp(deps);
});
afterAll(async () => {
  await deps.close();
});

const expectProblem = (res: request.Response, status: number) => {
  expect(res.status).toBe(status);
  expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
};

/** A guest cart holding one line of a fresh product; returns its token and line id. */
async function guestCart(quantity = 1) {
  const product = await createCartProduct(deps);
  const res = await request(app).post('/api/cart/items').send({ productId: product.id, quantity });
  return { token: res.body.token as string, lineId: res.body.items[0].id as number, product };
}

describe('bad input is a 422 that writes nothing', () => {
  test('quantities and product ids that are not integers in range', async () => {
    const product = await createCartProduct(deps);
    const { token } = await guestCart();
    const shopper = await createTestUser(deps);
    const bodies: unknown[] = [
      { productId: product.id, quantity: 0 },
      { productId: product.id, quantity: -1 },
      { productId: product.id, quantity: 1.5 },
      { productId: product.id, quantity: 1e9 },
      { productId: product.id, quantity: 100 },
      { productId: product.id, quantity: '2' },
      { productId: String(product.id), quantity: 1 },
      { productId: 0, quantity: 1 },
      { productId: product.id },
      { productId: product.id, quantity: 1, priceAmount: 1 },
    ];
    for (const headers of [{}, { 'Cart-Token': token }, shopper.auth]) {
      const before = await cartRowCounts(deps);
      for (const body of bodies) {
        const res = await request(app)
          .post('/api/cart/items')
          .set(headers)
          .send(body as object);
        expectProblem(res, 422);
        expect(res.body.code).toBe('validation_failed');
      }
      expect(await cartRowCounts(deps)).toEqual(before);
    }
  });

  test('unknown, draft and archived products are product_unavailable; another currency currency_mismatch', async () => {
    const { token } = await guestCart();
    const shopper = await createTestUser(deps);
    const draft = await createCartProduct(deps);
    await draft.update({ status: 'draft' });
    const archived = await createCartProduct(deps);
    await archived.update({ status: 'archived' });
    const dollars = await createCartProduct(deps, { currency: 'USD' });
    const cases: [number, string][] = [
      [2_000_000_000, 'product_unavailable'],
      [draft.id, 'product_unavailable'],
      [archived.id, 'product_unavailable'],
      [dollars.id, 'currency_mismatch'],
    ];
    for (const headers of [{}, { 'Cart-Token': token }, { 'Cart-Token': 'C'.repeat(43) }, shopper.auth]) {
      const before = await cartRowCounts(deps);
      for (const [productId, code] of cases) {
        const res = await request(app).post('/api/cart/items').set(headers).send({ productId, quantity: 1 });
        expectProblem(res, 422);
        expect(res.body.errors).toEqual([{ path: 'body.productId', code, message: expect.any(String) }]);
      }
      // Neither a guest cart nor a user cart was created for a rejected add.
      expect(await cartRowCounts(deps)).toEqual(before);
    }
  });

  test('adding beyond 99 units to a line is quantity_limit and leaves the line as it was', async () => {
    const { token, lineId, product } = await guestCart(90);
    const before = await cartRowCounts(deps);
    const res = await request(app)
      .post('/api/cart/items')
      .set('Cart-Token', token)
      .send({ productId: product.id, quantity: 10 });
    expectProblem(res, 422);
    expect(res.body.errors[0]).toMatchObject({ path: 'body.quantity', code: 'quantity_limit' });
    expect(await cartRowCounts(deps)).toEqual(before);
    expect((await deps.db.models.CartItem.findByPk(lineId))!.quantity).toBe(90);
    const upTo = await request(app)
      .post('/api/cart/items')
      .set('Cart-Token', token)
      .send({ productId: product.id, quantity: 9 });
    expect(upTo.body.items[0].quantity).toBe(99);
  });

  test('a product beyond the 100 lines a cart holds is cart_full; more units of a product already in it are not', async () => {
    const MAX_CART_LINES = deps.config.cart.maxLines;
    expect(MAX_CART_LINES).toBe(100);
    const products = await Promise.all(
      Array.from({ length: MAX_CART_LINES + 1 }, () => createCartProduct(deps)),
    );
    const first = await request(app)
      .post('/api/cart/items')
      .send({ productId: products[0]!.id, quantity: 1 });
    const token = first.body.token as string;
    for (const product of products.slice(1, MAX_CART_LINES)) {
      const res = await request(app)
        .post('/api/cart/items')
        .set('Cart-Token', token)
        .send({ productId: product.id, quantity: 1 });
      expect(res.status).toBe(200);
    }
    const before = await cartRowCounts(deps);
    const full = await request(app)
      .post('/api/cart/items')
      .set('Cart-Token', token)
      .send({ productId: products[MAX_CART_LINES]!.id, quantity: 1 });
    expectProblem(full, 422);
    expect(full.body.errors[0]).toMatchObject({ path: 'body.productId', code: 'cart_full' });
    expect(await cartRowCounts(deps)).toEqual(before);
    const more = await request(app)
      .post('/api/cart/items')
      .set('Cart-Token', token)
      .send({ productId: products[0]!.id, quantity: 2 });
    expect(more.status).toBe(200);
  });

  test('a price above the bound (written straight to the database) makes its line unavailable, not a 500', async () => {
    const { token, product } = await guestCart(99);
    const other = await createCartProduct(deps, { priceAmount: 1_000 });
    await request(app)
      .post('/api/cart/items')
      .set('Cart-Token', token)
      .send({ productId: other.id, quantity: 2 });
    await product.update({ priceAmount: Number.MAX_SAFE_INTEGER });
    const res = await request(app).get('/api/cart').set('Cart-Token', token);
    expect(res.status).toBe(200);
    const line = res.body.items.find((item: { productId: number }) => item.productId === product.id);
    expect(line).toMatchObject({ warning: 'unavailable', lineTotalAmount: 0 });
    expect(res.body.totals.subtotalAmount).toBe(2_000);
    expect(Number.isSafeInteger(res.body.totals.totalAmount)).toBe(true);
  });

  test('PATCH with a bad quantity, bad ids and bad countries', async () => {
    const { token, lineId } = await guestCart(3);
    const before = await cartRowCounts(deps);
    for (const quantity of [0, -1, 1.5, 1e9, 100, '5', null]) {
      const res = await request(app)
        .patch(`/api/cart/items/${lineId}`)
        .set('Cart-Token', token)
        .send({ quantity });
      expectProblem(res, 422);
    }
    for (const id of ['abc', '0', '-1', '1.5', '99999999999']) {
      expectProblem(await request(app).delete(`/api/cart/items/${id}`).set('Cart-Token', token), 422);
    }
    for (const country of ['de', 'DEU', 'D', '12']) {
      expectProblem(await request(app).get('/api/cart').query({ country }).set('Cart-Token', token), 422);
    }
    expectProblem(await request(app).get('/api/cart').query({ currency: 'EUR' }), 422);
    expectProblem(
      await request(app)
        .post(`/api/cart/items/${lineId}/save-for-later`)
        .set('Cart-Token', token)
        .send({ x: 1 }),
      422,
    );
    expect(await cartRowCounts(deps)).toEqual(before);
    expect((await deps.db.models.CartItem.findByPk(lineId))!.quantity).toBe(3);
  });
});

describe('another shopper’s line is a 404', () => {
  test('guests and users cannot touch lines outside their own cart', async () => {
    const victim = await guestCart(2);
    const other = await guestCart(1);
    const shopper = await createTestUser(deps);
    const routes = [
      (id: number) => request(app).patch(`/api/cart/items/${id}`).send({ quantity: 5 }),
      (id: number) => request(app).delete(`/api/cart/items/${id}`),
      (id: number) => request(app).post(`/api/cart/items/${id}/save-for-later`),
      (id: number) => request(app).post(`/api/cart/saved/${id}/move-to-cart`),
      (id: number) => request(app).delete(`/api/cart/saved/${id}`),
    ];
    const before = await cartRowCounts(deps);
    for (const call of routes) {
      expectProblem(await call(victim.lineId).set('Cart-Token', other.token), 404);
      expectProblem(await call(victim.lineId), 404);
      expectProblem(await call(victim.lineId).set(shopper.auth), 404);
      expectProblem(await call(2_000_000_000).set('Cart-Token', victim.token), 404);
    }
    expect(await cartRowCounts(deps)).toEqual(before);
    const line = await deps.db.models.CartItem.findByPk(victim.lineId);
    expect([line!.quantity, line!.savedForLater]).toEqual([2, false]);
  });

  test('a cart line is not a saved line and the other way round', async () => {
    const { token, lineId } = await guestCart();
    expectProblem(
      await request(app).post(`/api/cart/saved/${lineId}/move-to-cart`).set('Cart-Token', token),
      404,
    );
    expectProblem(await request(app).delete(`/api/cart/saved/${lineId}`).set('Cart-Token', token), 404);
    await request(app).post(`/api/cart/items/${lineId}/save-for-later`).set('Cart-Token', token);
    expectProblem(
      await request(app).patch(`/api/cart/items/${lineId}`).set('Cart-Token', token).send({ quantity: 2 }),
      404,
    );
    expectProblem(await request(app).delete(`/api/cart/items/${lineId}`).set('Cart-Token', token), 404);
    expect(await deps.db.models.CartItem.count({ where: { id: lineId, savedForLater: true } })).toBe(1);
  });
});
