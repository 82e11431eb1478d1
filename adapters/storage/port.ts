import type { Readable } from 'node:stream';

/**
 * Object storage: product images and their thumbnails, PDF invoices. The real adapter speaks S3 (any S3-compatible
 * server); the embedded one keeps files on the local disk and serves presigned URLs through the API.
 *
 * Keys are chosen by the application (`products/42/9b1f….webp`, `invoices/2026/INV-000123.pdf`): segments of
 * letters, digits, `.`, `_` and `-`, joined by `/` — see keys.ts. Every method rejects another key with an
 * InvalidObjectKeyError before any I/O.
 */
export interface ObjectStorage {
  readonly kind: 's3' | 'local';
  /** Stores (or replaces) an object. A stream is read to its end first: objects here are small. */
  put(key: string, body: Buffer | Readable, options: PutOptions): Promise<void>;
  /** The whole object, or null when there is none. */
  get(key: string): Promise<StoredObject | null>;
  head(key: string): Promise<ObjectInfo | null>;
  /** Removes an object; a missing one is not an error. */
  delete(key: string): Promise<void>;
  /** Removes every object under a folder-like prefix that ends in `/` (`products/42/`); returns how many. */
  deletePrefix(prefix: string): Promise<number>;
  /**
   * A URL a client (a browser) can PUT one object to, without credentials, until it expires. The upload must carry
   * exactly the returned headers (the content type is bound into the signature); with `contentLength` it must
   * also be exactly that many bytes.
   *
   * `maxBytes` cannot be enforced by S3 itself (a presigned PUT has no size range, unlike a POST policy). So the
   * API must, when the client confirms the upload, `head()` the object, delete it if it is larger than allowed,
   * and check its content (magic bytes) before using it. The local adapter's route enforces `maxBytes` directly.
   */
  presignPut(key: string, options: PresignPutOptions): Promise<PresignedUpload>;
  /** A URL that downloads the object until it expires; `downloadName` makes it an attachment with that name. */
  presignGet(key: string, options: PresignGetOptions): Promise<string>;
  /** Resolves when the storage is reachable and usable (the bucket exists / the directory is writable). */
  ping(): Promise<void>;
  /** Releases connections (S3 keeps sockets alive). */
  close(): Promise<void>;
}

export interface PutOptions {
  contentType: string;
  /** Sent back as Cache-Control when the object is served (immutable thumbnails: `public, max-age=31536000`). */
  cacheControl?: string;
}

export interface ObjectInfo {
  size: number;
  contentType: string;
  cacheControl?: string;
}

export interface StoredObject extends ObjectInfo {
  body: Buffer;
}

export interface PresignPutOptions {
  /** The Content-Type the upload must carry, e.g. `image/png`. */
  contentType: string;
  /** The largest accepted upload (see presignPut about who enforces it). */
  maxBytes: number;
  /** The exact size the client announced (≤ maxBytes), bound into the URL when given. */
  contentLength?: number;
  /** 1 second to 7 days (S3's limit). */
  expiresInSeconds: number;
}

export interface PresignedUpload {
  url: string;
  method: 'PUT';
  /** Headers the upload must send, exactly. */
  headers: Record<string, string>;
  expiresAt: Date;
}

export interface PresignGetOptions {
  /** 1 second to 7 days (S3's limit). */
  expiresInSeconds: number;
  /** Served as `Content-Disposition: attachment; filename=…` (invoices). */
  downloadName?: string;
  /**
   * When the URL starts to count (default now): it works until `signedAt + expiresInSeconds`. The same key, options
   * and `signedAt` give the same URL, which is what stable-urls.ts builds on.
   */
  signedAt?: Date;
}

/** S3's upper bound for presigned URLs (SigV4), applied to both adapters so they behave alike. */
export const MAX_PRESIGN_SECONDS = 7 * 24 * 3600;

export function checkExpiry(expiresInSeconds: number): void {
  if (!Number.isInteger(expiresInSeconds) || expiresInSeconds < 1 || expiresInSeconds > MAX_PRESIGN_SECONDS) {
    throw new RangeError(`expiresInSeconds must be an integer from 1 to ${MAX_PRESIGN_SECONDS}`);
  }
}

export function checkUploadLimits({ contentType, maxBytes, contentLength }: PresignPutOptions): void {
  if (!/^[\w.+-]+\/[\w.+-]+$/.test(contentType)) {
    throw new RangeError(
      `contentType must be a bare media type such as image/png, not ${JSON.stringify(contentType)}`,
    );
  }
  if (!Number.isSafeInteger(maxBytes) || maxBytes < 1)
    throw new RangeError('maxBytes must be a positive integer');
  if (
    contentLength !== undefined &&
    (!Number.isSafeInteger(contentLength) || contentLength < 0 || contentLength > maxBytes)
  ) {
    throw new RangeError(`contentLength must be an integer from 0 to maxBytes (${maxBytes})`);
  }
}
