import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { type ObjectStorage, signLocalUrl } from '@market/adapters';
import request from 'supertest';
import { createApp } from '../../app';
import { openStorage } from '../../platform';
import { createTestDeps, testConfig, type TestDeps } from '../../testing/deps';

const PUBLIC_URL = 'http://127.0.0.1:3999';
const secret = randomBytes(32).toString('hex');
const dataDir = mkdtempSync(path.join(tmpdir(), 'market-storage-route-'));

let deps: TestDeps;
let storage: ObjectStorage;
let app: ReturnType<typeof createApp>;
let s3App: ReturnType<typeof createApp>;

beforeAll(async () => {
  deps = await createTestDeps();
  // The embedded default: no S3_BUCKET, files under DATA_DIR/storage, URLs under PUBLIC_URL/api/storage.
  const config = testConfig({ DATA_DIR: dataDir, STORAGE_SIGNING_SECRET: secret, PUBLIC_URL });
  storage = openStorage(config);
  app = createApp({ ...deps, config, storage }, { routes: [] });
  s3App = createApp(deps, { routes: [] });
});
afterAll(async () => {
  await deps.close();
  rmSync(dataDir, { recursive: true, force: true });
});

/** supertest talks to the app in-process: keep the path and query of a presigned URL. */
const local = (url: string) => {
  expect(url.startsWith(`${PUBLIC_URL}/api/storage/`)).toBe(true);
  const { pathname, search } = new URL(url);
  return pathname + search;
};
const uniqueKey = () => `products/1/${randomBytes(8).toString('hex')}/original`;

async function presignedPut(key: string, body: Buffer, contentType = 'image/png') {
  return storage.presignPut(key, {
    contentType,
    contentLength: body.length,
    maxBytes: 1024,
    expiresInSeconds: 60,
  });
}

describe('GET|PUT /api/storage/*key (local storage)', () => {
  test('a signed PUT stores the object, a signed GET returns it', async () => {
    const key = uniqueKey();
    const body = randomBytes(300);
    const slot = await presignedPut(key, body);
    const put = await request(app).put(local(slot.url)).set(slot.headers).send(body);
    expect(put.status).toBe(200);
    expect(await storage.head(key)).toEqual({ size: 300, contentType: 'image/png' });

    const url = await storage.presignGet(key, { expiresInSeconds: 60 });
    const get = await request(app).get(local(url)).buffer(true);
    expect(get.status).toBe(200);
    expect(get.headers['content-type']).toBe('image/png');
    expect(get.headers['cross-origin-resource-policy']).toBe('cross-origin');
    expect(Buffer.compare(get.body as Buffer, body)).toBe(0);

    const download = await storage.presignGet(key, { expiresInSeconds: 60, downloadName: 'photo.png' });
    const attached = await request(app).get(local(download));
    expect(attached.headers['content-disposition']).toMatch(/^attachment; filename="photo.png"/);
  });

  test('a tampered signature, or the signature of another key, is a 403', async () => {
    const key = uniqueKey();
    await storage.put(key, Buffer.from('x'), { contentType: 'image/png' });
    const url = new URL(await storage.presignGet(key, { expiresInSeconds: 60 }));
    const sig = url.searchParams.get('sig')!;
    url.searchParams.set('sig', (sig[0] === 'A' ? 'B' : 'A') + sig.slice(1));
    const tampered = await request(app).get(local(url.toString()));
    expect(tampered.status).toBe(403);
    expect(tampered.body.code).toBe('invalid_signature');

    const other = uniqueKey();
    await storage.put(other, Buffer.from('secret'), { contentType: 'image/png' });
    const moved = new URL(await storage.presignGet(key, { expiresInSeconds: 60 }));
    moved.pathname = `/api/storage/${other}`;
    expect((await request(app).get(local(moved.toString()))).status).toBe(403);

    // A GET URL does not allow a PUT.
    const asPut = await request(app)
      .put(local(await storage.presignGet(key, { expiresInSeconds: 60 })))
      .set('Content-Type', 'image/png')
      .send(Buffer.from('overwrite'));
    expect(asPut.status).toBe(403);
    expect((await storage.get(key))?.body.toString()).toBe('x');
  });

  test('an expired URL is a 403', async () => {
    const key = uniqueKey();
    await storage.put(key, Buffer.from('x'), { contentType: 'image/png' });
    const expiresAt = Math.floor(Date.now() / 1000) - 5;
    const get = signLocalUrl(`${PUBLIC_URL}/api/storage`, secret, { method: 'GET', key, expiresAt });
    const res = await request(app).get(local(get));
    expect(res.status).toBe(403);
    expect(res.body.code).toBe('url_expired');

    const put = signLocalUrl(`${PUBLIC_URL}/api/storage`, secret, {
      method: 'PUT',
      key: uniqueKey(),
      expiresAt,
      contentType: 'image/png',
      maxBytes: 100,
    });
    const upload = await request(app).put(local(put)).set('Content-Type', 'image/png').send(Buffer.from('x'));
    expect(upload.status).toBe(403);
  });

  test('a PUT must carry the signed Content-Type and exactly the signed length', async () => {
    const key = uniqueKey();
    const body = randomBytes(100);
    const slot = await presignedPut(key, body);
    const wrongType = await request(app).put(local(slot.url)).set('Content-Type', 'text/html').send(body);
    expect(wrongType.status).toBe(403);
    expect(wrongType.body.code).toBe('content_type_mismatch');
    const longer = await request(app)
      .put(local(slot.url))
      .set(slot.headers)
      .send(Buffer.concat([body, randomBytes(10)]));
    expect(longer.status).toBe(403);
    expect(longer.body.code).toBe('content_length_mismatch');
    expect(await storage.head(key)).toBeNull();
  });

  test('a PUT over maxBytes is a 413 and stores nothing', async () => {
    const key = uniqueKey();
    const url = signLocalUrl(`${PUBLIC_URL}/api/storage`, secret, {
      method: 'PUT',
      key,
      expiresAt: Math.floor(Date.now() / 1000) + 60,
      contentType: 'image/png',
      maxBytes: 50,
    });
    const res = await request(app).put(local(url)).set('Content-Type', 'image/png').send(randomBytes(51));
    expect(res.status).toBe(413);
    expect(await storage.head(key)).toBeNull();
  });

  test('an unsigned or malformed URL is a 400; a missing object is a 404', async () => {
    expect((await request(app).get('/api/storage/products/1/x/original')).status).toBe(400);
    const missing = await storage.presignGet(uniqueKey(), { expiresInSeconds: 60 });
    expect((await request(app).get(local(missing))).status).toBe(404);
  });

  test('with S3 configured the route is not there', async () => {
    const url = await storage.presignGet(uniqueKey(), { expiresInSeconds: 60 });
    const res = await request(s3App).get(local(url));
    expect(res.status).toBe(404);
    expect(res.body.code).toBe('route_not_found');
  });
});
