import { S3ObjectStorage } from './s3';
import { createTestBucket, type TestStorage, testS3Options } from './testing';

// Against the test stack's S3 server: the server talks to it as 127.0.0.1, "browsers" as localhost (another host
// name for the same server, as http://s3:9000 and http://localhost:9000 are in docker compose). Presigned URLs
// signed for the public endpoint work there, and the server sees what was uploaded.
describe('S3ObjectStorage with a public endpoint', () => {
  let bucket: TestStorage<S3ObjectStorage>;
  let storage: S3ObjectStorage;
  beforeAll(async () => {
    bucket = await createTestBucket();
    const options = testS3Options();
    const endpoint = new URL(options.endpoint!);
    const publicEndpoint = `${endpoint.protocol}//localhost:${endpoint.port}`;
    storage = new S3ObjectStorage({ ...options, bucket: bucket.storage.bucket, publicEndpoint });
  });
  afterAll(async () => {
    await storage?.close();
    await bucket?.drop();
  });

  test('a presigned PUT to the public host stores the object; a presigned GET there reads it', async () => {
    const body = Buffer.from('%PDF-1.7 public endpoint');
    const slot = await storage.presignPut('invoices/public.pdf', {
      contentType: 'application/pdf',
      maxBytes: 1024,
      expiresInSeconds: 60,
    });
    expect(new URL(slot.url).hostname).toBe('localhost');
    const put = await fetch(slot.url, { method: 'PUT', headers: slot.headers, body });
    expect(put.status).toBe(200);
    expect((await bucket.storage.get('invoices/public.pdf'))?.body.equals(body)).toBe(true);

    const url = await storage.presignGet('invoices/public.pdf', { expiresInSeconds: 60 });
    expect(new URL(url).hostname).toBe('localhost');
    const got = await fetch(url);
    expect(got.status).toBe(200);
    expect(Buffer.from(await got.arrayBuffer()).equals(body)).toBe(true);
  });

  test('a URL signed for the public host is refused at another host (the signature covers it)', async () => {
    const url = new URL(await storage.presignGet('invoices/public.pdf', { expiresInSeconds: 60 }));
    url.hostname = '127.0.0.1';
    expect((await fetch(url)).status).toBe(403);
  });
});
