import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createDatabase, hashPassword } from '@market/db';
import { loadConfig } from '../../config';
import { createLogger } from '../../logger';
import { type Running, startRoles } from '../../server';
import { stackEnv } from '../../testing/deps';

// The embedded default's search end to end: no SEARCH_URL, SQLite under DATA_DIR and the in-process cache, as
// `npm start` runs. `all` (web and worker in one process) is built at boot and kept in step by the catalog-sync
// workflow on the test stack's Temporal; a web process without the worker rebuilds from the database after a
// catalog write.
jest.setTimeout(120_000);

const dataDir = mkdtempSync(path.join(os.tmpdir(), 'market-embedded-search-'));
const token = `q${randomBytes(5).toString('hex')}`;
const taskQueue = `embedded-search-${process.pid}-${randomBytes(4).toString('hex')}`;
const password = `pw-${randomBytes(9).toString('base64url')}`;
const adminEmail = `admin-${token}@example.test`;
let productId: number;

const config = () =>
  loadConfig({
    NODE_ENV: 'test',
    LOG_LEVEL: 'silent',
    PORT: '0',
    DATA_DIR: dataDir,
    // The API only: no storefront or back office build to serve.
    STOREFRONT_BUILD_DIR: path.join(dataDir, 'no-storefront'),
    ADMIN_BUILD_DIR: path.join(dataDir, 'no-admin'),
    TEMPORAL_ADDRESS: stackEnv('MARKET_TEST_TEMPORAL_ADDRESS'),
    TEMPORAL_TASK_QUEUE: taskQueue,
    SEARCH_INDEX: `embedded-${token}`,
    JWT_SECRET: 'embedded-search-test-secret-long-enough-for-hs256',
    STORAGE_SIGNING_SECRET: 'embedded-search-test-storage-secret-long-enough',
  });

beforeAll(async () => {
  expect(config().search).toEqual({ kind: 'memory', index: `embedded-${token}` });
  const db = createDatabase({ kind: 'sqlite', path: path.join(dataDir, 'market.sqlite') });
  try {
    await db.migrate();
    const product = await db.models.Product.create({
      slug: `arden-${token}`,
      title: `Arden ${token} Throw`,
      description: 'Merino wool, woven in the forest.',
      priceAmount: 6_400,
      currency: 'EUR',
      status: 'active',
    });
    await db.models.Inventory.create({ productId: product.id, onHand: 3, reserved: 0 });
    // The list's thumbnail is the first image by position, then id (rows.ts's subquery, on SQLite here).
    await db.models.ProductImage.bulkCreate([
      {
        productId: product.id,
        storageKey: `products/${token}/back.jpg`,
        contentType: 'image/jpeg',
        position: 1,
      },
      {
        productId: product.id,
        storageKey: `products/${token}/front.jpg`,
        contentType: 'image/jpeg',
        position: 0,
      },
    ]);
    productId = product.id;
    await db.models.User.create({
      email: adminEmail,
      name: 'Admin',
      role: 'admin',
      passwordHash: await hashPassword(password),
    });
  } finally {
    await db.close();
  }
});

afterAll(() => {
  rmSync(dataDir, { recursive: true, force: true });
});

async function signIn(url: string): Promise<{ Authorization: string }> {
  const res = await fetch(`${url}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email: adminEmail, password }),
  });
  expect(res.status).toBe(200);
  return { Authorization: `Bearer ${((await res.json()) as { accessToken: string }).accessToken}` };
}

async function rename(url: string, title: string): Promise<void> {
  const res = await fetch(`${url}/api/admin/products/${productId}`, {
    method: 'PUT',
    headers: { ...(await signIn(url)), 'content-type': 'application/json' },
    body: JSON.stringify({ title }),
  });
  expect(res.status).toBe(200);
}

/**
 * The slugs the shop's search finds. `pageSize` varies so each call is its own listing-cache key: an answer
 * cached before the sync landed must not hide the index from the polling below.
 */
let calls = 0;
async function find(url: string, q: string): Promise<string[]> {
  const pageSize = 20 + (calls++ % 80);
  const res = await fetch(`${url}/api/products?${new URLSearchParams({ q, pageSize: String(pageSize) })}`);
  expect(res.status).toBe(200);
  return ((await res.json()) as { items: { slug: string }[] }).items.map((item) => item.slug);
}

async function eventually(read: () => Promise<string[]>, want: string[]): Promise<string[]> {
  const deadline = Date.now() + 30_000;
  for (;;) {
    const found = await read();
    if (JSON.stringify(found) === JSON.stringify(want) || Date.now() > deadline) return found;
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
}

// `all` runs throughout: its worker also runs the syncs the web-only process starts.
let all: Running;
beforeAll(async () => {
  all = await startRoles(config(), createLogger({ level: 'silent' }), 'all');
});
afterAll(async () => {
  await all?.stop();
});

describe('web and worker in one process (npm start)', () => {
  test('the index is built at boot and tolerates typos', async () => {
    expect(await find(all.url!, 'aredn')).toEqual([`arden-${token}`]);
    expect(await find(all.url!, 'arden throw')).toEqual([`arden-${token}`]);
  });

  test("a listed product's thumbnail is its first image", async () => {
    const res = await fetch(`${all.url!}/api/products?q=${token}`);
    const { items } = (await res.json()) as { items: { slug: string; thumbnailUrl: string | null }[] };
    expect(items).toEqual([
      expect.objectContaining({ slug: `arden-${token}`, thumbnailUrl: expect.stringContaining('front.jpg') }),
    ]);
  });

  test('an admin edit reaches the index through the catalog-sync workflow', async () => {
    await rename(all.url!, `Hollis ${token} Throw`);
    expect(await eventually(() => find(all.url!, `holis ${token}`), [`arden-${token}`])).toEqual([
      `arden-${token}`,
    ]);
    expect(await eventually(() => find(all.url!, 'aredn'), [])).toEqual([]);
  });
});

describe('a web process without the worker', () => {
  let web: Running;
  beforeAll(async () => {
    web = await startRoles(config(), createLogger({ level: 'silent' }), 'web');
  });
  afterAll(async () => {
    await web?.stop();
  });

  test('rebuilds from the database after a catalog write: the next search sees it', async () => {
    await rename(web.url!, `Marlow ${token} Throw`);
    expect(await find(web.url!, `marlwo ${token}`)).toEqual([`arden-${token}`]);
    expect(await find(web.url!, `hollis ${token}`)).toEqual([]);
    // The sync it started ran on the worker of the `all` process, into that process's index.
    expect(await eventually(() => find(all.url!, `marlow ${token}`), [`arden-${token}`])).toEqual([
      `arden-${token}`,
    ]);
  });
});
