import request from 'supertest';
import { catalogGeneration } from '../../../services/catalog-cache';
import { type AdminApp, useAdminApp } from '../../../testing/admin-app';
import type { TestDeps } from '../../../testing/deps';
import type { TestUser } from '../../../testing/users';
import { PRODUCT_SORT_FIELDS } from './schema';
import { uniqueSlug } from './testing';

const suite = useAdminApp();
let deps: TestDeps;
let app: AdminApp['app'];
let admin: TestUser;
beforeAll(() => ({ deps, app, admin } = suite));

const create = (body: object) => request(app).post('/api/admin/products').set(admin.auth).send(body);
const put = (id: number, body: object) =>
  request(app).put(`/api/admin/products/${id}`).set(admin.auth).send(body);
const list = (query: Record<string, unknown>) =>
  request(app)
    .get('/api/admin/products')
    .query(Object.fromEntries(Object.entries(query).map(([k, v]) => [k, JSON.stringify(v)])))
    .set(admin.auth);
const productBody = (overrides: object = {}) => ({
  slug: uniqueSlug(),
  title: 'Walnut desk',
  priceAmount: 24_900,
  currency: 'EUR',
  ...overrides,
});

async function makeTag() {
  return deps.db.models.Tag.create({ slug: uniqueSlug('t'), name: 'Tag' });
}

describe('POST /api/admin/products', () => {
  test('creates the product, its tags, stock row and opening ledger row, and bumps the catalog generation', async () => {
    const category = await deps.db.models.Category.create({ slug: uniqueSlug('c'), name: 'Desks' });
    const [t1, t2] = [await makeTag(), await makeTag()];
    const before = await catalogGeneration(deps.cache);
    const res = await create(
      productBody({ categoryId: category.id, tagIds: [t2.id, t1.id], onHand: 7, status: 'active' }),
    );
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({
      title: 'Walnut desk',
      priceAmount: 24_900,
      currency: 'EUR',
      status: 'active',
      categoryId: category.id,
      tagIds: [t1.id, t2.id].sort((a, b) => a - b),
      onHand: 7,
      reserved: 0,
      available: 7,
      lowStockThreshold: 5,
      ratingAverage: 0,
      ratingCount: 0,
    });
    expect(await catalogGeneration(deps.cache)).not.toBe(before);
    const movements = await deps.db.models.StockMovement.findAll({ where: { productId: res.body.id } });
    expect(movements.map((m) => [m.delta, m.reason, m.actorUserId])).toEqual([[7, 'restock', admin.user.id]]);
  });

  test('defaults: draft, no category, no tags, no stock and no ledger row', async () => {
    const res = await create(productBody());
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({
      status: 'draft',
      categoryId: null,
      tagIds: [],
      onHand: 0,
      description: '',
    });
    expect(await deps.db.models.StockMovement.count({ where: { productId: res.body.id } })).toBe(0);
  });

  test('a slug in use is a 409 and writes nothing', async () => {
    const slug = uniqueSlug();
    expect((await create(productBody({ slug }))).status).toBe(201);
    const res = await create(productBody({ slug, title: 'Second' }));
    expect(res.status).toBe(409);
    expect(res.headers['content-type']).toMatch(/application\/problem\+json/);
    expect(res.body.code).toBe('duplicate');
    expect(await deps.db.models.Product.count({ where: { slug } })).toBe(1);
  });

  test.each([
    ['a negative price', { priceAmount: -1 }, 'body.priceAmount'],
    ['a fractional price', { priceAmount: 9.99 }, 'body.priceAmount'],
    ['a price as a string', { priceAmount: '100' }, 'body.priceAmount'],
    [
      'a price above the bound (totals must stay safe integers)',
      { priceAmount: 10_000_000_001 },
      'body.priceAmount',
    ],
    ['a price near the largest safe integer', { priceAmount: Number.MAX_SAFE_INTEGER }, 'body.priceAmount'],
    ['negative stock', { onHand: -5 }, 'body.onHand'],
    ['a lower-case currency', { currency: 'eur' }, 'body.currency'],
    ['a slug with spaces', { slug: 'Walnut Desk' }, 'body.slug'],
    ['an unknown status', { status: 'deleted' }, 'body.status'],
    ['an unknown field', { ratingAverage: 500 }, 'body.ratingAverage'],
    ['a category that does not exist', { categoryId: 999_999_999 }, 'body.categoryId'],
    ['a tag that does not exist', { tagIds: [999_999_999] }, 'body.tagIds'],
  ])('%s is a 422 naming the field and writes nothing', async (_name, overrides, path) => {
    const body = productBody(overrides);
    const res = await create(body);
    expect(res.status).toBe(422);
    expect(res.body.errors.map((e: { path: string }) => e.path)).toContain(path);
    expect(await deps.db.models.Product.count({ where: { slug: body.slug } })).toBe(0);
  });
});

describe('GET /api/admin/products', () => {
  test('filters by q, status, category and tag; sorts, pages and sets Content-Range', async () => {
    const word = uniqueSlug('w');
    const category = await deps.db.models.Category.create({ slug: uniqueSlug('c'), name: 'Lamps' });
    const tag = await makeTag();
    const a = (await create(productBody({ title: `${word} A`, priceAmount: 300, status: 'active' }))).body;
    const b = (
      await create(
        productBody({ title: `${word} B`, priceAmount: 100, categoryId: category.id, tagIds: [tag.id] }),
      )
    ).body;
    const c = (await create(productBody({ title: `Other ${word.toUpperCase()}`, priceAmount: 200 }))).body;
    await create(productBody({ title: 'Unrelated' }));

    const all = await list({ filter: { q: word }, sort: ['priceAmount', 'ASC'], range: [0, 24] });
    expect(all.status).toBe(200);
    expect(all.body.map((p: { id: number }) => p.id)).toEqual([b.id, c.id, a.id]);
    expect(all.headers['content-range']).toBe('products 0-2/3');

    const page = await list({ filter: { q: word }, sort: ['priceAmount', 'DESC'], range: [1, 1] });
    expect(page.body.map((p: { id: number }) => p.id)).toEqual([c.id]);
    expect(page.headers['content-range']).toBe('products 1-1/3');

    expect(
      (await list({ filter: { q: word, status: 'active' } })).body.map((p: { id: number }) => p.id),
    ).toEqual([a.id]);
    const inCategory = await list({ filter: { categoryId: category.id } });
    expect(inCategory.body.map((p: { id: number }) => p.id)).toEqual([b.id]);
    const tagged = await list({ filter: { tagId: tag.id } });
    expect(tagged.body.map((p: { id: number }) => p.id)).toEqual([b.id]);
    expect(tagged.body[0].tagIds).toEqual([tag.id]);

    const many = await list({ filter: { id: [a.id, String(c.id)] } });
    expect(many.body.map((p: { id: number }) => p.id)).toEqual([a.id, c.id]);
  });

  test("carries the first image's small thumbnail, so a list needs no request per row", async () => {
    const word = uniqueSlug('thumb');
    const pictured = (await create(productBody({ title: `${word} pictured` }))).body;
    const bare = (await create(productBody({ title: `${word} bare` }))).body;
    for (const [position, name] of [
      [1, 'second'],
      [0, 'first'],
    ] as const) {
      await deps.db.models.ProductImage.create({
        productId: pictured.id,
        storageKey: `products/${pictured.id}/${name}/original`,
        contentType: 'image/png',
        position,
      });
    }
    const res = await list({ filter: { q: word }, sort: ['id', 'ASC'] });
    const byId = new Map(res.body.map((p: { id: number; thumbnail: string | null }) => [p.id, p.thumbnail]));
    expect(byId.get(pictured.id)).toMatch(new RegExp(`products/${pictured.id}/first/thumb-200\\.webp`));
    expect(byId.get(bare.id)).toBeNull();
    const one = await request(app).get(`/api/admin/products/${pictured.id}`).set(admin.auth);
    expect(one.body.thumbnail).toMatch(new RegExp(`products/${pictured.id}/first/thumb-200\\.webp`));
  });

  test('sorts on every allowed field', async () => {
    for (const field of PRODUCT_SORT_FIELDS) {
      const res = await list({ sort: [field, 'DESC'], range: [0, 4] });
      expect(res.status).toBe(200);
    }
  });

  test.each([
    ['an unknown filter', { filter: '{"price":1}' }, 'query.filter.price'],
    ['an unknown status', { filter: '{"status":"gone"}' }, 'query.filter.status'],
    ['a sort off the allow-list', { sort: '["description","ASC"]' }, 'query.sort.0'],
  ])('%s is a 422', async (_name, query, path) => {
    const res = await request(app).get('/api/admin/products').query(query).set(admin.auth);
    expect(res.status).toBe(422);
    expect(res.body.errors.map((e: { path: string }) => e.path)).toContain(path);
  });
});

describe('GET /api/admin/products/:id', () => {
  test('answers the product; 404 for a missing one', async () => {
    const made = (await create(productBody())).body;
    const res = await request(app).get(`/api/admin/products/${made.id}`).set(admin.auth);
    expect(res.status).toBe(200);
    expect(res.body).toEqual(made);
    expect((await request(app).get('/api/admin/products/999999999').set(admin.auth)).status).toBe(404);
  });
});

describe('PUT /api/admin/products/:id', () => {
  test('accepts the whole record, changes only writable fields, replaces tags, bumps the generation', async () => {
    const [t1, t2] = [await makeTag(), await makeTag()];
    const made = (await create(productBody({ tagIds: [t1.id], onHand: 3 }))).body;
    const before = await catalogGeneration(deps.cache);
    const res = await put(made.id, {
      ...made,
      title: 'Oak desk',
      priceAmount: 19_900,
      status: 'active',
      tagIds: [t2.id],
      onHand: 1000, // ignored: stock moves through adjustments
      ratingAverage: 500, // ignored: reviews own it
      createdAt: '2000-01-01T00:00:00.000Z',
    });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({
      id: made.id,
      title: 'Oak desk',
      priceAmount: 19_900,
      status: 'active',
      tagIds: [t2.id],
      onHand: 3,
      ratingAverage: 0,
      createdAt: made.createdAt,
    });
    expect(await catalogGeneration(deps.cache)).not.toBe(before);
  });

  test('only the changed fields (updateMany), tags untouched when not sent', async () => {
    const tag = await makeTag();
    const made = (await create(productBody({ tagIds: [tag.id] }))).body;
    const res = await put(made.id, { status: 'active' });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ status: 'active', title: made.title, tagIds: [tag.id] });
  });

  test('a slug taken by another product is a 409 and changes nothing (tags included)', async () => {
    const [t1, t2] = [await makeTag(), await makeTag()];
    const other = (await create(productBody())).body;
    const made = (await create(productBody({ tagIds: [t1.id] }))).body;
    const res = await put(made.id, { slug: other.slug, title: 'Renamed', tagIds: [t2.id] });
    expect(res.status).toBe(409);
    expect(res.body.code).toBe('duplicate');
    const now = (await request(app).get(`/api/admin/products/${made.id}`).set(admin.auth)).body;
    expect(now).toMatchObject({ slug: made.slug, title: made.title, tagIds: [t1.id] });
  });

  test.each([
    ['a negative price', { priceAmount: -100 }, 'body.priceAmount'],
    ['another id', { id: 999_999_998 }, 'body.id'],
    ['an unknown field', { costPrice: 5 }, 'body.costPrice'],
    ['a missing category', { categoryId: 999_999_999 }, 'body.categoryId'],
  ])('%s is a 422 and changes nothing', async (_name, body, path) => {
    const made = (await create(productBody())).body;
    const res = await put(made.id, body);
    expect(res.status).toBe(422);
    expect(res.body.errors.map((e: { path: string }) => e.path)).toContain(path);
    const now = await deps.db.models.Product.findByPk(made.id);
    expect(Number(now!.priceAmount)).toBe(made.priceAmount);
    expect(now!.categoryId).toBeNull();
  });

  test('404 for a missing product', async () => {
    expect((await put(999_999_999, { title: 'Nobody' })).status).toBe(404);
  });
});

describe('DELETE /api/admin/products/:id', () => {
  test('archives (soft delete), answers the record, and can be undone with PUT', async () => {
    const made = (await create(productBody({ status: 'active', onHand: 2 }))).body;
    const before = await catalogGeneration(deps.cache);
    const res = await request(app).delete(`/api/admin/products/${made.id}`).set(admin.auth);
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ id: made.id, status: 'archived', onHand: 2 });
    expect(await catalogGeneration(deps.cache)).not.toBe(before);
    expect(await deps.db.models.StockMovement.count({ where: { productId: made.id } })).toBe(1);
    expect((await request(app).delete(`/api/admin/products/${made.id}`).set(admin.auth)).status).toBe(200);
    expect((await put(made.id, { status: 'active' })).body.status).toBe('active');
    expect((await request(app).delete('/api/admin/products/999999999').set(admin.auth)).status).toBe(404);
  });
});

test('the catalog admin routes are in the OpenAPI document', async () => {
  const { paths } = (await request(app).get('/api/openapi.json')).body;
  expect(paths['/api/admin/products'].post.requestBody).toBeDefined();
  expect(paths['/api/admin/products/{id}'].put).toBeDefined();
  expect(paths['/api/admin/categories/{id}'].delete).toBeDefined();
  expect(paths['/api/admin/tags'].get).toBeDefined();
  expect(paths['/api/admin/reviews/{id}/approve'].post).toBeDefined();
  expect(paths['/api/admin/inventory/{id}/adjustments'].post.requestBody).toBeDefined();
  expect(paths['/api/admin/stock-movements'].get).toBeDefined();
});
