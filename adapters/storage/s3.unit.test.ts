import { PutObjectCommand, S3Client } from '@aws-sdk/client-s3';
import { getSignedUrl } from '@aws-sdk/s3-request-presigner';
import { S3ObjectStorage, type S3StorageOptions } from './s3';

// No server: presigning is local. docker compose (and a cluster) reach S3 as http://s3:9000, a name browsers
// cannot resolve; publicEndpoint (S3_PUBLIC_ENDPOINT) makes presigned URLs point where browsers reach the same
// server. api/config-s3.unit.test.ts checks the variable itself.
const options: S3StorageOptions = {
  endpoint: 'http://s3:9000',
  region: 'us-east-1',
  bucket: 'market',
  accessKeyId: 'market',
  secretAccessKey: 'market-secret',
};
const upload = { contentType: 'image/png', expiresInSeconds: 300, maxBytes: 1_000_000 };

describe('S3ObjectStorage presigned URLs', () => {
  const stores: S3ObjectStorage[] = [];
  const store = (o: S3StorageOptions) => {
    const s = new S3ObjectStorage(o);
    stores.push(s);
    return s;
  };
  afterAll(() => Promise.all(stores.map((s) => s.close())));

  test('without a public endpoint they point at the endpoint the server uses', async () => {
    const storage = store(options);
    expect((await storage.presignPut('images/a.png', upload)).url).toMatch(
      /^http:\/\/s3:9000\/market\/images\/a\.png\?/,
    );
    expect(await storage.presignGet('images/a.png', { expiresInSeconds: 60 })).toMatch(
      /^http:\/\/s3:9000\/market\/images\/a\.png\?/,
    );
  });

  test('with S3_PUBLIC_ENDPOINT they point at it, signed for its host', async () => {
    const storage = store({ ...options, publicEndpoint: 'https://s3.example.com' });
    const put = await storage.presignPut('images/a.png', upload);
    const get = await storage.presignGet('invoices/1.pdf', {
      expiresInSeconds: 60,
      downloadName: 'invoice.pdf',
    });
    expect(put.url).toMatch(/^https:\/\/s3\.example\.com\/market\/images\/a\.png\?/);
    expect(get).toMatch(/^https:\/\/s3\.example\.com\/market\/invoices\/1\.pdf\?/);
    for (const url of [put.url, get]) {
      expect(new URL(url).searchParams.get('X-Amz-SignedHeaders')?.split(';')).toContain('host');
    }

    // Exactly the URL a client configured with the public endpoint signs: valid at that host.
    const reference = new S3Client({
      endpoint: 'https://s3.example.com',
      region: 'us-east-1',
      forcePathStyle: true,
      credentials: { accessKeyId: 'market', secretAccessKey: 'market-secret' },
      requestChecksumCalculation: 'WHEN_REQUIRED',
    });
    const signingDate = new Date(put.expiresAt.getTime() - upload.expiresInSeconds * 1000);
    const expected = await getSignedUrl(
      reference,
      new PutObjectCommand({ Bucket: 'market', Key: 'images/a.png', ContentType: 'image/png' }),
      { signingDate, expiresIn: 300, signableHeaders: new Set(['content-type', 'content-length']) },
    );
    reference.destroy();
    expect(put.url).toBe(expected);
  });

  test('the server itself still talks to the internal endpoint', async () => {
    const storage = store({ ...options, publicEndpoint: 'https://s3.example.com' });
    const endpoint = await storage.client.config.endpoint?.();
    expect(endpoint?.hostname).toBe('s3');
    expect(endpoint?.port).toBe(9000);
  });
});
