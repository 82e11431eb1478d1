import request from 'supertest';
import { catalogGeneration } from '../../../services/catalog-cache';
import { type AdminApp, useAdminApp } from '../../../testing/admin-app';
import type { TestDeps } from '../../../testing/deps';
import type { TestUser } from '../../../testing/users';
import { createTestProduct, uniqueSlug } from '../products/testing';

const suite = useAdminApp();
let deps: TestDeps;
let app: AdminApp['app'];
let admin: TestUser;
beforeAll(() => ({ deps, app, admin } = suite));

const create = (body: object) => request(app).post('/api/admin/tags').set(admin.auth).send(body);

describe('tags CRUD', () => {
  test('create, list by q, get, rename, delete (untagging products); writes bump the generation', async () => {
    const word = uniqueSlug('w');
    const g0 = await catalogGeneration(deps.cache);
    const res = await create({ slug: `${word}-oak`, name: 'Oak' });
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({ slug: `${word}-oak`, name: 'Oak' });
    expect(await catalogGeneration(deps.cache)).not.toBe(g0);
    await create({ slug: `${word}-ash`, name: 'Ash' });

    const listed = await request(app)
      .get('/api/admin/tags')
      .query({ filter: JSON.stringify({ q: word }), sort: '["name","ASC"]', range: '[0,9]' })
      .set(admin.auth);
    expect(listed.body.map((t: { name: string }) => t.name)).toEqual(['Ash', 'Oak']);
    expect(listed.headers['content-range']).toBe('tags 0-1/2');

    const id = res.body.id as number;
    const shown = (await request(app).get(`/api/admin/tags/${id}`).set(admin.auth)).body;
    const renamed = await request(app)
      .put(`/api/admin/tags/${id}`)
      .set(admin.auth)
      .send({ ...shown, name: 'Solid oak' });
    expect(renamed.status).toBe(200);
    expect(renamed.body.name).toBe('Solid oak');

    const product = await createTestProduct(deps);
    await deps.db.models.ProductTag.create({ productId: product.id, tagId: id });
    const g1 = await catalogGeneration(deps.cache);
    const deleted = await request(app).delete(`/api/admin/tags/${id}`).set(admin.auth);
    expect(deleted.status).toBe(200);
    expect(deleted.body.id).toBe(id);
    expect(await deps.db.models.ProductTag.count({ where: { productId: product.id } })).toBe(0);
    expect(await catalogGeneration(deps.cache)).not.toBe(g1);
    expect((await request(app).get(`/api/admin/tags/${id}`).set(admin.auth)).status).toBe(404);
  });

  test('a slug in use is a 409; a bad slug or unknown field a 422', async () => {
    const slug = uniqueSlug('t');
    expect((await create({ slug, name: 'One' })).status).toBe(201);
    const dup = await create({ slug, name: 'Two' });
    expect(dup.status).toBe(409);
    expect(dup.body.code).toBe('duplicate');
    expect((await create({ slug: 'has space', name: 'X' })).status).toBe(422);
    expect((await create({ slug: uniqueSlug('t'), name: 'X', color: 'red' })).status).toBe(422);
    expect(
      (await request(app).put('/api/admin/tags/999999999').set(admin.auth).send({ name: 'N' })).status,
    ).toBe(404);
  });
});
