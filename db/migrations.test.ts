import { migrations } from './migrations';
import { randomUUID } from 'node:crypto';
import { DatabaseError, ForeignKeyConstraintError, QueryTypes, UniqueConstraintError } from 'sequelize';
import type { Database } from './database';
import { createScratchMysqlDatabase, createSqliteTestDatabase } from './testing';

const TABLES = [
  'addresses',
  'cart_items',
  'carts',
  'categories',
  'email_log',
  'inventory',
  'invoices',
  'order_events',
  'order_items',
  'orders',
  'payments',
  'product_images',
  'product_page_related',
  'product_pages',
  'product_tags',
  'products',
  'refresh_tokens',
  'refunds',
  'reviews',
  'schema_migrations',
  'shipments',
  'stock_movements',
  'stock_reservations',
  'tags',
  'test_payments',
  'test_refunds',
  'user_identities',
  'users',
  'webhook_events',
];

async function tables(db: Database): Promise<string[]> {
  const names: unknown[] = await db.sequelize.getQueryInterface().showAllTables();
  // mysql returns plain names; normalise in case a dialect returns { tableName } objects.
  return names.map((n) => (typeof n === 'string' ? n : (n as { tableName: string }).tableName)).sort();
}

async function count(db: Database, table: string): Promise<number> {
  const [row] = await db.sequelize.query<{ n: number | string }>(`SELECT COUNT(*) AS n FROM ${table}`, {
    type: QueryTypes.SELECT,
  });
  return Number(row?.n);
}

const cases: [string, () => Promise<{ db: Database; done(): Promise<void> }>][] = [
  [
    'MariaDB',
    async () => {
      const scratch = await createScratchMysqlDatabase('market_migrations');
      return { db: scratch.db, done: scratch.drop };
    },
  ],
  [
    'SQLite',
    async () => {
      const db = await createSqliteTestDatabase({ migrate: false });
      return { db, done: () => db.close() };
    },
  ],
];

describe.each(cases)('migrations on %s', (_dialect, open) => {
  let db: Database;
  let done: () => Promise<void>;
  beforeAll(async () => {
    ({ db, done } = await open());
  });
  afterAll(() => done());

  it('create every table', async () => {
    await db.migrate();
    expect(await tables(db)).toEqual(TABLES);
    expect(await db.migrator.pending()).toEqual([]);
  });

  it('enforce unique, foreign key and check constraints', async () => {
    const { User, Product, Inventory, OrderItem } = db.models;
    const email = `${randomUUID()}@example.com`;
    await User.create({ email, name: 'First' });
    await expect(User.create({ email: email.toUpperCase(), name: 'Second' })).rejects.toBeInstanceOf(
      UniqueConstraintError,
    );

    const slug = `product-${randomUUID()}`;
    const product = await Product.create({ slug, title: 'A', priceAmount: 100, currency: 'EUR' });
    await expect(
      Product.create({ slug, title: 'B', priceAmount: 100, currency: 'EUR' }),
    ).rejects.toBeInstanceOf(UniqueConstraintError);

    await expect(
      OrderItem.create({
        orderId: 987_654_321,
        productId: product.id,
        title: 'A',
        unitPriceAmount: 100,
        quantity: 1,
        lineTotalAmount: 100,
      }),
    ).rejects.toBeInstanceOf(ForeignKeyConstraintError);

    // Straight to the database, past the model validators, to prove the CHECK constraints themselves.
    const qi = db.sequelize.getQueryInterface();
    const now = new Date();
    const stock = (onHand: number, reserved: number) => ({
      product_id: product.id,
      on_hand: onHand,
      reserved,
      created_at: now,
      updated_at: now,
    });
    await expect(qi.bulkInsert('inventory', [stock(-1, 0)])).rejects.toBeInstanceOf(DatabaseError);
    await expect(qi.bulkInsert('inventory', [stock(1, 2)])).rejects.toBeInstanceOf(DatabaseError);
    await qi.bulkInsert('inventory', [stock(3, 1)]);
    await expect(
      Inventory.update({ onHand: 0 }, { where: { productId: product.id }, validate: false }),
    ).rejects.toBeInstanceOf(DatabaseError);
  });

  it('all go down, leaving only the emptied migration table, and come back up', async () => {
    await db.migrator.down({ to: 0 });
    expect(await tables(db)).toEqual(['schema_migrations']);
    expect(await count(db, 'schema_migrations')).toBe(0);

    await db.migrate();
    expect(await tables(db)).toEqual(TABLES);
    expect((await db.migrator.executed()).map((m) => m.name)).toEqual(migrations.map((m) => m.name));
    expect(migrations.length).toBeGreaterThanOrEqual(7);
  });
});
