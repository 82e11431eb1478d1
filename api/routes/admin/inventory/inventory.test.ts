import request from 'supertest';
import { catalogGeneration } from '../../../services/catalog-cache';
import { type AdminApp, useAdminApp } from '../../../testing/admin-app';
import type { TestDeps } from '../../../testing/deps';
import type { TestUser } from '../../../testing/users';
import { createTestProduct } from '../products/testing';

const suite = useAdminApp();
let deps: TestDeps;
let app: AdminApp['app'];
let admin: TestUser;
beforeAll(() => ({ deps, app, admin } = suite));

const adjust = (productId: number, body: object) =>
  request(app).post(`/api/admin/inventory/${productId}/adjustments`).set(admin.auth).send(body);
const stock = async (productId: number) => (await deps.db.models.Inventory.findByPk(productId))!;
const ledger = (productId: number) =>
  deps.db.models.StockMovement.findAll({ where: { productId }, order: [['id', 'ASC']] });
const getJson = (path: string, query: Record<string, unknown>) =>
  request(app)
    .get(path)
    .query(Object.fromEntries(Object.entries(query).map(([k, v]) => [k, JSON.stringify(v)])))
    .set(admin.auth);

describe('POST /api/admin/inventory/:id/adjustments', () => {
  test('changes the stock and writes a ledger row with the actor, then bumps the catalog generation', async () => {
    const product = await createTestProduct(deps, { onHand: 4 });
    const before = await catalogGeneration(deps.cache);
    const res = await adjust(product.id, { delta: 6, reason: 'restock', reference: 'PO-1' });
    expect(res.status).toBe(201);
    expect(res.body.inventory).toMatchObject({ id: product.id, onHand: 10, reserved: 0, available: 10 });
    expect(res.body.movement).toMatchObject({
      productId: product.id,
      delta: 6,
      reason: 'restock',
      reference: 'PO-1',
      actorUserId: admin.user.id,
    });
    expect(await catalogGeneration(deps.cache)).not.toBe(before);

    expect((await adjust(product.id, { delta: -3, reason: 'adjustment' })).status).toBe(201);
    expect((await stock(product.id)).onHand).toBe(7);
    expect((await ledger(product.id)).map((m) => [m.delta, m.reason])).toEqual([
      [6, 'restock'],
      [-3, 'adjustment'],
    ]);
  });

  test('never below zero nor below the reserved units: 409 insufficient_stock, nothing written', async () => {
    const product = await createTestProduct(deps, { onHand: 5, reserved: 3 });
    const before = await catalogGeneration(deps.cache);
    const res = await adjust(product.id, { delta: -3, reason: 'adjustment' });
    expect(res.status).toBe(409);
    expect(res.headers['content-type']).toMatch(/application\/problem\+json/);
    expect(res.body.code).toBe('insufficient_stock');
    expect(await stock(product.id)).toMatchObject({ onHand: 5, reserved: 3 });
    expect(await ledger(product.id)).toEqual([]);
    expect(await catalogGeneration(deps.cache)).toBe(before);
    // Exactly down to the reserved units is fine.
    expect((await adjust(product.id, { delta: -2, reason: 'adjustment' })).status).toBe(201);
    expect((await stock(product.id)).onHand).toBe(3);
  });

  test('20 parallel −1 adjustments on a stock of 10: exactly 10 succeed, stock 0, 10 ledger rows', async () => {
    const product = await createTestProduct(deps, { onHand: 10 });
    const results = await Promise.all(
      Array.from({ length: 20 }, () => adjust(product.id, { delta: -1, reason: 'adjustment' })),
    );
    const statuses = results.map((r) => r.status).sort();
    expect(statuses.filter((s) => s === 201)).toHaveLength(10);
    expect(statuses.filter((s) => s === 409)).toHaveLength(10);
    expect((await stock(product.id)).onHand).toBe(0);
    const rows = await ledger(product.id);
    expect(rows).toHaveLength(10);
    expect(rows.every((m) => m.delta === -1 && m.actorUserId === admin.user.id)).toBe(true);
  });

  test('a product without a stock row yet starts from zero', async () => {
    const product = await createTestProduct(deps);
    await deps.db.models.Inventory.destroy({ where: { productId: product.id } });
    expect((await adjust(product.id, { delta: -1, reason: 'adjustment' })).status).toBe(409);
    const res = await adjust(product.id, { delta: 2, reason: 'restock' });
    expect(res.status).toBe(201);
    expect(res.body.inventory.onHand).toBe(2);
  });

  test.each([
    ['a zero delta', { delta: 0, reason: 'adjustment' }, 'body.delta'],
    ['a fractional delta', { delta: 1.5, reason: 'restock' }, 'body.delta'],
    ['a negative restock', { delta: -1, reason: 'restock' }, 'body.delta'],
    ['a reason kept for orders', { delta: -1, reason: 'sale' }, 'body.reason'],
    ['an unknown field', { delta: 1, reason: 'restock', onHand: 5 }, 'body.onHand'],
  ])('%s is a 422 and writes nothing', async (_name, body, path) => {
    const product = await createTestProduct(deps, { onHand: 5 });
    const res = await adjust(product.id, body);
    expect(res.status).toBe(422);
    expect(res.body.errors.map((e: { path: string }) => e.path)).toContain(path);
    expect((await stock(product.id)).onHand).toBe(5);
    expect(await ledger(product.id)).toEqual([]);
  });

  test('404 for a missing product', async () => {
    expect((await adjust(999_999_999, { delta: 1, reason: 'restock' })).status).toBe(404);
  });
});

describe('GET /api/admin/inventory', () => {
  test('lowStock filter: available (on hand − reserved) at or below the threshold', async () => {
    const title = `inv-${Date.now().toString(36)}`;
    const low = await createTestProduct(deps, { title, onHand: 8, reserved: 4, lowStockThreshold: 4 });
    const ok = await createTestProduct(deps, { title, onHand: 10, reserved: 4, lowStockThreshold: 5 });
    const empty = await createTestProduct(deps, { title, onHand: 0, lowStockThreshold: 0 });

    const lowRes = await getJson('/api/admin/inventory', {
      filter: { q: title, lowStock: true },
      sort: ['id', 'ASC'],
    });
    expect(lowRes.status).toBe(200);
    expect(lowRes.body.map((r: { id: number }) => r.id)).toEqual([low.id, empty.id]);
    expect(lowRes.body[0]).toMatchObject({
      productId: low.id,
      productTitle: title,
      onHand: 8,
      reserved: 4,
      available: 4,
      lowStockThreshold: 4,
      lowStock: true,
    });
    expect(lowRes.headers['content-range']).toBe('inventory 0-1/2');
    const fine = await getJson('/api/admin/inventory', { filter: { q: title, lowStock: false } });
    expect(fine.body.map((r: { id: number }) => r.id)).toEqual([ok.id]);
    const sorted = await getJson('/api/admin/inventory', { filter: { q: title }, sort: ['onHand', 'DESC'] });
    expect(sorted.body.map((r: { id: number }) => r.id)).toEqual([ok.id, low.id, empty.id]);
  });

  test('GET and PUT one record (threshold only; stock figures ignored)', async () => {
    const product = await createTestProduct(deps, { onHand: 3 });
    const shown = (await request(app).get(`/api/admin/inventory/${product.id}`).set(admin.auth)).body;
    expect(shown).toMatchObject({ id: product.id, onHand: 3, lowStock: true });
    const res = await request(app)
      .put(`/api/admin/inventory/${product.id}`)
      .set(admin.auth)
      .send({ ...shown, lowStockThreshold: 1, onHand: 999 });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ onHand: 3, lowStockThreshold: 1, lowStock: false });
    const negative = await request(app)
      .put(`/api/admin/inventory/${product.id}`)
      .set(admin.auth)
      .send({ lowStockThreshold: -1 });
    expect(negative.status).toBe(422);
    expect((await request(app).get('/api/admin/inventory/999999999').set(admin.auth)).status).toBe(404);
  });
});

describe('GET /api/admin/stock-movements', () => {
  test('the ledger of one product, newest first, paged', async () => {
    const product = await createTestProduct(deps);
    await adjust(product.id, { delta: 5, reason: 'restock' });
    await adjust(product.id, { delta: -2, reason: 'adjustment', reference: 'count' });
    await adjust(product.id, { delta: 1, reason: 'return' });
    const res = await getJson('/api/admin/stock-movements', {
      filter: { productId: product.id },
      sort: ['id', 'DESC'],
      range: [0, 1],
    });
    expect(res.status).toBe(200);
    expect(res.body.map((m: { delta: number }) => m.delta)).toEqual([1, -2]);
    expect(res.headers['content-range']).toBe('stock-movements 0-1/3');
    const byReason = await getJson('/api/admin/stock-movements', {
      filter: { productId: product.id, reason: 'adjustment' },
    });
    expect(byReason.body).toEqual([expect.objectContaining({ delta: -2, reference: 'count' })]);
  });
});
