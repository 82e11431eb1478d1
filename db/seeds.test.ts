import { randomUUID } from 'node:crypto';
import type { Database } from './database';
import { verifyPassword } from './password';
import { ensureStaffAccount, seedDemoCatalog } from './seeds';
import {
  createScratchMysqlDatabase,
  createSqliteTestDatabase,
  createTestDatabase,
  type ScratchDatabase,
} from './testing';

describe('seedDemoCatalog', () => {
  // Its own database: "does nothing when products exist" needs a catalog no other test has touched.
  let scratch: ScratchDatabase;
  beforeAll(async () => {
    scratch = await createScratchMysqlDatabase('market_seeds');
    await scratch.db.migrate();
  });
  afterAll(() => scratch.drop());

  it('seeds once, with inventory and a matching restock for every product', async () => {
    const db = scratch.db;
    const progress: number[] = [];
    const first = await seedDemoCatalog(db, { products: 50, onProgress: (done) => progress.push(done) });
    expect(first).toEqual({ skipped: false, categories: expect.any(Number), tags: 30, products: 50 });
    expect(progress).toEqual([0, 50]);
    expect(await seedDemoCatalog(db, { products: 50 })).toMatchObject({ skipped: true, products: 0 });

    const { Product, Inventory, StockMovement, Category } = db.models;
    expect(await Product.count()).toBe(50);
    expect(await Category.count({ where: { parentId: null } })).toBe(6);
    const products = await Product.findAll({ include: ['inventory', 'category', 'tags'] });
    for (const product of products) {
      expect(product.inventory).toBeInstanceOf(Inventory);
      expect(product.category?.parentId).not.toBeNull(); // products hang off leaf categories
      expect(product.currency).toBe('EUR');
      expect(Number.isInteger(product.priceAmount) && product.priceAmount > 0).toBe(true);
      expect(product.ratingAverage).toBeGreaterThanOrEqual(product.ratingCount > 0 ? 100 : 0);
      expect(product.ratingAverage).toBeLessThanOrEqual(500);
      const restocked = await StockMovement.sum('delta', { where: { productId: product.id } });
      expect(restocked || 0).toBe(product.inventory!.onHand);
    }
    expect(products.filter((p) => p.status === 'active').length).toBeGreaterThan(40);
  });

  it('generates the same catalog on every dialect and every run', async () => {
    const sqlite = await createSqliteTestDatabase();
    try {
      await seedDemoCatalog(sqlite, { products: 50 });
      const fingerprint = (db: Database) =>
        db.models.Product.findAll({
          attributes: ['slug', 'priceAmount', 'status'],
          order: [['slug', 'ASC']],
          raw: true,
        });
      expect(await fingerprint(sqlite)).toEqual(await fingerprint(scratch.db));
    } finally {
      await sqlite.close();
    }
  });
});

describe('ensureStaffAccount', () => {
  let db: Database;
  beforeAll(async () => {
    db = await createTestDatabase();
  });
  afterAll(() => db.close());

  it('creates the account once and never overwrites its password', async () => {
    const email = `Admin-${randomUUID()}@Example.com`;
    const first = await ensureStaffAccount(db, {
      email,
      password: 'first secret',
      name: 'Admin',
      role: 'admin',
    });
    const again = await ensureStaffAccount(db, {
      email,
      password: 'other secret',
      name: 'Other',
      role: 'support',
    });
    expect(first.created).toBe(true);
    expect(again).toEqual({ userId: first.userId, created: false });

    const user = await db.models.User.findByPk(first.userId, { rejectOnEmpty: true });
    expect(user).toMatchObject({ email: email.toLowerCase(), name: 'Admin', role: 'admin', disabled: false });
    expect(user.passwordHash).toMatch(/^\$argon2id\$/);
    expect(await verifyPassword(user.passwordHash!, 'first secret')).toBe(true);
    expect(await verifyPassword(user.passwordHash!, 'other secret')).toBe(false);
  });
});
