import request from 'supertest';
import { createApp } from '../../app';
import { hashCartToken } from '../../services/cart';
import { createTestDeps, type TestDeps } from '../../testing/deps';
import { createTestUser } from '../../testing/users';
import { CART_TEST_ENV, createCartProduct } from './testing';

let deps: TestDeps;
let app: ReturnType<typeof createApp>;

beforeAll(async () => {
  deps = await createTestDeps(CART_TEST_ENV);
  app = createApp(deps);
});
afterAll(async () => {
  await deps.close();
});

type Line = { id: number; productId: number; quantity: number };
const quantities = (lines: Line[]) => lines.map((l) => [l.productId, l.quantity]);

describe('guest cart', () => {
  test('no token: an empty cart and no row; the first add creates the cart and its token', async () => {
    const before = await deps.db.models.Cart.count();
    const empty = await request(app).get('/api/cart');
    expect(empty.status).toBe(200);
    expect(empty.headers['cart-token']).toBeUndefined();
    expect(empty.headers['cache-control']).toBe('no-store');
    expect(empty.body).toEqual({
      id: null,
      currency: 'EUR',
      items: [],
      saved: [],
      totals: {
        subtotalAmount: 0,
        shippingAmount: 0,
        taxAmount: 0,
        totalAmount: 0,
        currency: 'EUR',
        taxRateBps: 0,
        country: null,
      },
      warnings: [],
    });
    expect(await deps.db.models.Cart.count()).toBe(before);

    const product = await createCartProduct(deps, { priceAmount: 1_250 });
    const added = await request(app).post('/api/cart/items').send({ productId: product.id, quantity: 2 });
    expect(added.status).toBe(200);
    const token: string = added.body.token;
    expect(token).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(added.headers['cart-token']).toBe(token);
    expect(added.body.items).toEqual([
      {
        id: expect.any(Number),
        productId: product.id,
        slug: product.slug,
        title: 'Cart Product',
        imageUrl: null,
        unitPriceAmount: 1_250,
        quantity: 2,
        lineTotalAmount: 2_500,
        available: 50,
        warning: null,
      },
    ]);
    expect(added.body.totals).toMatchObject({
      subtotalAmount: 2_500,
      shippingAmount: 499,
      totalAmount: 2_999,
    });

    // Only the hash is stored.
    const row = await deps.db.models.Cart.findByPk(added.body.id);
    expect(row!.guestToken).toBe(hashCartToken(token));
    expect(row!.guestToken).not.toContain(token);
    expect(row!.userId).toBeNull();

    const again = await request(app).get('/api/cart').set('Cart-Token', token);
    expect(again.body).toMatchObject({ id: added.body.id, token });
    expect(again.headers['cart-token']).toBe(token);
    expect(quantities(again.body.items)).toEqual([[product.id, 2]]);
  });

  test('adding the same product again adds to its line; PATCH sets, DELETE removes', async () => {
    const product = await createCartProduct(deps);
    const first = await request(app).post('/api/cart/items').send({ productId: product.id, quantity: 3 });
    const token: string = first.body.token;
    const more = await request(app)
      .post('/api/cart/items')
      .set('Cart-Token', token)
      .send({ productId: product.id, quantity: 4 });
    expect(more.body.token).toBe(token);
    expect(more.body.items).toHaveLength(1);
    const lineId: number = more.body.items[0].id;
    expect(more.body.items[0].quantity).toBe(7);

    const patched = await request(app)
      .patch(`/api/cart/items/${lineId}`)
      .set('Cart-Token', token)
      .send({ quantity: 99 });
    expect(patched.status).toBe(200);
    expect(patched.body.items[0]).toMatchObject({ id: lineId, quantity: 99 });

    const removed = await request(app).delete(`/api/cart/items/${lineId}`).set('Cart-Token', token);
    expect(removed.status).toBe(200);
    expect(removed.body).toMatchObject({ id: first.body.id, token, items: [] });
    expect(await deps.db.models.CartItem.count({ where: { cartId: first.body.id } })).toBe(0);
  });

  test('an unknown or malformed token reads as an empty cart; a write with one starts a new cart', async () => {
    for (const token of ['A'.repeat(43), 'not a token', 'x'.repeat(5_000)]) {
      const res = await request(app).get('/api/cart').set('Cart-Token', token);
      expect(res.status).toBe(200);
      expect(res.body).toMatchObject({ id: null, items: [] });
      expect(res.body).not.toHaveProperty('token');
    }
    const product = await createCartProduct(deps);
    const stale = 'B'.repeat(43);
    const res = await request(app)
      .post('/api/cart/items')
      .set('Cart-Token', stale)
      .send({ productId: product.id, quantity: 1 });
    expect(res.status).toBe(200);
    expect(res.body.token).not.toBe(stale);
    expect(await deps.db.models.Cart.count({ where: { guestToken: hashCartToken(stale) } })).toBe(0);
    expect(await deps.db.models.Cart.count({ where: { guestToken: hashCartToken(res.body.token) } })).toBe(1);
  });
});

describe('signed-in cart', () => {
  test('the user’s cart is created on first add, one per user, and never carries a token', async () => {
    const shopper = await createTestUser(deps);
    const product = await createCartProduct(deps);
    const empty = await request(app).get('/api/cart').set(shopper.auth);
    expect(empty.body.id).toBeNull();
    expect(await deps.db.models.Cart.count({ where: { userId: shopper.user.id } })).toBe(0);

    // Two first adds at once: one cart, both units counted.
    const adds = await Promise.all(
      [1, 2].map(() =>
        request(app).post('/api/cart/items').set(shopper.auth).send({ productId: product.id, quantity: 1 }),
      ),
    );
    expect(adds.map((r) => r.status)).toEqual([200, 200]);
    expect(adds[0]!.headers['cart-token']).toBeUndefined();
    expect(adds[0]!.body).not.toHaveProperty('token');
    expect(await deps.db.models.Cart.count({ where: { userId: shopper.user.id } })).toBe(1);
    const cart = await request(app).get('/api/cart').set(shopper.auth);
    expect(quantities(cart.body.items)).toEqual([[product.id, 2]]);
  });

  test('a bad bearer token is a 401, not a guest cart', async () => {
    const res = await request(app).get('/api/cart').set('Authorization', 'Bearer nope');
    expect(res.status).toBe(401);
  });
});

describe('merge on sign-in', () => {
  test('the guest cart joins the user’s: quantities summed and capped, saved lines merged, guest cart gone', async () => {
    const shopper = await createTestUser(deps);
    const [shared, guestOnly, savedBoth, userOnly] = await Promise.all(
      [1, 2, 3, 4].map(() => createCartProduct(deps)),
    );
    const add = (auth: Record<string, string>, productId: number, quantity: number, token?: string) => {
      const req = request(app).post('/api/cart/items').set(auth);
      if (token) req.set('Cart-Token', token);
      return req.send({ productId, quantity });
    };
    await add(shopper.auth, shared!.id, 60);
    await add(shopper.auth, userOnly!.id, 1);
    const userSaved = await add(shopper.auth, savedBoth!.id, 2);
    const userSavedLine = userSaved.body.items.find((l: Line) => l.productId === savedBoth!.id);
    await request(app).post(`/api/cart/items/${userSavedLine.id}/save-for-later`).set(shopper.auth);

    const guest = await add({}, shared!.id, 50);
    const token: string = guest.body.token;
    await add({}, guestOnly!.id, 3, token);
    const guestSaved = await add({}, savedBoth!.id, 5, token);
    const guestSavedLine = guestSaved.body.items.find((l: Line) => l.productId === savedBoth!.id);
    await request(app).post(`/api/cart/items/${guestSavedLine.id}/save-for-later`).set('Cart-Token', token);

    const merged = await request(app).get('/api/cart').set(shopper.auth).set('Cart-Token', token);
    expect(merged.status).toBe(200);
    expect(merged.headers['cart-token']).toBeUndefined();
    expect(merged.body).not.toHaveProperty('token');
    const userCart = await deps.db.models.Cart.findOne({ where: { userId: shopper.user.id } });
    expect(merged.body.id).toBe(userCart!.id);
    expect(quantities(merged.body.items).sort()).toEqual(
      [
        [shared!.id, 99],
        [userOnly!.id, 1],
        [guestOnly!.id, 3],
      ].sort(),
    );
    expect(quantities(merged.body.saved)).toEqual([[savedBoth!.id, 7]]);
    expect(await deps.db.models.Cart.count({ where: { id: guest.body.id } })).toBe(0);
    expect(await deps.db.models.CartItem.count({ where: { cartId: guest.body.id } })).toBe(0);

    // The same token again finds nothing to merge.
    const again = await request(app).get('/api/cart').set(shopper.auth).set('Cart-Token', token);
    expect(again.body).toEqual(merged.body);
    // …and as a guest it is now just an unknown token.
    expect((await request(app).get('/api/cart').set('Cart-Token', token)).body.id).toBeNull();
  });

  test('a guest cart merges into a user who has no cart yet, also on a write', async () => {
    const shopper = await createTestUser(deps);
    const [a, b] = await Promise.all([createCartProduct(deps), createCartProduct(deps)]);
    const guest = await request(app).post('/api/cart/items').send({ productId: a!.id, quantity: 2 });
    const res = await request(app)
      .post('/api/cart/items')
      .set(shopper.auth)
      .set('Cart-Token', guest.body.token)
      .send({ productId: b!.id, quantity: 1 });
    expect(res.status).toBe(200);
    expect(res.body).not.toHaveProperty('token');
    expect(quantities(res.body.items)).toEqual([
      [a!.id, 2],
      [b!.id, 1],
    ]);
    expect(await deps.db.models.Cart.count({ where: { id: guest.body.id } })).toBe(0);
  });
});
