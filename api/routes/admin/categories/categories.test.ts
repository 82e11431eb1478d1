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

const create = (body: object) => request(app).post('/api/admin/categories').set(admin.auth).send(body);
const put = (id: number, body: object) =>
  request(app).put(`/api/admin/categories/${id}`).set(admin.auth).send(body);
const make = async (parentId: number | null = null, name = 'Category') =>
  (await create({ slug: uniqueSlug('c'), name, parentId })).body as { id: number; slug: string };

describe('categories CRUD', () => {
  test('create, get, list children, update, delete; each write bumps the catalog generation', async () => {
    const g0 = await catalogGeneration(deps.cache);
    const root = await create({ slug: uniqueSlug('c'), name: 'Furniture' });
    expect(root.status).toBe(201);
    expect(root.body).toMatchObject({ name: 'Furniture', parentId: null, position: 0 });
    const g1 = await catalogGeneration(deps.cache);
    expect(g1).not.toBe(g0);

    const b = await make(root.body.id, 'Beds');
    const a = await make(root.body.id, 'Armchairs');
    const children = await request(app)
      .get('/api/admin/categories')
      .query({ filter: JSON.stringify({ parentId: root.body.id }), sort: '["name","ASC"]' })
      .set(admin.auth);
    expect(children.body.map((c: { id: number }) => c.id)).toEqual([a.id, b.id]);
    expect(children.headers['content-range']).toBe('categories 0-1/2');

    const shown = (await request(app).get(`/api/admin/categories/${a.id}`).set(admin.auth)).body;
    const renamed = await put(a.id, { ...shown, name: 'Chairs', position: 2 });
    expect(renamed.status).toBe(200);
    expect(renamed.body).toMatchObject({ name: 'Chairs', position: 2, parentId: root.body.id });
    expect(await catalogGeneration(deps.cache)).not.toBe(g1);

    const product = await createTestProduct(deps);
    await product.update({ categoryId: b.id });
    const deleted = await request(app).delete(`/api/admin/categories/${b.id}`).set(admin.auth);
    expect(deleted.status).toBe(200);
    expect(deleted.body.id).toBe(b.id);
    await product.reload();
    expect(product.categoryId).toBeNull(); // the product stays, without a category
    expect((await request(app).get(`/api/admin/categories/${b.id}`).set(admin.auth)).status).toBe(404);
  });

  test('a slug in use is a 409 on create and on update', async () => {
    const first = await make();
    const dup = await create({ slug: first.slug, name: 'Again' });
    expect(dup.status).toBe(409);
    expect(dup.body.code).toBe('duplicate');
    const other = await make();
    expect((await put(other.id, { slug: first.slug })).status).toBe(409);
  });

  test('deleting a category with subcategories is a 409 and deletes nothing', async () => {
    const parent = await make();
    const child = await make(parent.id);
    const res = await request(app).delete(`/api/admin/categories/${parent.id}`).set(admin.auth);
    expect(res.status).toBe(409);
    expect(res.body.code).toBe('category_has_children');
    expect(await deps.db.models.Category.count({ where: { id: [parent.id, child.id] } })).toBe(2);
  });

  test.each([
    ['a missing parent', { parentId: 999_999_999 }, 'body.parentId'],
    ['a negative position', { position: -1 }, 'body.position'],
    ['an upper-case slug', { slug: 'Chairs' }, 'body.slug'],
    ['an unknown field', { products: [] }, 'body.products'],
  ])('%s is a 422', async (_name, overrides, path) => {
    const res = await create({ slug: uniqueSlug('c'), name: 'X', ...overrides });
    expect(res.status).toBe(422);
    expect(res.body.errors.map((e: { path: string }) => e.path)).toContain(path);
  });
});

describe('no cycles in the category tree', () => {
  test('a category cannot become its own parent', async () => {
    const c = await make();
    const res = await put(c.id, { parentId: c.id });
    expect(res.status).toBe(422);
    expect(res.body.errors[0]).toMatchObject({ path: 'body.parentId', code: 'category_cycle' });
  });

  test('a category cannot move under its own descendant; nothing changes', async () => {
    const a = await make();
    const b = await make(a.id);
    const c = await make(b.id);
    const res = await put(a.id, { parentId: c.id, name: 'Moved' });
    expect(res.status).toBe(422);
    expect(res.body.errors[0].code).toBe('category_cycle');
    const now = await deps.db.models.Category.findByPk(a.id);
    expect(now).toMatchObject({ parentId: null, name: 'Category' });
  });

  test('moving to another branch, and back to the top level, is fine', async () => {
    const a = await make();
    const b = await make();
    const c = await make(a.id);
    expect((await put(c.id, { parentId: b.id })).body.parentId).toBe(b.id);
    expect((await put(c.id, { parentId: null })).body.parentId).toBeNull();
  });

  test('two opposite concurrent moves never both commit a loop', async () => {
    const a = await make();
    const b = await make();
    const results = await Promise.all([put(a.id, { parentId: b.id }), put(b.id, { parentId: a.id })]);
    expect(results.map((r) => r.status).sort()).toEqual([200, 422]);
    const [na, nb] = [
      await deps.db.models.Category.findByPk(a.id),
      await deps.db.models.Category.findByPk(b.id),
    ];
    expect(na!.parentId === b.id && nb!.parentId === a.id).toBe(false);
  });
});
