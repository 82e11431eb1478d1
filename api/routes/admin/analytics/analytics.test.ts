import type { Express } from 'express';
import request from 'supertest';
import type { Database } from '@market/db';
import { createScratchMysqlDatabase, createSqliteTestDatabase } from '@market/db/testing';
import { createApp } from '../../../app';
import { createTestDeps, type TestDeps } from '../../../testing/deps';
import { createTestUser, type TestUser } from '../../../testing/users';
import { type AnalyticsFixture, RANGE, seedAnalytics } from './testing';

/**
 * Every figure, exactly, on both engines the API runs on: MariaDB (production, tests) and SQLite (`npm start`).
 * Each engine gets a database of its own holding only the fixture (testing.ts), so the figures are the fixture's.
 */

const CURRENCY = 'EUR';

interface Engine {
  db: Database;
  done(): Promise<void>;
}

const engines: [string, () => Promise<Engine>][] = [
  [
    'MariaDB',
    async () => {
      const scratch = await createScratchMysqlDatabase('market_analytics');
      await scratch.db.migrate();
      return { db: scratch.db, done: scratch.drop };
    },
  ],
  [
    'SQLite',
    async () => {
      const db = await createSqliteTestDatabase();
      return { db, done: () => db.close() };
    },
  ],
];

describe.each(engines)('analytics on %s', (_engine, open) => {
  let base: TestDeps;
  let engine: Engine;
  let app: Express;
  let admin: TestUser;
  let support: TestUser;
  let customer: TestUser;
  let fixture: AnalyticsFixture;

  beforeAll(async () => {
    base = await createTestDeps({ SHOP_CURRENCY: CURRENCY });
    engine = await open();
    const deps = { ...base, db: engine.db };
    app = createApp(deps);
    admin = await createTestUser(deps, { role: 'admin' });
    support = await createTestUser(deps, { role: 'support' });
    customer = await createTestUser(deps, { role: 'customer' });
    fixture = await seedAnalytics(engine.db, CURRENCY, new Date());
  }, 60_000);
  afterAll(async () => {
    await engine.done();
    await base.close();
  });

  const get = (path: string, query: Record<string, string | number> = {}, as: TestUser = admin) =>
    request(app).get(`/api/admin/analytics/${path}`).query(query).set(as.auth);

  describe('GET /api/admin/analytics/sales', () => {
    test('revenue per UTC day: revenue statuses in the shop currency, refunds taken off, empty days as zeros', async () => {
      const res = await get('sales', RANGE);
      expect(res.status).toBe(200);
      // 10th: delivered 4500 (3000 + 1000 + 500 shipping; 500 refunded, the failed 300 refund not) and processing
      //       2400 at 23:59:59.999; the failed order does not count.
      // 12th: refunded 2000 (1200 + 800 given back) and paid 5000 at 00:00; cancelled, awaiting payment, pending
      //       and the order in another currency do not count. The 9th's and the 13th's orders are outside.
      expect(res.body).toEqual({
        from: '2026-01-10',
        to: '2026-01-12',
        currency: 'EUR',
        totals: {
          orders: 4,
          grossAmount: 13_900,
          refundedAmount: 2_500,
          netAmount: 11_400,
          averageOrderAmount: 3_475,
        },
        days: [
          { date: '2026-01-10', orders: 2, grossAmount: 6_900, refundedAmount: 500, netAmount: 6_400 },
          { date: '2026-01-11', orders: 0, grossAmount: 0, refundedAmount: 0, netAmount: 0 },
          { date: '2026-01-12', orders: 2, grossAmount: 7_000, refundedAmount: 2_000, netAmount: 5_000 },
        ],
      });
    });

    test('a day with nothing has no average', async () => {
      const res = await get('sales', { from: '2026-01-11', to: '2026-01-11' });
      expect(res.body.totals).toEqual({
        orders: 0,
        grossAmount: 0,
        refundedAmount: 0,
        netAmount: 0,
        averageOrderAmount: null,
      });
    });

    test('without a range: the last 30 days, today included', async () => {
      const res = await get('sales');
      expect(res.status).toBe(200);
      const today = new Date().toISOString().slice(0, 10);
      expect(res.body.to).toBe(today);
      expect(res.body.days).toHaveLength(30);
      expect(res.body.days.at(-1).date).toBe(today);
      expect(res.body.days[0].date).toBe(res.body.from);
    });
  });

  describe('GET /api/admin/analytics/products', () => {
    test('by revenue: line totals of sold orders (not refunded in full, not cancelled, not unpaid)', async () => {
      const { giftCard, linenShirt, tee, novel } = fixture.products;
      const res = await get('products', RANGE);
      expect(res.status).toBe(200);
      expect(res.body).toMatchObject({ from: RANGE.from, to: RANGE.to, currency: 'EUR', by: 'revenue' });
      expect(res.body.products).toEqual([
        {
          productId: giftCard,
          title: 'Gift card',
          slug: expect.any(String),
          units: 1,
          orders: 1,
          revenueAmount: 5_000,
        },
        {
          productId: linenShirt,
          title: 'Linen shirt',
          slug: expect.any(String),
          units: 2,
          orders: 1,
          revenueAmount: 3_000,
        },
        { productId: tee, title: 'Tee', slug: expect.any(String), units: 3, orders: 1, revenueAmount: 2_400 },
        {
          productId: novel,
          title: 'Novel',
          slug: expect.any(String),
          units: 1,
          orders: 1,
          revenueAmount: 1_000,
        },
      ]);
      expect(res.body.products[0].slug).toMatch(/^gift-card-/);
    });

    test('by units, ties broken by revenue, and a limit', async () => {
      const { giftCard, linenShirt, tee } = fixture.products;
      const res = await get('products', { ...RANGE, by: 'units', limit: 3 });
      expect(
        res.body.products.map((p: { productId: number; units: number }) => [p.productId, p.units]),
      ).toEqual([
        [tee, 3],
        [linenShirt, 2],
        [giftCard, 1],
      ]);
    });
  });

  describe('GET /api/admin/analytics/categories', () => {
    test('per product category, uncategorised products as one null row', async () => {
      const { linen, shirts, books } = fixture.categories;
      const res = await get('categories', RANGE);
      expect(res.status).toBe(200);
      expect(res.body).toMatchObject({ currency: 'EUR', level: 'category' });
      expect(res.body.categories).toEqual([
        { categoryId: null, name: null, slug: null, units: 1, orders: 1, revenueAmount: 5_000 },
        {
          categoryId: linen,
          name: 'Linen shirts',
          slug: expect.any(String),
          units: 2,
          orders: 1,
          revenueAmount: 3_000,
        },
        {
          categoryId: shirts,
          name: 'Shirts',
          slug: expect.any(String),
          units: 3,
          orders: 1,
          revenueAmount: 2_400,
        },
        {
          categoryId: books,
          name: 'Books',
          slug: expect.any(String),
          units: 1,
          orders: 1,
          revenueAmount: 1_000,
        },
      ]);
    });

    test('rolled up to the top-level category, two levels down included; an order counts once per root', async () => {
      const { apparel, books } = fixture.categories;
      const res = await get('categories', { ...RANGE, level: 'root' });
      expect(res.body.categories).toEqual([
        {
          categoryId: apparel,
          name: 'Apparel',
          slug: expect.any(String),
          units: 5,
          orders: 2,
          revenueAmount: 5_400,
        },
        { categoryId: null, name: null, slug: null, units: 1, orders: 1, revenueAmount: 5_000 },
        {
          categoryId: books,
          name: 'Books',
          slug: expect.any(String),
          units: 1,
          orders: 1,
          revenueAmount: 1_000,
        },
      ]);
    });
  });

  describe('GET /api/admin/analytics/customers', () => {
    test('new customers, carts and conversion, boundaries included', async () => {
      const res = await get('customers', RANGE);
      expect(res.status).toBe(200);
      // Customers at 00:00 on the 10th, on the 11th, at 23:59:59.999 on the 12th (not the support account, nor the
      // ones on the 9th and 13th). Five carts in range; two converted: the account whose order followed its cart,
      // the guest whose token placed an order; not the idle guest, the account that ordered before its cart was
      // made, nor the one that ordered after the range. Nine orders placed in range, whatever their status.
      expect(res.body).toEqual({
        from: RANGE.from,
        to: RANGE.to,
        newCustomers: 3,
        cartsCreated: 5,
        cartsConverted: 2,
        ordersPlaced: 9,
        conversionRateBps: 4_000,
      });
    });

    test('no carts: no rate', async () => {
      const res = await get('customers', { from: '2025-01-01', to: '2025-01-31' });
      expect(res.body).toMatchObject({ cartsCreated: 0, cartsConverted: 0, conversionRateBps: null });
    });
  });

  describe('GET /api/admin/analytics/open-orders', () => {
    const byStatus = (body: { statuses: { status: string; count: number; stuck: number }[] }) =>
      Object.fromEntries(body.statuses.map((s) => [s.status, [s.count, s.stuck]]));

    test('every open status, stuck after 24 hours by default', async () => {
      const res = await get('open-orders');
      expect(res.status).toBe(200);
      expect(res.body.stuckAfterHours).toBe(24);
      // processing untouched for 72 h and paid for 30 h are stuck; awaiting payment (2 h), pending (12 min) and
      // shipped (just now) are not. Delivered, failed, cancelled and refunded orders are not open.
      expect(byStatus(res.body)).toEqual({
        pending: [1, 0],
        awaiting_payment: [1, 0],
        paid: [1, 1],
        processing: [1, 1],
        shipped: [1, 0],
      });
      expect(res.body.totals).toEqual({ open: 5, stuck: 2 });
      const processing = res.body.statuses.find((s: { status: string }) => s.status === 'processing');
      expect(processing.oldestUpdatedAt).toBe(fixture.oldestProcessingUpdatedAt.toISOString());
      expect(Date.now() - Date.parse(res.body.asOf)).toBeLessThan(60_000);
    });

    test('the threshold is the caller’s', async () => {
      expect((await get('open-orders', { stuckAfterHours: 48 })).body.totals).toEqual({ open: 5, stuck: 1 });
      expect((await get('open-orders', { stuckAfterHours: 1 })).body.totals).toEqual({ open: 5, stuck: 3 });
    });

    test('support sees the backlog, but not the money', async () => {
      expect((await get('open-orders', {}, support)).status).toBe(200);
      for (const path of ['sales', 'products', 'categories', 'customers']) {
        const res = await get(path, RANGE, support);
        expect([path, res.status, res.body.code]).toEqual([path, 403, 'forbidden']);
      }
    });

    test('customers see none of it', async () => {
      const res = await get('open-orders', {}, customer);
      expect([res.status, res.body.code]).toEqual([403, 'forbidden']);
    });
  });

  describe('bad parameters are 422 problems naming the field', () => {
    test.each([
      ['sales', { from: '2026-02-30', to: '2026-03-01' }, 'query.from'],
      ['sales', { from: '2026-1-10', to: '2026-01-12' }, 'query.from'],
      ['sales', { from: '2026-01-12', to: '2026-01-10' }, 'query.from'],
      ['sales', { from: '2025-01-01', to: '2026-01-02' }, 'query.to'],
      // Not a day at all (found by schemathesis: the range check ran on it and answered 500).
      ['sales', { to: '' }, 'query.to'],
      ['customers', { from: 'soon', to: '2026-01-01' }, 'query.from'],
      ['sales', { ...RANGE, currency: 'USD' }, 'query.currency'],
      ['products', { ...RANGE, by: 'margin' }, 'query.by'],
      ['products', { ...RANGE, limit: 0 }, 'query.limit'],
      ['products', { ...RANGE, limit: 51 }, 'query.limit'],
      ['categories', { ...RANGE, level: 'leaf' }, 'query.level'],
      ['customers', { from: '2020-01-01' }, 'query.from'],
      ['open-orders', { stuckAfterHours: '1.5' }, 'query.stuckAfterHours'],
      ['open-orders', { from: RANGE.from }, 'query.from'],
    ])('%s %o → %s', async (path, query, field) => {
      const res = await get(path, query);
      expect(res.status).toBe(422);
      expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
      expect(res.body.code).toBe('validation_failed');
      expect(res.body.errors.map((e: { path: string }) => e.path)).toContain(field);
    });
  });
});

describe('the OpenAPI document', () => {
  let deps: TestDeps;
  beforeAll(async () => {
    deps = await createTestDeps();
  });
  afterAll(async () => {
    await deps.close();
  });

  test.each([
    ['sales', 'AnalyticsSales'],
    ['products', 'AnalyticsTopProducts'],
    ['categories', 'AnalyticsCategories'],
    ['customers', 'AnalyticsCustomers'],
    ['open-orders', 'AnalyticsOpenOrders'],
  ])('documents %s with its response schema', async (path, schema) => {
    const res = await request(createApp(deps)).get('/api/openapi.json');
    const operation = res.body.paths[`/api/admin/analytics/${path}`].get;
    expect(operation.responses['200'].content['application/json'].schema.$ref).toBe(
      `#/components/schemas/${schema}`,
    );
    expect(res.body.components.schemas[schema]).toBeDefined();
    expect(operation.responses['422']).toBeDefined();
  });
});
