import { createTestDeps, type TestDeps } from '../testing/deps';
import { describeStoredPages } from './product-pages.testing';

let deps: TestDeps;
beforeAll(async () => {
  deps = await createTestDeps();
});
afterAll(async () => {
  await deps?.close();
});

describeStoredPages('MariaDB', () => deps);
