import request from 'supertest';
import { createApp } from '../../app';
import { createTestDeps, type TestDeps } from '../../testing/deps';
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

type Line = { id: number; productId: number; quantity: number; warning: string | null };

/** A new guest cart with these products and quantities; returns the token and the response. */
async function cartWith(lines: [number, number][]) {
  let token: string | undefined;
  let res: request.Response | undefined;
  for (const [productId, quantity] of lines) {
    const req = request(app).post('/api/cart/items');
    if (token) req.set('Cart-Token', token);
    res = await req.send({ productId, quantity });
    expect(res.status).toBe(200);
    token = res.body.token;
  }
  return { token: token!, res: res! };
}

describe('totals', () => {
  test('flat shipping below the threshold, free from it; tax by country on subtotal plus shipping', async () => {
    const product = await createCartProduct(deps, { priceAmount: 2_499 });
    const { token, res } = await cartWith([[product.id, 2]]);
    // 4998 < 5000: flat shipping; default rate 0 %.
    expect(res.body.totals).toEqual({
      subtotalAmount: 4_998,
      shippingAmount: 499,
      taxAmount: 0,
      totalAmount: 5_497,
      currency: 'EUR',
      taxRateBps: 0,
      country: null,
    });
    const germany = await request(app).get('/api/cart').query({ country: 'DE' }).set('Cart-Token', token);
    // (4998 + 499) * 19 % = 1044.43 → 1044
    expect(germany.body.totals).toMatchObject({ taxRateBps: 1_900, taxAmount: 1_044, totalAmount: 6_541 });
    expect(germany.body.totals.country).toBe('DE');
    const france = await request(app).get('/api/cart').query({ country: 'FR' }).set('Cart-Token', token);
    expect(france.body.totals).toMatchObject({ taxRateBps: 0, taxAmount: 0, country: 'FR' });

    const lineId = res.body.items[0].id;
    const more = await request(app)
      .patch(`/api/cart/items/${lineId}`)
      .query({ country: 'US' })
      .set('Cart-Token', token)
      .send({ quantity: 3 });
    // 7497 ≥ 5000: free shipping; 7497 * 7.25 % = 543.53 → 544
    expect(more.body.totals).toMatchObject({
      subtotalAmount: 7_497,
      shippingAmount: 0,
      taxRateBps: 725,
      taxAmount: 544,
      totalAmount: 8_041,
    });
  });

  test('prices are the product’s current price, never a stored one', async () => {
    const product = await createCartProduct(deps, { priceAmount: 1_000 });
    const { token } = await cartWith([[product.id, 2]]);
    await product.update({ priceAmount: 1_500 });
    const res = await request(app).get('/api/cart').set('Cart-Token', token);
    expect(res.body.items[0]).toMatchObject({ unitPriceAmount: 1_500, lineTotalAmount: 3_000 });
    expect(res.body.totals.subtotalAmount).toBe(3_000);
  });
});

describe('stock warnings', () => {
  test('insufficient, out of stock and no stock row; the lines still count in the total', async () => {
    const plenty = await createCartProduct(deps, { priceAmount: 100, stock: 10 });
    const scarce = await createCartProduct(deps, { priceAmount: 200, stock: 2, reserved: 3 });
    const reservedAway = await createCartProduct(deps, { priceAmount: 300, stock: 0, reserved: 4 });
    const untracked = await createCartProduct(deps, { priceAmount: 400, stock: null });
    const { res } = await cartWith([
      [plenty.id, 10],
      [scarce.id, 3],
      [reservedAway.id, 1],
      [untracked.id, 1],
    ]);
    const byProduct = new Map(res.body.items.map((l: Line & { available: number }) => [l.productId, l]));
    expect(byProduct.get(plenty.id)).toMatchObject({ available: 10, warning: null });
    expect(byProduct.get(scarce.id)).toMatchObject({ available: 2, warning: 'insufficient_stock' });
    expect(byProduct.get(reservedAway.id)).toMatchObject({ available: 0, warning: 'out_of_stock' });
    expect(byProduct.get(untracked.id)).toMatchObject({ available: 0, warning: 'out_of_stock' });
    expect(res.body.warnings).toEqual([
      {
        itemId: expect.any(Number),
        productId: scarce.id,
        code: 'insufficient_stock',
        message: 'Only 2 of Cart Product in stock.',
      },
      {
        itemId: expect.any(Number),
        productId: reservedAway.id,
        code: 'out_of_stock',
        message: expect.any(String),
      },
      {
        itemId: expect.any(Number),
        productId: untracked.id,
        code: 'out_of_stock',
        message: expect.any(String),
      },
    ]);
    expect(res.body.totals.subtotalAmount).toBe(1_000 + 600 + 300 + 400);
  });

  test('a product archived after it was added is unavailable and left out of the totals', async () => {
    const kept = await createCartProduct(deps, { priceAmount: 1_000 });
    const gone = await createCartProduct(deps, { priceAmount: 9_000 });
    const { token } = await cartWith([
      [kept.id, 1],
      [gone.id, 1],
    ]);
    await gone.update({ status: 'archived' });
    const res = await request(app).get('/api/cart').set('Cart-Token', token);
    const line = res.body.items.find((l: Line) => l.productId === gone.id);
    expect(line).toMatchObject({ warning: 'unavailable', lineTotalAmount: 9_000 });
    expect(res.body.warnings).toEqual([
      {
        itemId: line.id,
        productId: gone.id,
        code: 'unavailable',
        message: expect.stringContaining('no longer'),
      },
    ]);
    expect(res.body.totals).toMatchObject({ subtotalAmount: 1_000, shippingAmount: 499, totalAmount: 1_499 });
  });
});

describe('save for later', () => {
  test('a line moves to saved and back; saved lines are not in the totals', async () => {
    const a = await createCartProduct(deps, { priceAmount: 1_000 });
    const b = await createCartProduct(deps, { priceAmount: 2_000 });
    const { token, res } = await cartWith([
      [a.id, 1],
      [b.id, 2],
    ]);
    const lineB = res.body.items.find((l: Line) => l.productId === b.id);
    const saved = await request(app)
      .post(`/api/cart/items/${lineB.id}/save-for-later`)
      .set('Cart-Token', token);
    expect(saved.status).toBe(200);
    expect(saved.body.items.map((l: Line) => l.productId)).toEqual([a.id]);
    expect(saved.body.saved).toEqual([
      {
        id: lineB.id,
        productId: b.id,
        slug: b.slug,
        title: 'Cart Product',
        imageUrl: null,
        unitPriceAmount: 2_000,
        quantity: 2,
        available: 50,
        warning: null,
      },
    ]);
    expect(saved.body.totals.subtotalAmount).toBe(1_000);

    const back = await request(app).post(`/api/cart/saved/${lineB.id}/move-to-cart`).set('Cart-Token', token);
    expect(back.status).toBe(200);
    expect(back.body.saved).toEqual([]);
    expect(back.body.items.find((l: Line) => l.productId === b.id)).toMatchObject({
      id: lineB.id,
      quantity: 2,
    });
    expect(back.body.totals.subtotalAmount).toBe(5_000);
  });

  test('moving onto a line of the same product merges the quantities (capped at 99); DELETE removes saved', async () => {
    const product = await createCartProduct(deps);
    const { token, res } = await cartWith([[product.id, 60]]);
    const first = res.body.items[0].id;
    await request(app).post(`/api/cart/items/${first}/save-for-later`).set('Cart-Token', token);
    const readded = await request(app)
      .post('/api/cart/items')
      .set('Cart-Token', token)
      .send({ productId: product.id, quantity: 50 });
    const second = readded.body.items[0].id;
    expect(readded.body.saved.map((l: Line) => l.quantity)).toEqual([60]);

    const merged = await request(app)
      .post(`/api/cart/items/${second}/save-for-later`)
      .set('Cart-Token', token);
    expect(merged.body.items).toEqual([]);
    expect(merged.body.saved).toMatchObject([{ id: first, quantity: 99 }]);
    expect(await deps.db.models.CartItem.count({ where: { id: second } })).toBe(0);

    const removed = await request(app).delete(`/api/cart/saved/${first}`).set('Cart-Token', token);
    expect(removed.status).toBe(200);
    expect(removed.body.saved).toEqual([]);
    expect(await deps.db.models.CartItem.count({ where: { cartId: removed.body.id } })).toBe(0);
  });
});

describe('images', () => {
  test('a line shows the product’s first image as a URL', async () => {
    const product = await createCartProduct(deps);
    for (const [position, name] of [
      [1, 'side'],
      [0, 'front'],
    ] as const) {
      await deps.db.models.ProductImage.create({
        productId: product.id,
        storageKey: `products/${product.slug}/${name}.jpg`,
        contentType: 'image/jpeg',
        position,
      });
    }
    const { res } = await cartWith([[product.id, 1]]);
    expect(res.body.items[0].imageUrl).toContain(`products/${product.slug}/front.jpg`);
  });
});
