import { randomBytes } from 'node:crypto';
import { createOpenSearchEngine, type SearchEngine } from '@market/adapters';
import { opensearchTestUrl, uniqueIndexName } from '@market/adapters/search/testing/engines';
import type { Database, Product } from '@market/db';
import { createTestDatabase } from '@market/db/testing';
import { ApplicationFailure } from '@temporalio/activity';
import { buildingAlias, createCatalogActivities } from './catalog';

// The catalog activities against the real MariaDB and OpenSearch of the test stack, called directly (they use no
// activity context), so the reindex consistency rule can be tested step by step.

let db: Database;
let search: SearchEngine;
let alias: string;
let activities: ReturnType<typeof createCatalogActivities>;

beforeAll(async () => {
  db = await createTestDatabase();
  search = createOpenSearchEngine({ kind: 'opensearch', url: opensearchTestUrl() });
  alias = uniqueIndexName('test-catalog');
  activities = createCatalogActivities({ db, search, alias });
});

afterAll(async () => {
  for (const index of [
    ...(await search.aliasTargets(alias)),
    ...(await search.aliasTargets(buildingAlias(alias))),
  ]) {
    await search.deleteIndex(index);
  }
  await search.close();
  await db.close();
});

const word = () => `w${randomBytes(5).toString('hex')}`;

const createProduct = (title: string): Promise<Product> =>
  db.models.Product.create({
    slug: `p-${randomBytes(6).toString('hex')}`,
    title,
    priceAmount: 990,
    currency: 'EUR',
    status: 'active',
  });

async function idsIn(index: string, q: string): Promise<number[]> {
  await search.refresh(index);
  const result = await search.search(index, { q, sort: 'relevance', page: 1, pageSize: 50 });
  return result.hits.map((hit) => Number(hit.id));
}

test('the first sync creates the alias with an initial index', async () => {
  const q = word();
  const product = await createProduct(`Ash ${q} Shelf`);
  await expect(activities.syncProductDocuments([product.id])).resolves.toEqual({
    indexed: [product.id],
    removed: [],
  });
  expect(await search.aliasTargets(alias)).toEqual([`${alias}-initial`]);
  expect(await idsIn(alias, q)).toEqual([product.id]);
});

test('a product deleted from the database is removed, idempotently', async () => {
  const q = word();
  const product = await createProduct(`Elm ${q} Crate`);
  await activities.syncProductDocuments([product.id]);
  const id = product.id;
  await product.destroy();
  await expect(activities.syncProductDocuments([id])).resolves.toEqual({ indexed: [], removed: [id] });
  await expect(activities.syncProductDocuments([id])).resolves.toEqual({ indexed: [], removed: [id] });
  expect(await idsIn(alias, q)).toEqual([]);
});

test('listProductIds pages by id', async () => {
  const products = [await createProduct(`a ${word()}`), await createProduct(`b ${word()}`)];
  const afterId = products[0]!.id - 1;
  expect(await activities.listProductIds(afterId, 1)).toEqual([products[0]!.id]);
  expect(await activities.listProductIds(products[0]!.id, 1)).toEqual([products[1]!.id]);
});

test('a change during a reindex reaches both the live index and the one being built', async () => {
  const q = word();
  const product = await createProduct(`Fir ${q} Rack`);
  await activities.syncProductDocuments([product.id]);
  const [live] = await search.aliasTargets(alias);

  const stamp = `t${Date.now()}`;
  const index = await activities.createReindexTarget(stamp);
  // A retried activity finds its index there and carries on.
  await expect(activities.createReindexTarget(stamp)).resolves.toBe(index);
  expect(await idsIn(index, q)).toEqual([]);

  const renamed = word();
  await product.update({ title: `Fir ${renamed} Rack` });
  await activities.syncProductDocuments([product.id]);
  expect(await idsIn(live!, renamed)).toEqual([product.id]);
  expect(await idsIn(index, renamed)).toEqual([product.id]);

  // The swap: the new index is live, the old one is returned for deletion.
  await expect(activities.swapSearchAlias(index)).resolves.toEqual([live]);
  await activities.deleteSearchIndices([live!]);
  await activities.deleteSearchIndices([live!]); // idempotent
  expect(await search.aliasTargets(alias)).toEqual([index]);
  expect(await idsIn(alias, renamed)).toEqual([product.id]);
});

test('without a search engine the activities fail for good, not retried forever', async () => {
  const embedded = createCatalogActivities({ db, search: null });
  await expect(embedded.syncProductDocuments([1])).rejects.toMatchObject({
    constructor: ApplicationFailure,
    nonRetryable: true,
    type: 'SearchNotConfigured',
  });
});
