import { randomBytes } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { DeleteBucketCommand, ListObjectsV2Command } from '@aws-sdk/client-s3';
import { attachmentDisposition } from './disposition';
import { LocalObjectStorage } from './local';
import { verifyLocalUrl } from './local-urls';
import { S3ObjectStorage, type S3StorageOptions } from './s3';

/**
 * Object storage for integration tests: a throwaway bucket on the test stack's S3 server (S3Proxy, see
 * scripts/services/s3.sh), or a temporary directory served by a minimal stand-in for the API's storage route.
 */

export function testS3Options(): Omit<S3StorageOptions, 'bucket'> {
  const env = (name: string): string => {
    const value = process.env[name];
    if (!value) {
      throw new Error(
        `${name} is not set: run the integration tests with \`npm test\`, which starts the S3 server`,
      );
    }
    return value;
  };
  return {
    endpoint: env('MARKET_TEST_S3_ENDPOINT'),
    region: env('MARKET_TEST_S3_REGION'),
    accessKeyId: env('MARKET_TEST_S3_ACCESS_KEY'),
    secretAccessKey: env('MARKET_TEST_S3_SECRET_KEY'),
    forcePathStyle: true,
  };
}

export interface TestStorage<T> {
  storage: T;
  /** Deletes everything the test stored (the bucket or the directory) and closes connections. */
  drop(): Promise<void>;
}

/** A new, uniquely named bucket (`market-test-…`), emptied and deleted by drop(). */
export async function createTestBucket(): Promise<TestStorage<S3ObjectStorage>> {
  const bucket = `market-test-${process.pid}-${randomBytes(4).toString('hex')}`;
  const storage = new S3ObjectStorage({ ...testS3Options(), bucket });
  await storage.ensureBucket();
  return {
    storage,
    async drop() {
      try {
        await emptyBucket(storage);
        await storage.client.send(new DeleteBucketCommand({ Bucket: bucket }));
      } finally {
        await storage.close();
      }
    },
  };
}

// deletePrefix() wants a folder: the top level's objects go one by one, its folders with deletePrefix().
async function emptyBucket(storage: S3ObjectStorage): Promise<void> {
  let token: string | undefined;
  do {
    const page = await storage.client.send(
      new ListObjectsV2Command({ Bucket: storage.bucket, Delimiter: '/', ContinuationToken: token }),
    );
    for (const { Key } of page.Contents ?? []) if (Key) await storage.delete(Key);
    for (const { Prefix } of page.CommonPrefixes ?? []) if (Prefix) await storage.deletePrefix(Prefix);
    token = page.IsTruncated ? page.NextContinuationToken : undefined;
  } while (token);
}

/**
 * A LocalObjectStorage in a temporary directory whose presigned URLs point at a small HTTP server doing what the
 * API's storage route has to do: verify the signature, then honour the claims.
 */
export async function createTestLocalStorage(): Promise<TestStorage<LocalObjectStorage>> {
  const dir = await mkdtemp(path.join(tmpdir(), 'market-storage-'));
  const signingSecret = randomBytes(32).toString('hex');
  // Requests only come once the URLs exist, that is after `storage` below is set.
  const server = createServer((req, res) => {
    serveSigned(storage, signingSecret, req, res).catch((err: unknown) => {
      if (!res.headersSent) res.writeHead(500).end(String(err));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  const storage = new LocalObjectStorage({
    dir,
    publicBaseUrl: `http://127.0.0.1:${port}/storage`,
    signingSecret,
  });
  return {
    storage,
    async drop() {
      server.closeAllConnections();
      await new Promise((resolve) => server.close(resolve));
      await rm(dir, { recursive: true, force: true });
    },
  };
}

async function serveSigned(
  storage: LocalObjectStorage,
  secret: string,
  req: IncomingMessage,
  res: ServerResponse,
): Promise<void> {
  const url = new URL(req.url ?? '/', 'http://localhost');
  if (!url.pathname.startsWith('/storage/')) return void res.writeHead(404).end();
  const key = url.pathname.slice('/storage/'.length).split('/').map(decodeURIComponent).join('/');
  const check = verifyLocalUrl(secret, { method: req.method ?? '', key, query: url.searchParams });
  if (!check.ok) return void res.writeHead(check.reason === 'malformed' ? 400 : 403).end(check.reason);
  const { claims } = check;
  if (claims.method === 'GET') {
    const object = await storage.get(key);
    if (!object) return void res.writeHead(404).end();
    res.setHeader('Content-Type', object.contentType);
    if (claims.downloadName !== undefined) {
      res.setHeader('Content-Disposition', attachmentDisposition(claims.downloadName));
    }
    return void res.writeHead(200).end(object.body);
  }
  if (req.headers['content-type'] !== claims.contentType) return void res.writeHead(403).end('content type');
  const declared = Number(req.headers['content-length']);
  if (claims.contentLength !== undefined && declared !== claims.contentLength) {
    return void res.writeHead(403).end('content length');
  }
  const max = claims.maxBytes ?? 0;
  if (declared > max) return void res.writeHead(413).end();
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    size += (chunk as Buffer).length;
    if (size > max) return void res.writeHead(413).end();
    chunks.push(chunk as Buffer);
  }
  await storage.put(key, Buffer.concat(chunks), {
    contentType: claims.contentType ?? 'application/octet-stream',
  });
  res.writeHead(200).end();
}
