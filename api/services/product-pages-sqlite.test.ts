import type { Database } from '@market/db';
import { createSqliteTestDatabase } from '@market/db/testing';
import { createTestDeps, type TestDeps } from '../testing/deps';
import { describeStoredPages } from './product-pages.testing';

// The embedded default's database, with the stack's storage for the image links.
let deps: TestDeps;
let sqlite: Database;
beforeAll(async () => {
  sqlite = await createSqliteTestDatabase();
  deps = await createTestDeps();
});
afterAll(async () => {
  await sqlite?.close();
  await deps?.close();
});

describeStoredPages('SQLite', () => ({ ...deps, db: sqlite }));
