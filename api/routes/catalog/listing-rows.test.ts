import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createDatabase, type Database } from '@market/db';
import { createTestDeps, type TestDeps } from '../../testing/deps';
import { LISTING_STOCK_MS, listRows } from './listing-rows';
import { type CatalogFixture, createCatalogFixture } from './testing';

// A listing's rows are read once per catalog generation; their stock at most a second before. On MariaDB (production) and on
// the embedded default's SQLite, whose reads go through another path (rows.ts, selectBoundOnSqlite).
let testDeps: TestDeps;
const start = Date.now();
const dir = mkdtempSync(path.join(os.tmpdir(), 'market-listing-rows-'));
const sqlite = createDatabase({ kind: 'sqlite', path: path.join(dir, 'market.sqlite') });

beforeAll(async () => {
  testDeps = await createTestDeps();
  await sqlite.migrate();
});
afterAll(async () => {
  await testDeps.close();
  await sqlite.close();
  rmSync(dir, { recursive: true, force: true });
});

describe.each([
  ['MariaDB', () => testDeps.db],
  ['SQLite', () => sqlite],
])('listRows on %s', (_name, dbOf) => {
  let db: Database;
  let fx: CatalogFixture;
  beforeAll(async () => {
    db = dbOf();
    fx = await createCatalogFixture(db);
  });
  /** The rows read `at` ms into the test (the memo's clock, Date.now, pinned for the call alone). */
  const byId = async (ids: number[], generation: string | null, at: number) => {
    const now = jest.spyOn(Date, 'now').mockReturnValue(start + at);
    try {
      return new Map((await listRows({ db }, ids, generation)).map((row) => [row.id, row]));
    } finally {
      now.mockRestore();
    }
  };

  test('a row is reused within its generation, its stock for a second', async () => {
    const ids = [fx.alpha.id, fx.beta.id, fx.draft.id, fx.gamma.id];
    const first = await byId(ids, 'g1', 0);
    // The draft is no active product: left out, as before.
    expect([...first.keys()].sort()).toEqual([fx.alpha.id, fx.beta.id, fx.gamma.id].sort());
    expect(first.get(fx.alpha.id)).toMatchObject({
      priceAmount: 1_500,
      title: fx.alpha.title,
      thumbnailKey: `products/${fx.alpha.slug}/front.jpg`,
      inventory: { onHand: 10, reserved: 0, lowStockThreshold: 5 },
    });
    expect(first.get(fx.beta.id)!.thumbnailKey).toBeNull();

    // Written straight to the tables: no catalog event, so the generation stays (an order moves stock that way).
    await db.models.Product.update({ priceAmount: 1_700 }, { where: { id: fx.alpha.id } });
    await db.models.Inventory.update({ onHand: 4 }, { where: { productId: fx.alpha.id } });
    await db.models.Product.update({ status: 'active' }, { where: { id: fx.draft.id } });

    const soon = await byId(ids, 'g1', LISTING_STOCK_MS - 1);
    expect(soon.get(fx.alpha.id)).toMatchObject({ priceAmount: 1_500, inventory: { onHand: 10 } });
    const later = await byId(ids, 'g1', LISTING_STOCK_MS);
    expect(later.get(fx.alpha.id)).toMatchObject({
      priceAmount: 1_500,
      inventory: { onHand: 4, reserved: 0, lowStockThreshold: 5 },
    });
    expect(later.has(fx.draft.id)).toBe(false);

    // A catalog write moves the generation: every row is read again.
    const next = await byId(ids, 'g2', LISTING_STOCK_MS);
    expect(next.get(fx.alpha.id)).toMatchObject({ priceAmount: 1_700, inventory: { onHand: 4 } });
    expect(next.has(fx.draft.id)).toBe(true);

    // Without a generation (the cache did not answer), nothing is reused.
    await db.models.Product.update({ priceAmount: 1_800 }, { where: { id: fx.alpha.id } });
    await db.models.Inventory.update({ onHand: 3 }, { where: { productId: fx.alpha.id } });
    expect((await byId(ids, null, LISTING_STOCK_MS)).get(fx.alpha.id)).toMatchObject({
      priceAmount: 1_800,
      inventory: { onHand: 3 },
    });
    expect((await byId(ids, 'g2', LISTING_STOCK_MS)).get(fx.alpha.id)!.priceAmount).toBe(1_700);
  });

  test('a product without an inventory row has no stock', async () => {
    await db.models.Inventory.destroy({ where: { productId: fx.delta.id } });
    const generation = `g-${fx.delta.id}`;
    expect((await byId([fx.delta.id], generation, 0)).get(fx.delta.id)!.inventory).toBeNull();
    // Again, from the kept row and the stock read alone.
    expect((await byId([fx.delta.id], generation, LISTING_STOCK_MS)).get(fx.delta.id)!.inventory).toBeNull();
  });
});
