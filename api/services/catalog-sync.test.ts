import { randomBytes, randomUUID } from 'node:crypto';
import { type Activities, createActivities } from '@market/activities';
import type { Product, ProductStatus } from '@market/db';
import { catalogSyncWorkflowId } from '@market/workflows/definitions';
import { WorkflowNotFoundError } from '@temporalio/client';
import { createTestDeps, type TestDeps } from '../testing/deps';
import { createWorker, type MarketWorker } from '../worker';
import { startCatalogSync } from './catalog-sync';

// The catalog-sync workflow end to end: startCatalogSync (signal-with-start) → a real worker on the test stack's
// Temporal → the real activities → the real OpenSearch of the stack.

let deps: TestDeps;
let alias: string;
let worker: MarketWorker;
/** Every syncProductDocuments call the worker made, by product id. */
const syncCalls: number[][] = [];

beforeAll(async () => {
  const base = await createTestDeps();
  const taskQueue = `test-catalog-sync-${randomUUID()}`;
  deps = { ...base, temporal: { ...base.temporal, taskQueue } };
  alias = deps.config.search!.index;
  const activities: Activities = createActivities({ db: deps.db, search: deps.search, alias });
  const sync = activities.syncProductDocuments;
  activities.syncProductDocuments = async (ids) => {
    syncCalls.push(ids);
    return sync(ids);
  };
  worker = await createWorker({
    address: deps.config.temporal.address!,
    namespace: 'default',
    taskQueue,
    activities,
  });
  void worker.run();
});

afterAll(async () => {
  await worker?.shutdown();
  await deps?.close();
});

const token = () => `t${randomBytes(5).toString('hex')}`;

async function createProduct(title: string, status: ProductStatus = 'active'): Promise<Product> {
  return deps.db.models.Product.create({
    slug: `p-${randomBytes(6).toString('hex')}`,
    title,
    description: 'A product for the catalog-sync tests',
    priceAmount: 1_250,
    currency: 'EUR',
    status,
  });
}

/** Product ids the shop's search (active products only, or the given statuses) finds for `q`. */
async function find(q: string, statuses?: ProductStatus[]): Promise<number[]> {
  await deps.search!.refresh(alias);
  const result = await deps.search!.search(alias, { q, sort: 'relevance', page: 1, pageSize: 10, statuses });
  return result.hits.map((hit) => Number(hit.id));
}

async function eventually<T>(
  read: () => Promise<T>,
  until: (value: T) => boolean,
  timeoutMs = 20_000,
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    let value: T | undefined;
    try {
      value = await read();
      if (until(value)) return value;
    } catch (err) {
      if (Date.now() > deadline) throw err;
    }
    if (Date.now() > deadline) return value as T;
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}

const handleOf = (productId: number) =>
  deps.temporal.client.workflow.getHandle(catalogSyncWorkflowId(alias, productId));

test('a new or changed product reaches the index', async () => {
  const [first, second] = [token(), token()];
  const product = await createProduct(`Walnut ${first} Board`);
  await startCatalogSync(deps, [product.id]);
  await expect(
    eventually(
      () => find(first),
      (ids) => ids.length > 0,
    ),
  ).resolves.toEqual([product.id]);

  await product.update({ title: `Walnut ${second} Board` });
  await startCatalogSync(deps, [product.id]);
  await expect(
    eventually(
      () => find(second),
      (ids) => ids.length > 0,
    ),
  ).resolves.toEqual([product.id]);
  expect(await find(first)).toEqual([]);
});

test('a burst of changes to one product is synced once or twice, not ten times', async () => {
  const word = token();
  const product = await createProduct(`Copper ${word} Kettle`);
  for (let i = 0; i < 10; i += 1) {
    await product.update({ priceAmount: 1_000 + i });
    await startCatalogSync(deps, [product.id]);
  }
  await handleOf(product.id).result();
  const runs = syncCalls.filter((ids) => ids.includes(product.id)).length;
  expect(runs).toBeGreaterThanOrEqual(1);
  expect(runs).toBeLessThanOrEqual(2);
  await expect(find(word)).resolves.toEqual([product.id]);
});

test('archiving a product hides it from the shop; deleting it removes its document', async () => {
  const word = token();
  const product = await createProduct(`Linen ${word} Apron`);
  await startCatalogSync(deps, [product.id]);
  await eventually(
    () => find(word),
    (ids) => ids.length > 0,
  );

  await product.update({ status: 'archived' });
  await startCatalogSync(deps, [product.id]);
  await expect(
    eventually(
      () => find(word),
      (ids) => ids.length === 0,
    ),
  ).resolves.toEqual([]);
  // Still indexed, with its status (admin searches may ask for archived products)...
  expect(await find(word, ['archived'])).toEqual([product.id]);

  // ...until it is deleted.
  const id = product.id;
  await product.destroy();
  await startCatalogSync(deps, [id]);
  await expect(
    eventually(
      () => find(word, ['active', 'draft', 'archived']),
      (ids) => ids.length === 0,
    ),
  ).resolves.toEqual([]);
});

test('several products in one change each get their own workflow', async () => {
  const word = token();
  const products = [await createProduct(`Oak ${word} Stool`), await createProduct(`Oak ${word} Table`)];
  await startCatalogSync(deps, [products[0]!.id, products[1]!.id, products[0]!.id]);
  const ids = await eventually(
    () => find(word),
    (found) => found.length === 2,
  );
  expect(ids.sort((a, b) => a - b)).toEqual(products.map((p) => p.id).sort((a, b) => a - b));
});

test('without a search engine (embedded default) there is nothing to sync', async () => {
  const product = await createProduct(`Clay ${token()} Pot`);
  await startCatalogSync({ ...deps, search: null }, [product.id]);
  await expect(handleOf(product.id).describe()).rejects.toBeInstanceOf(WorkflowNotFoundError);
});
