import request from 'supertest';
import { createApp } from '../../app';
import { createTestDeps, type TestDeps } from '../../testing/deps';
import { createTestUser } from '../../testing/users';
import { CART_TEST_ENV, cartRowCounts, createCartProduct } from './testing';

// The caps come from the configuration (CART_MAX_LINES, CART_MAX_QUANTITY): small ones here.
let deps: TestDeps;
let app: ReturnType<typeof createApp>;

beforeAll(async () => {
  deps = await createTestDeps({ ...CART_TEST_ENV, CART_MAX_LINES: '2', CART_MAX_QUANTITY: '5' });
  app = createApp(deps);
});
afterAll(async () => {
  await deps.close();
});

type Line = { id: number; productId: number; quantity: number };
const quantities = (lines: Line[]) => lines.map((l) => [l.productId, l.quantity]).sort();

const add = (headers: Record<string, string>, productId: number, quantity: number) =>
  request(app).post('/api/cart/items').set(headers).send({ productId, quantity });

function expectCode(res: request.Response, path: string, code: string) {
  expect(res.status).toBe(422);
  expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
  expect(res.body.errors[0]).toMatchObject({ path, code });
}

test('a line holds at most CART_MAX_QUANTITY units, on add and on set, writing nothing beyond', async () => {
  const product = await createCartProduct(deps);
  const before = await cartRowCounts(deps);
  expectCode(await add({}, product.id, 6), 'body.quantity', 'quantity_limit');
  expect(await cartRowCounts(deps)).toEqual(before);

  const first = await add({}, product.id, 4);
  const token = { 'Cart-Token': first.body.token as string };
  expectCode(await add(token, product.id, 2), 'body.quantity', 'quantity_limit');
  const lineId = first.body.items[0].id as number;
  const set = await request(app).patch(`/api/cart/items/${lineId}`).set(token).send({ quantity: 6 });
  expectCode(set, 'body.quantity', 'quantity_limit');
  expect((await deps.db.models.CartItem.findByPk(lineId))!.quantity).toBe(4);
  expect((await add(token, product.id, 1)).body.items[0].quantity).toBe(5);
});

test('the schema ceiling (999) is a validation error whatever the configuration', async () => {
  const product = await createCartProduct(deps);
  const res = await add({}, product.id, 1000);
  expect(res.status).toBe(422);
  expect(res.body.code).toBe('validation_failed');
});

test('a saved item cannot move into a full cart; a product already in it can', async () => {
  const [a, b, c] = await Promise.all([1, 2, 3].map(() => createCartProduct(deps)));
  const first = await add({}, c!.id, 1);
  const token = { 'Cart-Token': first.body.token as string };
  const saved = first.body.items[0].id as number;
  await request(app).post(`/api/cart/items/${saved}/save-for-later`).set(token).expect(200);
  await add(token, a!.id, 1).expect(200);
  await add(token, b!.id, 1).expect(200);
  expectCode(await add(token, c!.id, 1), 'body.productId', 'cart_full');

  const moved = await request(app).post(`/api/cart/saved/${saved}/move-to-cart`).set(token);
  expectCode(moved, 'params.itemId', 'cart_full');
  const cart = await request(app).get('/api/cart').set(token);
  expect(quantities(cart.body.items)).toEqual(
    quantities([...[a!, b!].map((p) => ({ id: 0, productId: p.id, quantity: 1 }))]),
  );
  expect(quantities(cart.body.saved)).toEqual([[c!.id, 1]]);

  // A line of a product the cart already holds joins it (capped), so it fits.
  const bLine = cart.body.items.find((l: Line) => l.productId === b!.id) as Line;
  await request(app).post(`/api/cart/items/${bLine.id}/save-for-later`).set(token).expect(200);
  await add(token, b!.id, 4).expect(200);
  const savedB = (await request(app).get('/api/cart').set(token)).body.saved.find(
    (l: Line) => l.productId === b!.id,
  ) as Line;
  const back = await request(app).post(`/api/cart/saved/${savedB.id}/move-to-cart`).set(token);
  expect(back.status).toBe(200);
  expect(quantities(back.body.items)).toEqual(
    [
      [a!.id, 1],
      [b!.id, 5],
    ].sort(),
  );
});

test('signing in with a guest cart that would overflow the user’s saves the extra lines for later', async () => {
  const shopper = await createTestUser(deps);
  const [mine, shared, extra] = await Promise.all([1, 2, 3].map(() => createCartProduct(deps)));
  await add(shopper.auth, mine!.id, 1).expect(200);
  const guest = await add({}, shared!.id, 3);
  const token = guest.body.token as string;
  await add({ 'Cart-Token': token }, extra!.id, 2).expect(200);

  const merged = await request(app).get('/api/cart').set(shopper.auth).set('Cart-Token', token);
  expect(merged.status).toBe(200);
  expect(merged.body.items).toHaveLength(2);
  expect(merged.body.saved).toHaveLength(1);
  const all = quantities([...merged.body.items, ...merged.body.saved]);
  expect(all).toEqual(
    [
      [mine!.id, 1],
      [shared!.id, 3],
      [extra!.id, 2],
    ].sort(),
  );
  expect(merged.body.items.map((l: Line) => l.productId)).toContain(mine!.id);
});
