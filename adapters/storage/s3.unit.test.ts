import { GetObjectCommand, PutObjectCommand, S3Client } from '@aws-sdk/client-s3';
import { getSignedUrl } from '@aws-sdk/s3-request-presigner';
import { S3ObjectStorage, type S3StorageOptions } from './s3';
import { S3GetUrls } from './s3-get-urls';

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

  // S3GetUrls signs plain GETs without the SDK's middleware: the URLs must be exactly getSignedUrl's.
  test.each([
    ['a path-style endpoint', options],
    ['a public endpoint', { ...options, publicEndpoint: 'https://s3.example.com' }],
    [
      'AWS itself, virtual host',
      { ...options, endpoint: undefined, region: 'eu-west-1', forcePathStyle: false },
    ],
    ['AWS itself, path style', { ...options, endpoint: undefined, region: 'ap-southeast-2' }],
  ])('a plain GET URL is the one getSignedUrl makes: %s', async (_name, o: S3StorageOptions) => {
    const storage = store(o);
    const reference = new S3Client({
      endpoint: o.publicEndpoint ?? o.endpoint,
      region: o.region,
      forcePathStyle: o.forcePathStyle ?? true,
      credentials: { accessKeyId: 'market', secretAccessKey: 'market-secret' },
      requestChecksumCalculation: 'WHEN_REQUIRED', // as the adapter's client
      responseChecksumValidation: 'WHEN_REQUIRED',
    });
    const signingDate = new Date(Date.UTC(2026, 11, 6, 10, 0, 0));
    for (const key of ['images/a.png', 'products/42/9b1f-x_y/thumb-400.webp', 'a', 'probe']) {
      for (const expiresIn of [60, 7200]) {
        const expected = await getSignedUrl(reference, new GetObjectCommand({ Bucket: 'market', Key: key }), {
          signingDate,
          expiresIn,
        });
        expect(await storage.presignGet(key, { expiresInSeconds: expiresIn, signedAt: signingDate })).toBe(
          expected,
        );
      }
    }
    // Signed now when no time is given.
    const now = new URL(await storage.presignGet('images/a.png', { expiresInSeconds: 60 }));
    const signedAt = Date.parse(
      now.searchParams
        .get('X-Amz-Date')!
        .replace(/^(\d{4})(\d\d)(\d\d)T(\d\d)(\d\d)(\d\d)Z$/, '$1-$2-$3T$4:$5:$6Z'),
    );
    expect(Math.abs(signedAt - Date.now())).toBeLessThan(5_000);
    reference.destroy();
  });

  test('temporary credentials: the session token is in the URL, as the SDK puts it', async () => {
    const credentials = {
      accessKeyId: 'ASIA-TEMP',
      secretAccessKey: 'temp-secret',
      sessionToken: 'tok/en+=',
    };
    const client = new S3Client({
      endpoint: 'http://s3:9000',
      region: 'us-east-1',
      forcePathStyle: true,
      credentials,
      requestChecksumCalculation: 'WHEN_REQUIRED',
      responseChecksumValidation: 'WHEN_REQUIRED',
    });
    const signingDate = new Date(Date.UTC(2026, 11, 6, 10, 0, 0));
    const expected = await getSignedUrl(
      client,
      new GetObjectCommand({ Bucket: 'market', Key: 'images/a.png' }),
      {
        signingDate,
        expiresIn: 60,
      },
    );
    expect(expected).toContain('X-Amz-Security-Token=');
    // The adapter takes static keys only (or the default chain); its signer is what meets a session's token.
    const urls = new S3GetUrls(client, 'market');
    expect(await urls.sign('images/a.png', 60, signingDate)).toBe(expected);
    // Keys the adapter never makes (keys.ts) are still escaped as the SDK escapes them.
    const odd = "images/a b!(1)'*~.png";
    expect(await urls.sign(odd, 60, signingDate)).toBe(
      await getSignedUrl(client, new GetObjectCommand({ Bucket: 'market', Key: odd }), {
        signingDate,
        expiresIn: 60,
      }),
    );
    client.destroy();
  });

  test('the server itself still talks to the internal endpoint', async () => {
    const storage = store({ ...options, publicEndpoint: 'https://s3.example.com' });
    const endpoint = await storage.client.config.endpoint?.();
    expect(endpoint?.hostname).toBe('s3');
    expect(endpoint?.port).toBe(9000);
  });
});
