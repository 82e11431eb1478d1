import request from 'supertest';
import { createApp } from '../../app';
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

type Line = { productId: number; quantity: number };

describe('concurrent writes', () => {
  test('many shoppers adding at once neither deadlock nor collide', async () => {
    const products = await Promise.all([1, 2, 3].map(() => createCartProduct(deps)));
    const guests = Array.from({ length: 8 }, (_, i) =>
      request(app)
        .post('/api/cart/items')
        .send({ productId: products[i % 3]!.id, quantity: 1 }),
    );
    const users = await Promise.all([1, 2, 3, 4].map(() => createTestUser(deps)));
    const signedIn = users.flatMap((u) =>
      products.map((p) =>
        request(app).post('/api/cart/items').set(u.auth).send({ productId: p.id, quantity: 2 }),
      ),
    );
    const results = await Promise.all([...guests, ...signedIn]);
    expect(results.map((r) => r.status)).toEqual(results.map(() => 200));
    for (const user of users) {
      const cart = await request(app).get('/api/cart').set(user.auth);
      expect(cart.body.items.map((l: Line) => [l.productId, l.quantity]).sort()).toEqual(
        products.map((p) => [p.id, 2]).sort(),
      );
    }
  });

  test('concurrent adds of one product to one cart all count', async () => {
    const product = await createCartProduct(deps);
    const first = await request(app).post('/api/cart/items').send({ productId: product.id, quantity: 1 });
    const token: string = first.body.token;
    const adds = await Promise.all(
      Array.from({ length: 6 }, () =>
        request(app)
          .post('/api/cart/items')
          .set('Cart-Token', token)
          .send({ productId: product.id, quantity: 2 }),
      ),
    );
    expect(adds.map((r) => r.status)).toEqual(adds.map(() => 200));
    const cart = await request(app).get('/api/cart').set('Cart-Token', token);
    expect(cart.body.items).toMatchObject([{ productId: product.id, quantity: 13 }]);
  });
});
