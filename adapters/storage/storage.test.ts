import { randomBytes, randomUUID } from 'node:crypto';
import { Readable } from 'node:stream';
import { setTimeout as sleep } from 'node:timers/promises';
import { InvalidObjectKeyError, type ObjectStorage } from './index';
import { createTestBucket, createTestLocalStorage, type TestStorage } from './testing';

// The same contract for both adapters: S3 against the stack's real S3 server (S3Proxy), local on a temp directory.
const PNG = Buffer.concat([
  Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
  Buffer.from(Array.from({ length: 256 }, (_, i) => i)),
  randomBytes(4096),
]);

describe.each([
  ['s3', createTestBucket],
  ['local', createTestLocalStorage],
] as const)('%s object storage', (kind, create: () => Promise<TestStorage<ObjectStorage>>) => {
  let harness: TestStorage<ObjectStorage>;
  let storage: ObjectStorage;
  // Every test writes under its own folder: no test depends on another's objects.
  let folder: string;

  beforeAll(async () => {
    harness = await create();
    storage = harness.storage;
  });
  afterAll(() => harness?.drop());
  beforeEach(() => {
    folder = `t-${randomUUID()}`;
  });

  it('is the adapter it says it is, and answers ping', async () => {
    expect(storage.kind).toBe(kind);
    await expect(storage.ping()).resolves.toBeUndefined();
  });

  it('round-trips binary data with its content type and cache control', async () => {
    const key = `${folder}/image.png`;
    await storage.put(key, PNG, {
      contentType: 'image/png',
      cacheControl: 'public, max-age=31536000, immutable',
    });

    const object = await storage.get(key);
    expect(object?.body.equals(PNG)).toBe(true);
    expect(object).toMatchObject({ size: PNG.length, contentType: 'image/png' });
    expect(object?.cacheControl).toBe('public, max-age=31536000, immutable');
    expect(await storage.head(key)).toMatchObject({ size: PNG.length, contentType: 'image/png' });
  });

  it('replaces an object, stores a stream, and deletes', async () => {
    const key = `${folder}/invoices/INV-1.pdf`;
    await storage.put(key, Buffer.from('old'), { contentType: 'text/plain' });
    const pdf = Buffer.concat([Buffer.from('%PDF-1.7\n'), randomBytes(70_000)]);
    await storage.put(key, Readable.from([pdf.subarray(0, 1000), pdf.subarray(1000)]), {
      contentType: 'application/pdf',
    });
    expect((await storage.get(key))?.body.equals(pdf)).toBe(true);
    expect(await storage.head(key)).toMatchObject({ size: pdf.length, contentType: 'application/pdf' });

    await storage.delete(key);
    expect(await storage.get(key)).toBeNull();
    expect(await storage.head(key)).toBeNull();
    await expect(storage.delete(key)).resolves.toBeUndefined(); // deleting twice is fine
  });

  it('answers null for missing objects', async () => {
    expect(await storage.get(`${folder}/missing.png`)).toBeNull();
    expect(await storage.head(`${folder}/missing.png`)).toBeNull();
  });

  it('deletePrefix removes a folder, nested objects included, and nothing beside it', async () => {
    const put = (key: string) =>
      storage.put(`${folder}/${key}`, Buffer.from(key), { contentType: 'text/plain' });
    await Promise.all(['p/1', 'p/2', 'p/a/b/3', 'p2/keep', 'pkeep'].map(put));

    expect(await storage.deletePrefix(`${folder}/p/`)).toBe(3);
    expect(await storage.head(`${folder}/p/1`)).toBeNull();
    expect(await storage.head(`${folder}/p/a/b/3`)).toBeNull();
    expect(await storage.head(`${folder}/p2/keep`)).not.toBeNull();
    expect(await storage.head(`${folder}/pkeep`)).not.toBeNull();
    expect(await storage.deletePrefix(`${folder}/p/`)).toBe(0);
  });

  it('rejects invalid keys and prefixes before any I/O', async () => {
    for (const key of ['', '/abs.png', '../escape.png', `${folder}/../x`, `${folder}//x`, `${folder}/./x`]) {
      await expect(storage.put(key, PNG, { contentType: 'image/png' })).rejects.toThrow(
        InvalidObjectKeyError,
      );
      await expect(storage.get(key)).rejects.toThrow(InvalidObjectKeyError);
      await expect(storage.head(key)).rejects.toThrow(InvalidObjectKeyError);
      await expect(storage.delete(key)).rejects.toThrow(InvalidObjectKeyError);
      await expect(storage.presignGet(key, { expiresInSeconds: 60 })).rejects.toThrow(InvalidObjectKeyError);
    }
    for (const prefix of ['', '/', folder, `../${folder}/`]) {
      await expect(storage.deletePrefix(prefix)).rejects.toThrow(InvalidObjectKeyError);
    }
  });

  describe('presigned URLs', () => {
    const upload = (url: string, body: Buffer, contentType?: string) =>
      fetch(url, { method: 'PUT', body, headers: contentType ? { 'Content-Type': contentType } : {} });

    it('a presigned PUT stores the upload with its bound content type', async () => {
      const key = `${folder}/upload.png`;
      const slot = await storage.presignPut(key, {
        contentType: 'image/png',
        maxBytes: 1 << 20,
        expiresInSeconds: 60,
      });
      expect(slot).toMatchObject({ method: 'PUT', headers: { 'Content-Type': 'image/png' } });
      expect(slot.expiresAt.getTime()).toBeGreaterThan(Date.now());

      const res = await fetch(slot.url, { method: slot.method, headers: slot.headers, body: PNG });
      expect(res.status).toBe(200);
      expect(await storage.head(key)).toMatchObject({ size: PNG.length, contentType: 'image/png' });
      expect((await storage.get(key))?.body.equals(PNG)).toBe(true);
    });

    it('a presigned PUT refuses another content type, or none', async () => {
      const key = `${folder}/upload.png`;
      const { url } = await storage.presignPut(key, {
        contentType: 'image/png',
        maxBytes: 1 << 20,
        expiresInSeconds: 60,
      });

      expect((await upload(url, PNG, 'text/html')).status).toBe(403);
      expect((await upload(url, PNG)).status).toBe(403);
      expect(await storage.head(key)).toBeNull();
    });

    it('a presigned PUT with a content length refuses another size', async () => {
      const key = `${folder}/sized.png`;
      const options = {
        contentType: 'image/png',
        maxBytes: 1 << 20,
        contentLength: PNG.length,
        expiresInSeconds: 60,
      };
      const { url } = await storage.presignPut(key, options);

      expect((await upload(url, Buffer.concat([PNG, PNG]), 'image/png')).status).toBe(403);
      expect(await storage.head(key)).toBeNull();
      expect((await upload(url, PNG, 'image/png')).status).toBe(200);
      expect(await storage.head(key)).toMatchObject({ size: PNG.length });
    });

    it('refuses impossible upload limits and expiries', async () => {
      const key = `${folder}/x.png`;
      const ok = { contentType: 'image/png', maxBytes: 10, expiresInSeconds: 60 };
      await expect(storage.presignPut(key, { ...ok, contentLength: 11 })).rejects.toThrow(RangeError);
      await expect(storage.presignPut(key, { ...ok, maxBytes: 0 })).rejects.toThrow(RangeError);
      await expect(storage.presignPut(key, { ...ok, contentType: 'image/png; charset=x' })).rejects.toThrow(
        RangeError,
      );
      await expect(storage.presignPut(key, { ...ok, expiresInSeconds: 0 })).rejects.toThrow(RangeError);
      await expect(storage.presignGet(key, { expiresInSeconds: 8 * 24 * 3600 })).rejects.toThrow(RangeError);
    });

    it('a presigned GET downloads the object, as an attachment when named', async () => {
      const key = `${folder}/INV-2026-0001.pdf`;
      const pdf = Buffer.concat([Buffer.from('%PDF-1.7\n'), randomBytes(2048)]);
      await storage.put(key, pdf, { contentType: 'application/pdf' });

      const plain = await fetch(await storage.presignGet(key, { expiresInSeconds: 60 }));
      expect(plain.status).toBe(200);
      expect(plain.headers.get('content-type')).toBe('application/pdf');
      expect(Buffer.from(await plain.arrayBuffer()).equals(pdf)).toBe(true);

      const named = await fetch(
        await storage.presignGet(key, { expiresInSeconds: 60, downloadName: 'Rechnung Nr. 1 – März.pdf' }),
      );
      expect(named.status).toBe(200);
      expect(named.headers.get('content-disposition')).toBe(
        `attachment; filename="Rechnung Nr. 1 _ M_rz.pdf"; filename*=UTF-8''Rechnung%20Nr.%201%20%E2%80%93%20M%C3%A4rz.pdf`,
      );
    });

    it('a tampered URL is refused', async () => {
      const key = `${folder}/a.png`;
      await storage.put(key, PNG, { contentType: 'image/png' });
      const url = await storage.presignGet(key, { expiresInSeconds: 60 });
      const other = url.replace('/a.png', '/b.png');
      expect((await fetch(other)).status).toBe(403);
    });

    it('a GET signed at an earlier time counts from then: the same URL each time, refused once past', async () => {
      const key = `${folder}/signed-earlier.png`;
      await storage.put(key, PNG, { contentType: 'image/png' });
      // Whole seconds: SigV4 dates have no milliseconds.
      const aMinuteAgo = new Date(Math.floor(Date.now() / 1000) * 1000 - 60_000);
      const valid = await storage.presignGet(key, { expiresInSeconds: 120, signedAt: aMinuteAgo });
      expect(await storage.presignGet(key, { expiresInSeconds: 120, signedAt: aMinuteAgo })).toBe(valid);
      expect((await fetch(valid)).status).toBe(200);

      const past = await storage.presignGet(key, { expiresInSeconds: 30, signedAt: aMinuteAgo });
      expect((await fetch(past)).status).toBe(403);
    });

    it('expired URLs are refused', async () => {
      const key = `${folder}/soon.png`;
      await storage.put(key, PNG, { contentType: 'image/png' });
      const get = await storage.presignGet(key, { expiresInSeconds: 1 });
      const put = await storage.presignPut(`${folder}/late.png`, {
        contentType: 'image/png',
        maxBytes: 1 << 20,
        expiresInSeconds: 1,
      });
      await sleep(2100);

      expect((await fetch(get)).status).toBe(403);
      expect((await upload(put.url, PNG, 'image/png')).status).toBe(403);
      expect(await storage.head(`${folder}/late.png`)).toBeNull();
    });
  });
});
