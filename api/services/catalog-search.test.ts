import request from 'supertest';
import { createApp } from '../app';
import { createTestDeps, type TestDeps } from '../testing/deps';

// A fresh deployment: OpenSearch up, but no catalog sync has run yet, so the products alias does not exist.
// (Schemathesis found every listing answering 500 there.)
let deps: TestDeps;
beforeAll(async () => {
  deps = await createTestDeps();
});
afterAll(async () => {
  await deps.close();
});

test('a listing before the first catalog sync is an empty page, and the alias exists afterwards', async () => {
  const alias = deps.config.search!.index;
  expect(await deps.search!.aliasTargets(alias)).toEqual([]);
  const res = await request(createApp(deps)).get('/api/products?q=anything&tags=eco');
  expect(res.status).toBe(200);
  expect(res.body).toMatchObject({ items: [], total: 0 });
  expect(await deps.search!.aliasTargets(alias)).toHaveLength(1);
});
