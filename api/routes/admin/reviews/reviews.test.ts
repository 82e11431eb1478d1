import request from 'supertest';
import type { ReviewStatus } from '@market/db';
import { catalogGeneration } from '../../../services/catalog-cache';
import { type AdminApp, useAdminApp } from '../../../testing/admin-app';
import type { TestDeps } from '../../../testing/deps';
import { createTestUser, type TestUser } from '../../../testing/users';
import { createTestProduct } from '../products/testing';

const suite = useAdminApp();
let deps: TestDeps;
let app: AdminApp['app'];
let admin: TestUser;
beforeAll(() => ({ deps, app, admin } = suite));

async function review(productId: number, rating: number, status: ReviewStatus = 'pending') {
  const { user } = await createTestUser(deps);
  return deps.db.models.Review.create({ productId, userId: user.id, rating, body: 'Words', status });
}
const moderate = (id: number, verb: 'approve' | 'reject') =>
  request(app).post(`/api/admin/reviews/${id}/${verb}`).set(admin.auth);
const rating = async (productId: number) => {
  const product = (await deps.db.models.Product.findByPk(productId))!;
  return [product.ratingAverage, product.ratingCount];
};

describe('moderation keeps the product rating in step', () => {
  test('approving counts a review; rejecting an approved one takes it out again', async () => {
    const product = await createTestProduct(deps);
    const [r5, r4, r2] = [
      await review(product.id, 5),
      await review(product.id, 4),
      await review(product.id, 2),
    ];

    const g0 = await catalogGeneration(deps.cache);
    const res = await moderate(r5.id, 'approve');
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ id: r5.id, status: 'approved', rating: 5, productId: product.id });
    expect(await rating(product.id)).toEqual([500, 1]);
    expect(await catalogGeneration(deps.cache)).not.toBe(g0);

    await moderate(r4.id, 'approve');
    await moderate(r2.id, 'approve');
    expect(await rating(product.id)).toEqual([367, 3]); // 11 / 3 = 3.666… → 3.67

    expect((await moderate(r5.id, 'reject')).body.status).toBe('rejected');
    expect(await rating(product.id)).toEqual([300, 2]);
    await moderate(r4.id, 'reject');
    await moderate(r2.id, 'reject');
    expect(await rating(product.id)).toEqual([0, 0]);
  });

  test('repeating a moderation changes nothing and leaves the caches alone', async () => {
    const product = await createTestProduct(deps);
    const r = await review(product.id, 3);
    await moderate(r.id, 'approve');
    const g = await catalogGeneration(deps.cache);
    expect((await moderate(r.id, 'approve')).status).toBe(200);
    expect(await rating(product.id)).toEqual([300, 1]);
    expect(await catalogGeneration(deps.cache)).toBe(g);
  });

  test('rejecting a pending review leaves the rating as it was', async () => {
    const product = await createTestProduct(deps);
    await review(product.id, 4, 'approved');
    const pending = await review(product.id, 1);
    await moderate((await review(product.id, 2)).id, 'approve'); // recomputed: 4 and 2
    expect((await moderate(pending.id, 'reject')).status).toBe(200);
    expect(await rating(product.id)).toEqual([300, 2]);
  });

  test('concurrent approvals of one product all count', async () => {
    const product = await createTestProduct(deps);
    const reviews = await Promise.all([5, 4, 4, 3, 1].map((stars) => review(product.id, stars)));
    const results = await Promise.all(reviews.map((r) => moderate(r.id, 'approve')));
    expect(results.map((r) => r.status)).toEqual([200, 200, 200, 200, 200]);
    expect(await rating(product.id)).toEqual([340, 5]);
  });

  test('PUT with status does the same (react-admin edit / bulk update); other fields are ignored', async () => {
    const product = await createTestProduct(deps);
    const r = await review(product.id, 4);
    const shown = (await request(app).get(`/api/admin/reviews/${r.id}`).set(admin.auth)).body;
    const res = await request(app)
      .put(`/api/admin/reviews/${r.id}`)
      .set(admin.auth)
      .send({ ...shown, status: 'approved', rating: 1, body: 'Edited' });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ status: 'approved', rating: 4, body: 'Words' });
    expect(await rating(product.id)).toEqual([400, 1]);
    const bad = await request(app).put(`/api/admin/reviews/${r.id}`).set(admin.auth).send({ status: 'spam' });
    expect(bad.status).toBe(422);
  });

  test('404 for a missing review', async () => {
    expect((await moderate(999_999_999, 'approve')).status).toBe(404);
    expect((await moderate(999_999_999, 'reject')).status).toBe(404);
  });
});

describe('GET /api/admin/reviews', () => {
  test('the moderation queue: filter by status and product, oldest first', async () => {
    const product = await createTestProduct(deps);
    const first = await review(product.id, 5);
    const second = await review(product.id, 3);
    await review(product.id, 4, 'approved');
    const res = await request(app)
      .get('/api/admin/reviews')
      .query({
        filter: JSON.stringify({ status: 'pending', productId: product.id }),
        sort: '["createdAt","ASC"]',
        range: '[0,24]',
      })
      .set(admin.auth);
    expect(res.status).toBe(200);
    expect(res.body.map((r: { id: number }) => r.id)).toEqual([first.id, second.id]);
    expect(res.headers['content-range']).toBe('reviews 0-1/2');
    const bad = await request(app)
      .get('/api/admin/reviews')
      .query({ filter: '{"status":"spam"}' })
      .set(admin.auth);
    expect(bad.status).toBe(422);
  });
});
