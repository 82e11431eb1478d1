import { randomBytes, randomUUID } from 'node:crypto';
import { createActivities } from '@market/activities';
import { SearchEngineError } from '@market/adapters';
import type { Product } from '@market/db';
import type { Express } from 'express';
import request from 'supertest';
import { createApp } from '../../../../app';
import { startCatalogSync } from '../../../../services/catalog-sync';
import { createTestDeps, type TestDeps } from '../../../../testing/deps';
import { createTestUser, type TestUser } from '../../../../testing/users';
import { createWorker, type MarketWorker } from '../../../../worker';

// The reindex workflow end to end: the admin API starts it on a real worker (test stack's Temporal) that rebuilds
// a real OpenSearch index while a search loop keeps reading the alias.

let deps: TestDeps;
let app: Express;
let admin: TestUser;
let alias: string;
let worker: MarketWorker;
const activities = () => createActivities({ db: deps.db, search: deps.search, alias });

beforeAll(async () => {
  const base = await createTestDeps();
  const taskQueue = `test-reindex-${randomUUID()}`;
  deps = { ...base, temporal: { ...base.temporal, taskQueue } };
  alias = deps.config.search!.index;
  app = createApp(deps);
  admin = await createTestUser(deps, { role: 'admin' });
  worker = await createWorker({
    address: deps.config.temporal.address!,
    namespace: 'default',
    taskQueue,
    activities: activities(),
    log: deps.log,
  });
  void worker.run();
});

afterAll(async () => {
  await worker?.shutdown();
  await deps?.close();
});

async function createProducts(word: string, count: number): Promise<Product[]> {
  const products: Product[] = [];
  for (let i = 0; i < count; i += 1) {
    products.push(
      await deps.db.models.Product.create({
        slug: `p-${randomBytes(6).toString('hex')}`,
        title: `Reindex ${word} item ${i}`,
        priceAmount: 500 + i,
        currency: 'EUR',
        status: 'active',
      }),
    );
  }
  return products;
}

const searchFor = (q: string) => deps.search!.search(alias, { q, sort: 'relevance', page: 1, pageSize: 100 });

const progress = () => request(app).get('/api/admin/search/reindex').set(admin.auth);

test('a reindex swaps in a new index while every search keeps finding the products', async () => {
  await expect(progress()).resolves.toMatchObject({ status: 404, body: { code: 'no_reindex' } });

  const word = `w${randomBytes(5).toString('hex')}`;
  const products = await createProducts(word, 12);
  await activities().syncProductDocuments(products.map((p) => p.id));
  await deps.search!.refresh(alias);
  const [oldIndex] = await deps.search!.aliasTargets(alias);
  expect(oldIndex).toBeDefined();

  // Search as fast as we can, all through the reindex.
  const totals: number[] = [];
  const failures: unknown[] = [];
  let searching = true;
  const loop = (async () => {
    while (searching) {
      try {
        totals.push((await searchFor(word)).total);
      } catch (err) {
        failures.push(err);
      }
      await new Promise((resolve) => setTimeout(resolve, 10));
    }
  })();

  const started = await request(app)
    .post('/api/admin/search/reindex')
    .set(admin.auth)
    .send({ batchSize: 25 });
  expect(started.status).toBe(202);
  expect(started.body.workflowId).toBe(`catalog-reindex-${alias}`);
  expect(started.body.temporalUrl).toContain(encodeURIComponent(started.body.workflowId));

  const again = await request(app).post('/api/admin/search/reindex').set(admin.auth).send({});
  expect(again.status).toBe(409);
  expect(again.body.code).toBe('reindex_running');

  const running = await progress();
  expect(running.status).toBe(200);
  expect(['queued', 'starting', 'indexing', 'swapping', 'cleaning', 'done']).toContain(running.body.phase);

  // A change made during the reindex must be in the new index.
  const changed = products[0]!;
  const renamed = `r${randomBytes(5).toString('hex')}`;
  await changed.update({ title: `Reindex ${word} ${renamed}` });
  await startCatalogSync(deps, [changed.id]);

  const deadline = Date.now() + 60_000;
  let done = running;
  while (done.body.status === 'RUNNING' && Date.now() < deadline) {
    await new Promise((resolve) => setTimeout(resolve, 200));
    done = await progress();
  }
  // Let the loop run a little past the swap too.
  await new Promise((resolve) => setTimeout(resolve, 300));
  searching = false;
  await loop;

  expect(done.body).toMatchObject({ status: 'COMPLETED', phase: 'done', deleted: [oldIndex] });
  expect(done.body.indexed).toBeGreaterThanOrEqual(products.length);
  expect(done.body.total).toBeGreaterThanOrEqual(products.length);
  expect(await deps.search!.aliasTargets(alias)).toEqual([done.body.index]);
  expect(done.body.index).not.toBe(oldIndex);
  // The old index is gone.
  await expect(
    deps.search!.search(oldIndex!, { sort: 'newest', page: 1, pageSize: 1 }),
  ).rejects.toBeInstanceOf(SearchEngineError);

  expect(failures).toEqual([]);
  expect(totals.length).toBeGreaterThan(5);
  expect(totals.every((total) => total === products.length)).toBe(true);

  // The change made mid-reindex landed in the live (new) index.
  const found = async () => {
    await deps.search!.refresh(alias);
    return (await searchFor(renamed)).hits.map((hit) => Number(hit.id));
  };
  const until = Date.now() + 20_000;
  let ids = await found();
  while (ids.length === 0 && Date.now() < until) {
    await new Promise((resolve) => setTimeout(resolve, 200));
    ids = await found();
  }
  expect(ids).toEqual([changed.id]);

  // A finished reindex may run again.
  const rerun = await request(app).post('/api/admin/search/reindex').set(admin.auth).send({});
  expect(rerun.status).toBe(202);
  await deps.temporal.client.workflow.getHandle(rerun.body.workflowId, rerun.body.runId).result();
});

test('a batch size out of range is a 422', async () => {
  const res = await request(app).post('/api/admin/search/reindex').set(admin.auth).send({ batchSize: 0 });
  expect(res.status).toBe(422);
});

test('support staff may not reindex', async () => {
  const support = await createTestUser(deps, { role: 'support' });
  const res = await request(app).post('/api/admin/search/reindex').set(support.auth).send({});
  expect(res.status).toBe(403);
});
