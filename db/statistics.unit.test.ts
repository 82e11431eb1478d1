import { QueryTypes } from 'sequelize';
import { seedDemoCatalog } from './seeds';
import { createSqliteTestDatabase } from './testing';

// What a product list asks for (api/routes/catalog/rows.ts activeProducts): a page of products by id, the ids
// inlined (as on MariaDB) or, as on SQLite, one JSON array.
const LIST_BY_ID =
  'SELECT p.id FROM products p LEFT JOIN inventory i ON i.product_id = p.id ' +
  "WHERE p.id IN (3, 17, 42, 99) AND p.status = 'active'";
const LIST_BY_JSON_IDS = LIST_BY_ID.replace(
  '(3, 17, 42, 99)',
  "(SELECT value FROM json_each('[3,17,42,99]'))",
);

test('SQLite statistics: after analyze() a list by id is read by primary key, not by scanning active products', async () => {
  const db = await createSqliteTestDatabase();
  try {
    await seedDemoCatalog(db, { products: 300 });
    const plan = async (sql = LIST_BY_ID) =>
      (
        await db.sequelize.query<{ detail: string }>(`EXPLAIN QUERY PLAN ${sql}`, {
          type: QueryTypes.SELECT,
        })
      )
        .map((step) => step.detail)
        .join('; ');
    await db.analyze();
    expect(await plan()).toMatch(/SEARCH p USING INTEGER PRIMARY KEY/);
    expect(await plan(LIST_BY_JSON_IDS)).toMatch(/SEARCH p USING INTEGER PRIMARY KEY/);
    const [stats] = await db.sequelize.query<{ n: number }>(
      "SELECT COUNT(*) AS n FROM sqlite_stat1 WHERE tbl = 'products'",
      { type: QueryTypes.SELECT },
    );
    expect(Number(stats?.n)).toBeGreaterThan(0);
    // Refreshing again is harmless.
    await db.analyze();
    expect(await plan()).toMatch(/SEARCH p USING INTEGER PRIMARY KEY/);
  } finally {
    await db.close();
  }
});
