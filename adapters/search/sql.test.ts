import { randomBytes } from 'node:crypto';
import type { Database } from '@market/db';
import { createSqliteTestDatabase, createTestDatabase } from '@market/db/testing';
import { buildProductDocuments } from './documents';
import type { SearchQuery } from './port';
import { searchProductsInSql } from './sql';

/** Consonants only: no stemmer or other test's data gets in the way. */
const uniqueWord = () => `x${[...randomBytes(7)].map((b) => 'bcdfghkmnprtvz'[b % 14]).join('')}`;

async function fixture(db: Database) {
  const { Category, Tag, Product, ProductTag, Inventory } = db.models;
  const id = randomBytes(5).toString('hex');
  const word = uniqueWord();
  const root = await Category.create({ slug: `sql-root-${id}`, name: 'Root' });
  const child = await Category.create({ slug: `sql-child-${id}`, name: 'Child', parentId: root.id });
  const tag = await Tag.create({ slug: `sql-tag-${id}`, name: `Tagged ${word}` });
  const make = async (n: number, fields: Record<string, unknown>, stock = 0) => {
    const product = await Product.create({
      slug: `sql-${n}-${id}`,
      title: `Product ${n}`,
      priceAmount: 1_000 * n,
      currency: 'EUR',
      status: 'active',
      categoryId: child.id,
      createdAt: new Date(Date.UTC(2026, 0, n)),
      ...fields,
    });
    await Inventory.create({ productId: product.id, onHand: stock, reserved: 0 });
    return product;
  };
  const inDescription = await make(1, { description: `Goes with any ${word}.`, categoryId: root.id });
  const inTitle = await make(2, { title: `The <b>${word}</b> & co`, ratingAverage: 410, ratingCount: 3 }, 4);
  const inTag = await make(3, { title: '100% wool_blend' }, 1);
  await ProductTag.create({ productId: inTag.id, tagId: tag.id });
  const draft = await make(4, { title: `Draft ${word}`, status: 'draft' });
  return { word, root, child, tag, inDescription, inTitle, inTag, draft };
}

describe.each([
  ['SQLite', createSqliteTestDatabase],
  ['MariaDB', createTestDatabase],
])('SQL search on %s', (_name, open) => {
  let db: Database;
  let fx: Awaited<ReturnType<typeof fixture>>;
  const base = (): SearchQuery => ({ categoryIds: [fx.root.id], sort: 'relevance', page: 1, pageSize: 20 });
  const ids = (result: { hits: { id: string }[] }) => result.hits.map((h) => Number(h.id));

  beforeAll(async () => {
    db = await open();
    fx = await fixture(db);
  });
  afterAll(async () => {
    await db.close();
  });

  test('relevance: title, then tag name, then description; drafts excluded', async () => {
    const result = await searchProductsInSql(db, { ...base(), q: fx.word.toUpperCase() });
    expect(ids(result)).toEqual([fx.inTitle.id, fx.inTag.id, fx.inDescription.id]);
    expect(result.total).toBe(3);
    expect(result.hits[0]!.score).toBeGreaterThan(result.hits[2]!.score!);
  });

  test('every word must match; no fuzziness', async () => {
    expect(ids(await searchProductsInSql(db, { ...base(), q: `${fx.word} co` }))).toEqual([fx.inTitle.id]);
    expect((await searchProductsInSql(db, { ...base(), q: fx.word.slice(0, -1) + 'q' })).total).toBe(0);
  });

  test('LIKE wildcards in q match literally', async () => {
    expect(ids(await searchProductsInSql(db, { ...base(), q: '0%' }))).toEqual([fx.inTag.id]);
    expect(ids(await searchProductsInSql(db, { ...base(), q: 'o_l' }))).toEqual([]);
    expect(ids(await searchProductsInSql(db, { ...base(), q: 'wool_' }))).toEqual([fx.inTag.id]);
  });

  test('highlights are HTML-escaped with <mark> around the words', async () => {
    const result = await searchProductsInSql(db, { ...base(), q: fx.word });
    expect(result.hits[0]!.highlight).toEqual({
      title: `The &lt;b&gt;<mark>${fx.word}</mark>&lt;&#x2F;b&gt; &amp; co`,
    });
    expect(result.hits[2]!.highlight?.description).toBe(`Goes with any <mark>${fx.word}</mark>.`);
  });

  test('filters, facets rolled up to ancestors, statuses', async () => {
    const all = await searchProductsInSql(db, { ...base(), sort: 'price_asc' });
    expect(ids(all)).toEqual([fx.inDescription.id, fx.inTitle.id, fx.inTag.id]);
    expect(all.facets.categories).toEqual([
      { key: fx.root.id, count: 3 },
      { key: fx.child.id, count: 2 },
    ]);
    expect(all.facets.tags).toEqual([{ key: fx.tag.slug, count: 1 }]);
    expect(all.facets.priceRanges.map((r) => r.count)).toEqual([0, 2, 1, 0, 0, 0]);
    expect(all.facets.ratings.map((r) => r.count)).toEqual([1, 1, 1, 1]);

    const narrowed = await searchProductsInSql(db, {
      ...base(),
      categoryIds: [fx.child.id],
      inStock: true,
      minPrice: 2_000,
      maxPrice: 3_000,
      tags: [fx.tag.slug],
    });
    expect(ids(narrowed)).toEqual([fx.inTag.id]);
    expect(ids(await searchProductsInSql(db, { ...base(), minRating: 4 }))).toEqual([fx.inTitle.id]);
    expect(ids(await searchProductsInSql(db, { ...base(), minRating: 0 }))).toEqual([fx.inTitle.id]);
    expect(ids(await searchProductsInSql(db, { ...base(), statuses: ['draft'] }))).toEqual([fx.draft.id]);
  });

  test('pages past the end keep the total and facets', async () => {
    const result = await searchProductsInSql(db, { ...base(), page: 2, pageSize: 3 });
    expect(result.hits).toEqual([]);
    expect(result.total).toBe(3);
    expect(result.facets.categories[0]).toEqual({ key: fx.root.id, count: 3 });
    const last = await searchProductsInSql(db, { ...base(), sort: 'newest', page: 3, pageSize: 1 });
    expect(ids(last)).toEqual([fx.inDescription.id]);
  });

  test('buildProductDocuments: ancestors, tags, stock, missing ids', async () => {
    const { documents, missing } = await buildProductDocuments(db, [
      fx.inTag.id,
      fx.inDescription.id,
      2 ** 30,
    ]);
    expect(missing).toEqual([2 ** 30]);
    const byId = new Map(documents.map((d) => [d.id, d.doc]));
    expect(byId.get(String(fx.inTag.id))).toMatchObject({
      id: fx.inTag.id,
      slug: fx.inTag.slug,
      title: '100% wool_blend',
      tags: [fx.tag.slug],
      categoryIds: [fx.child.id, fx.root.id],
      priceAmount: 3_000,
      currency: 'EUR',
      inStock: true,
      status: 'active',
      createdAt: new Date(Date.UTC(2026, 0, 3)).toISOString(),
    });
    expect(byId.get(String(fx.inDescription.id))).toMatchObject({
      tags: [],
      categoryIds: [fx.root.id],
      inStock: false,
      rating: 0,
    });
    expect(await buildProductDocuments(db, [])).toEqual({ documents: [], missing: [] });
  });
});
