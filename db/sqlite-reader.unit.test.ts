import { QueryTypes } from 'sequelize';
import { seedDemoCatalog } from './seeds';
import { createSqliteTestDatabase } from './testing';

test('the reader sees what is committed, not a transaction in progress, and refuses anything but a read', async () => {
  const db = await createSqliteTestDatabase();
  try {
    const reader = db.reader!;
    const count = () =>
      reader.all<{ n: number }>('SELECT COUNT(*) AS n FROM categories WHERE slug = $1', ['lamps'])[0]!.n;
    expect(count()).toBe(0);
    await db.models.Category.create({ name: 'Lamps', slug: 'lamps' });
    expect(count()).toBe(1);

    const transaction = await db.sequelize.transaction();
    await db.models.Category.destroy({ where: { slug: 'lamps' }, transaction });
    expect(count()).toBe(1);
    await transaction.commit();
    expect(count()).toBe(0);

    expect(() => reader.all('DELETE FROM categories', [])).toThrow(/reads only/);
    // The connection itself is read-only, whatever the text says.
    await db.models.Category.create({ name: 'Lamps', slug: 'lamps' });
    expect(() => reader.all('WITH doomed AS (SELECT 1) DELETE FROM categories', [])).toThrow(/readonly/i);
    expect(count()).toBe(1);
  } finally {
    await db.close();
  }
});

test('after analyze() the reader plans with the new statistics: a list by id is read by primary key', async () => {
  const db = await createSqliteTestDatabase();
  try {
    await seedDemoCatalog(db, { products: 300 });
    const sql =
      'EXPLAIN QUERY PLAN SELECT p.id FROM products p LEFT JOIN inventory i ON i.product_id = p.id ' +
      "WHERE p.id IN (SELECT value FROM json_each($1)) AND p.status = 'active'";
    const plan = () =>
      db
        .reader!.all<{ detail: string }>(sql, ['[3,17,42,99]'])
        .map((step) => step.detail)
        .join('; ');
    // Opened before the statistics exist: SQLite takes `status = 'active'` for a selective filter.
    expect(plan()).toMatch(/USING (COVERING )?INDEX products_status/);
    await db.analyze();
    expect(plan()).toMatch(/SEARCH p USING INTEGER PRIMARY KEY/);
    const [stats] = await db.sequelize.query<{ n: number }>(
      "SELECT COUNT(*) AS n FROM sqlite_stat1 WHERE tbl = 'products'",
      { type: QueryTypes.SELECT },
    );
    expect(Number(stats?.n)).toBeGreaterThan(0);
  } finally {
    await db.close();
  }
});
