import request from 'supertest';
import { createApp } from '../../app';
import { catalogChanged } from '../../services/catalog-events';
import { createTestDeps, type TestDeps } from '../../testing/deps';
import { createTestUser } from '../../testing/users';
import { recomputeRating } from './ratings';
import { uniqueWord } from './testing';

let deps: TestDeps;
let app: ReturnType<typeof createApp>;

beforeAll(async () => {
  deps = await createTestDeps();
  app = createApp(deps);
});
afterAll(async () => {
  await deps.close();
});

const newProduct = (status: 'active' | 'draft' = 'active') =>
  deps.db.models.Product.create({
    slug: `reviewed-${uniqueWord()}`,
    title: 'Reviewed Product',
    priceAmount: 2_500,
    currency: 'EUR',
    status,
  });

describe('reviews', () => {
  test('a customer reviews once: created pending, hidden until approved, a second review is a 409', async () => {
    const product = await newProduct();
    const customer = await createTestUser(deps, { name: 'Ada Reviewer' });
    const created = await request(app)
      .post(`/api/products/${product.slug}/reviews`)
      .set(customer.auth)
      .send({ rating: 4, title: 'Nice', body: 'Does what it says.' });
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({
      rating: 4,
      title: 'Nice',
      status: 'pending',
      author: 'Ada Reviewer',
    });
    expect(created.body).not.toHaveProperty('userId');

    const hidden = await request(app).get(`/api/products/${product.slug}/reviews`);
    expect(hidden.body).toEqual({ items: [], total: 0, page: 1, pageSize: 20 });

    const again = await request(app)
      .post(`/api/products/${product.slug}/reviews`)
      .set(customer.auth)
      .send({ rating: 1, body: 'Changed my mind.' });
    expect(again.status).toBe(409);
    expect(again.body.code).toBe('review_exists');
    expect(await deps.db.models.Review.count({ where: { productId: product.id } })).toBe(1);

    // A pending review does not touch the aggregates.
    await product.reload();
    expect([product.ratingAverage, product.ratingCount]).toEqual([0, 0]);
  });

  test('approved reviews show, newest first, paged; the rating follows recomputeRating', async () => {
    const product = await newProduct();
    const { Review } = deps.db.models;
    const ratings = [5, 4, 4];
    for (const [i, rating] of ratings.entries()) {
      const user = await createTestUser(deps);
      await Review.create({
        productId: product.id,
        userId: user.user.id,
        rating,
        body: `Review ${i}`,
        status: 'approved',
        createdAt: new Date(Date.UTC(2026, 0, 1 + i)),
      });
    }
    const rejected = await createTestUser(deps);
    await Review.create({
      productId: product.id,
      userId: rejected.user.id,
      rating: 1,
      body: 'No',
      status: 'rejected',
    });

    const page = await request(app).get(`/api/products/${product.slug}/reviews`).query({ pageSize: 2 });
    expect(page.status).toBe(200);
    expect(page.body).toMatchObject({ total: 3, page: 1, pageSize: 2 });
    expect(page.body.items.map((r: { body: string }) => r.body)).toEqual(['Review 2', 'Review 1']);
    const next = await request(app)
      .get(`/api/products/${product.slug}/reviews`)
      .query({ pageSize: 2, page: 2 });
    expect(next.body.items.map((r: { body: string }) => r.body)).toEqual(['Review 0']);

    expect(await recomputeRating(deps.db, product.id)).toEqual({ average: 433, count: 3 });
    await catalogChanged(deps, { productIds: [product.id] });
    const shown = await request(app).get(`/api/products/${product.slug}`);
    expect(shown.body.rating).toEqual({ average: 4.33, count: 3 });
  });

  test('only signed-in customers review; bad bodies are 422; unknown or draft products 404', async () => {
    const product = await newProduct();
    const draft = await newProduct('draft');
    const support = await createTestUser(deps, { role: 'support' });
    const customer = await createTestUser(deps);
    const post = (slug: string) => request(app).post(`/api/products/${slug}/reviews`);

    expect((await post(product.slug).send({ rating: 5, body: 'x' })).status).toBe(401);
    expect((await post(product.slug).set(support.auth).send({ rating: 5, body: 'x' })).status).toBe(403);
    for (const body of [
      { rating: 6, body: 'x' },
      { rating: 0, body: 'x' },
      { rating: 4.5, body: 'x' },
      { rating: 5, body: '' },
      { rating: 5, body: 'x', status: 'approved' },
    ]) {
      const res = await post(product.slug).set(customer.auth).send(body);
      expect(res.status).toBe(422);
      expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
    }
    expect((await post(draft.slug).set(customer.auth).send({ rating: 5, body: 'x' })).status).toBe(404);
    expect((await request(app).get(`/api/products/${draft.slug}/reviews`)).status).toBe(404);
    expect((await request(app).get(`/api/products/${product.slug}/reviews?pageSize=101`)).status).toBe(422);
    expect(await deps.db.models.Review.count({ where: { productId: product.id } })).toBe(0);
  });
});
