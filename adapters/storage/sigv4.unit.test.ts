import { createHash, createHmac, type Hash, type Hmac } from 'node:crypto';
import { S3RequestPresigner } from '@aws-sdk/s3-request-presigner';
import { GetSigner, type SigningCredentials } from './sigv4';

/** The SDK's hash interface over node:crypto (HMAC when given a secret), as the S3 client's own. */
class Sha256 {
  private readonly hash: Hash | Hmac;
  constructor(secret?: string | ArrayBuffer | ArrayBufferView) {
    this.hash = secret ? createHmac('sha256', bytes(secret)) : createHash('sha256');
  }
  update(data: string | ArrayBuffer | ArrayBufferView): void {
    this.hash.update(bytes(data));
  }
  digest(): Promise<Uint8Array> {
    return Promise.resolve(this.hash.digest());
  }
}

function bytes(data: string | ArrayBuffer | ArrayBufferView): string | Uint8Array {
  if (typeof data === 'string') return data;
  if (data instanceof ArrayBuffer) return new Uint8Array(data);
  return new Uint8Array(data.buffer, data.byteOffset, data.byteLength);
}

// GetSigner must produce what the SDK's S3 presigner produces for the same plain GET, byte for byte.
async function sdkQuery(
  credentials: SigningCredentials,
  region: string,
  host: string,
  path: string,
  expiresIn: number,
  signingDate: Date,
): Promise<string> {
  const presigner = new S3RequestPresigner({ credentials, region, sha256: Sha256 });
  const signed = await presigner.presign(
    {
      method: 'GET',
      protocol: 'https:',
      hostname: host,
      path,
      query: { 'x-id': 'GetObject' },
      headers: { host },
    },
    { expiresIn, signingDate },
  );
  const query = signed.query as Record<string, string>;
  return Object.keys(query)
    .sort()
    .map((name) => `${encodeURIComponent(name)}=${encodeURIComponent(query[name]!)}`)
    .join('&');
}

const secret = { accessKeyId: 'AKIDEXAMPLE', secretAccessKey: 'wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY' };
const session = { accessKeyId: 'ASIATEMP', secretAccessKey: 'temp/secret+', sessionToken: 'tok/en+= !*' };

describe('GetSigner', () => {
  test.each([
    ['static keys, us-east-1', secret, 'us-east-1', 's3.example.com', '/market/images/a.png', 60],
    ['a session token', session, 'eu-west-1', 'bucket.s3.eu-west-1.amazonaws.com', '/p/42/t-400.webp', 7200],
    ['a port and an escaped key', secret, 'ap-southeast-2', 'localhost:9000', '/market/a%20b%21.png', 3600],
  ])('signs as the SDK does: %s', async (_name, credentials, region, host, path, expiresIn) => {
    const signer = new GetSigner(region, 's3');
    for (const signedAt of [
      new Date(Date.UTC(2026, 11, 6, 10, 0, 0)),
      new Date(Date.UTC(2026, 11, 7, 0, 0, 1)),
    ]) {
      const ours = signer.queryString({
        host,
        path,
        query: { 'x-id': 'GetObject' },
        expiresIn,
        signedAt,
        credentials,
      });
      // The same pairs in the same order (escaping itself is s3.unit.test.ts's comparison with getSignedUrl).
      const expected = await sdkQuery(credentials, region, host, path, expiresIn, signedAt);
      expect([...new URLSearchParams(ours)]).toEqual([...new URLSearchParams(expected)]);
      expect(ours).toMatch(/^X-Amz-Algorithm=AWS4-HMAC-SHA256&X-Amz-Content-Sha256=UNSIGNED-PAYLOAD&/);
    }
  });

  test('a new day or new credentials get a new signing key', () => {
    const signer = new GetSigner('us-east-1', 's3');
    const request = { host: 'h', path: '/b/k', query: {}, expiresIn: 60, credentials: secret };
    const signature = (q: string) => new URLSearchParams(q).get('X-Amz-Signature');
    const monday = signer.queryString({ ...request, signedAt: new Date(Date.UTC(2026, 11, 7, 23, 0)) });
    const tuesday = signer.queryString({ ...request, signedAt: new Date(Date.UTC(2026, 11, 8, 0, 0)) });
    const rotated = signer.queryString({
      ...request,
      signedAt: new Date(Date.UTC(2026, 11, 8, 0, 0)),
      credentials: { ...secret, secretAccessKey: 'rotated' },
    });
    expect(new Set([signature(monday), signature(tuesday), signature(rotated)]).size).toBe(3);
    // Signing again with the first inputs gives the first signature: nothing stale is reused.
    expect(signer.queryString({ ...request, signedAt: new Date(Date.UTC(2026, 11, 7, 23, 0)) })).toBe(monday);
  });
});
