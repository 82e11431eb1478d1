import {
  CreateBucketCommand,
  DeleteObjectCommand,
  DeleteObjectsCommand,
  GetObjectCommand,
  HeadBucketCommand,
  HeadObjectCommand,
  ListObjectsV2Command,
  PutObjectCommand,
  S3Client,
  S3ServiceException,
} from '@aws-sdk/client-s3';
import { getSignedUrl } from '@aws-sdk/s3-request-presigner';
import type { Readable } from 'node:stream';
import { attachmentDisposition } from './disposition';
import { assertValidKey, assertValidPrefix } from './keys';
import { S3GetUrls } from './s3-get-urls';
import {
  checkExpiry,
  checkUploadLimits,
  type ObjectInfo,
  type ObjectStorage,
  type PresignedUpload,
  type PresignGetOptions,
  type PresignPutOptions,
  type PutOptions,
  type StoredObject,
} from './port';

export interface S3StorageOptions {
  /** Unset for AWS itself; e.g. `http://127.0.0.1:19000` for S3Proxy or MinIO. */
  endpoint?: string;
  /**
   * Where browsers reach the same server, when `endpoint` is a name only the servers resolve (`http://s3:9000` in
   * docker compose, a cluster Service): presigned URLs are signed for this origin (SigV4 signs the host), the
   * server's own requests still go to `endpoint`. Unset: `endpoint`.
   */
  publicEndpoint?: string;
  region: string;
  bucket: string;
  /** Both unset: the SDK's default credential chain (instance roles, AWS_* variables). */
  accessKeyId?: string;
  secretAccessKey?: string;
  /** `bucket` in the path rather than the host name; needed by most non-AWS servers. Default true. */
  forcePathStyle?: boolean;
}

const isNotFound = (err: unknown): boolean =>
  err instanceof S3ServiceException &&
  (err.$metadata.httpStatusCode === 404 || err.name === 'NoSuchKey' || err.name === 'NotFound');

async function toBuffer(body: Buffer | Readable): Promise<Buffer> {
  if (Buffer.isBuffer(body)) return body;
  const chunks: Buffer[] = [];
  for await (const chunk of body) chunks.push(Buffer.isBuffer(chunk) ? chunk : Buffer.from(chunk as string));
  return Buffer.concat(chunks);
}

/** The real adapter: AWS S3 or any S3-compatible server (S3Proxy in the tests, MinIO, Ceph, R2…). */
export class S3ObjectStorage implements ObjectStorage {
  readonly kind = 's3';
  readonly client: S3Client;
  /** Signs presigned URLs: `client` itself, or one for `publicEndpoint` (it never sends a request). */
  private readonly presigner: S3Client;
  /** Plain GET URLs (images), signed the cheap way. */
  private readonly getUrls: S3GetUrls;
  readonly bucket: string;

  constructor(options: S3StorageOptions) {
    this.bucket = options.bucket;
    this.client = S3ObjectStorage.clientFor(options, options.endpoint);
    this.presigner = options.publicEndpoint
      ? S3ObjectStorage.clientFor(options, options.publicEndpoint)
      : this.client;
    this.getUrls = new S3GetUrls(this.presigner, this.bucket);
  }

  private static clientFor(options: S3StorageOptions, endpoint: string | undefined): S3Client {
    const { accessKeyId, secretAccessKey } = options;
    return new S3Client({
      endpoint,
      region: options.region,
      forcePathStyle: options.forcePathStyle ?? true,
      credentials: accessKeyId && secretAccessKey ? { accessKeyId, secretAccessKey } : undefined,
      // Since SDK 3.729 every request carries a CRC32 checksum by default: presigned PUTs would then demand a
      // checksum the browser cannot send, and servers other than AWS reject or ignore the new headers.
      requestChecksumCalculation: 'WHEN_REQUIRED',
      responseChecksumValidation: 'WHEN_REQUIRED',
    });
  }

  /** Creates the bucket unless it exists (development and tests; production buckets are provisioned). */
  async ensureBucket(): Promise<void> {
    try {
      await this.client.send(new HeadBucketCommand({ Bucket: this.bucket }));
      return;
    } catch (err) {
      if (!isNotFound(err)) throw err;
    }
    try {
      await this.client.send(new CreateBucketCommand({ Bucket: this.bucket }));
    } catch (err) {
      // Created by a concurrent caller in the meantime.
      if (!(err instanceof S3ServiceException && err.name === 'BucketAlreadyOwnedByYou')) throw err;
    }
  }

  async put(key: string, body: Buffer | Readable, options: PutOptions): Promise<void> {
    assertValidKey(key);
    // Buffered: a stream of unknown length would need a multipart upload, and these objects are small.
    const bytes = await toBuffer(body);
    await this.client.send(
      new PutObjectCommand({
        Bucket: this.bucket,
        Key: key,
        Body: bytes,
        ContentLength: bytes.length,
        ContentType: options.contentType,
        CacheControl: options.cacheControl,
      }),
    );
  }

  async get(key: string): Promise<StoredObject | null> {
    assertValidKey(key);
    try {
      const res = await this.client.send(new GetObjectCommand({ Bucket: this.bucket, Key: key }));
      const body = Buffer.from((await res.Body?.transformToByteArray()) ?? []);
      return {
        body,
        size: body.length,
        contentType: res.ContentType ?? 'application/octet-stream',
        cacheControl: res.CacheControl,
      };
    } catch (err) {
      if (isNotFound(err)) return null;
      throw err;
    }
  }

  async head(key: string): Promise<ObjectInfo | null> {
    assertValidKey(key);
    try {
      const res = await this.client.send(new HeadObjectCommand({ Bucket: this.bucket, Key: key }));
      return {
        size: res.ContentLength ?? 0,
        contentType: res.ContentType ?? 'application/octet-stream',
        cacheControl: res.CacheControl,
      };
    } catch (err) {
      if (isNotFound(err)) return null;
      throw err;
    }
  }

  async delete(key: string): Promise<void> {
    assertValidKey(key);
    await this.client.send(new DeleteObjectCommand({ Bucket: this.bucket, Key: key }));
  }

  async deletePrefix(prefix: string): Promise<number> {
    assertValidPrefix(prefix);
    let deleted = 0;
    let token: string | undefined;
    do {
      const page = await this.client.send(
        new ListObjectsV2Command({ Bucket: this.bucket, Prefix: prefix, ContinuationToken: token }),
      );
      const keys = (page.Contents ?? []).flatMap((o) => (o.Key ? [{ Key: o.Key }] : []));
      if (keys.length > 0) {
        const res = await this.client.send(
          new DeleteObjectsCommand({ Bucket: this.bucket, Delete: { Objects: keys, Quiet: true } }),
        );
        const failed = res.Errors ?? [];
        if (failed.length > 0) {
          const first = failed[0];
          throw new Error(
            `S3 could not delete ${failed.length} object(s) under ${prefix}: ${first?.Key}: ${first?.Code}`,
          );
        }
        deleted += keys.length;
      }
      token = page.IsTruncated ? page.NextContinuationToken : undefined;
    } while (token);
    return deleted;
  }

  async presignPut(key: string, options: PresignPutOptions): Promise<PresignedUpload> {
    assertValidKey(key);
    checkExpiry(options.expiresInSeconds);
    checkUploadLimits(options);
    const command = new PutObjectCommand({
      Bucket: this.bucket,
      Key: key,
      ContentType: options.contentType,
      ContentLength: options.contentLength,
    });
    // SigV4 dates have whole seconds: sign with that second, so expiresAt is exact.
    const signedAt = Math.floor(Date.now() / 1000) * 1000;
    const url = await getSignedUrl(this.presigner, command, {
      signingDate: new Date(signedAt),
      expiresIn: options.expiresInSeconds,
      // The presigner signs only `host` unless told otherwise: without these a client could upload any type.
      signableHeaders: new Set(['content-type', 'content-length']),
    });
    return {
      url,
      method: 'PUT',
      headers: { 'Content-Type': options.contentType },
      expiresAt: new Date(signedAt + options.expiresInSeconds * 1000),
    };
  }

  async presignGet(key: string, options: PresignGetOptions): Promise<string> {
    assertValidKey(key);
    checkExpiry(options.expiresInSeconds);
    if (options.downloadName === undefined) {
      return this.getUrls.sign(key, options.expiresInSeconds, options.signedAt);
    }
    const command = new GetObjectCommand({
      Bucket: this.bucket,
      Key: key,
      ResponseContentDisposition: attachmentDisposition(options.downloadName),
    });
    return getSignedUrl(this.presigner, command, {
      expiresIn: options.expiresInSeconds,
      signingDate: options.signedAt,
    });
  }

  async ping(): Promise<void> {
    await this.client.send(new HeadBucketCommand({ Bucket: this.bucket }));
  }

  async close(): Promise<void> {
    this.client.destroy();
    if (this.presigner !== this.client) this.presigner.destroy();
  }
}
