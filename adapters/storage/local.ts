import { randomBytes } from 'node:crypto';
import { constants, createWriteStream } from 'node:fs';
import { access, mkdir, readFile, readdir, rename, rm, stat, unlink, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { assertValidKey, assertValidPrefix } from './keys';
import { assertSigningSecret, signLocalUrl } from './local-urls';
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

export interface LocalStorageOptions {
  /** Root directory (`DATA_DIR/storage`): objects in `objects/<key>`, metadata in `meta/<key>.json`. */
  dir: string;
  /** Where the API serves presigned URLs, e.g. `http://127.0.0.1:3000/api/storage`. */
  publicBaseUrl: string;
  /** HMAC secret for presigned URLs (at least 32 characters). */
  signingSecret: string;
}

interface Meta {
  contentType: string;
  cacheControl?: string;
}

const isMissing = (err: unknown): boolean => {
  const code = (err as NodeJS.ErrnoException).code;
  // ENOTDIR: `a/b` asked for while `a` is an object.
  return code === 'ENOENT' || code === 'ENOTDIR';
};

/**
 * The embedded default: objects on the local disk. Writes go to a temporary file renamed into place (readers
 * never see half an object), the metadata first, so an object never exists without its content type.
 */
export class LocalObjectStorage implements ObjectStorage {
  readonly kind = 'local';
  private readonly objects: string;
  private readonly meta: string;

  constructor(private readonly options: LocalStorageOptions) {
    this.objects = path.join(options.dir, 'objects');
    this.meta = path.join(options.dir, 'meta');
    // Fail at boot rather than at the first presigned URL.
    assertSigningSecret(options.signingSecret);
    new URL(options.publicBaseUrl);
  }

  private objectPath(key: string): string {
    return path.join(this.objects, ...assertValidKey(key).split('/'));
  }

  private metaPath(key: string): string {
    return `${path.join(this.meta, ...key.split('/'))}.json`;
  }

  async put(key: string, body: Buffer | Readable, options: PutOptions): Promise<void> {
    const file = this.objectPath(key);
    const metaFile = this.metaPath(key);
    await Promise.all([
      mkdir(path.dirname(file), { recursive: true }),
      mkdir(path.dirname(metaFile), { recursive: true }),
    ]);
    // Temporary names start with "." and so can never be a key (keys.ts).
    const suffix = `.${randomBytes(6).toString('hex')}.tmp`;
    const tmpFile = path.join(path.dirname(file), `.${path.basename(file)}${suffix}`);
    const tmpMeta = path.join(path.dirname(metaFile), `.${path.basename(metaFile)}${suffix}`);
    try {
      await pipeline(Buffer.isBuffer(body) ? Readable.from([body]) : body, createWriteStream(tmpFile));
      const meta: Meta = { contentType: options.contentType, cacheControl: options.cacheControl };
      await writeFile(tmpMeta, JSON.stringify(meta));
      await rename(tmpMeta, metaFile);
      await rename(tmpFile, file);
    } finally {
      await Promise.all([rm(tmpFile, { force: true }), rm(tmpMeta, { force: true })]);
    }
  }

  private async readMeta(key: string): Promise<Meta> {
    try {
      return JSON.parse(await readFile(this.metaPath(key), 'utf8')) as Meta;
    } catch (err) {
      if (isMissing(err)) return { contentType: 'application/octet-stream' };
      throw err;
    }
  }

  async get(key: string): Promise<StoredObject | null> {
    let body: Buffer;
    try {
      body = await readFile(this.objectPath(key));
    } catch (err) {
      if (isMissing(err) || (err as NodeJS.ErrnoException).code === 'EISDIR') return null;
      throw err;
    }
    const meta = await this.readMeta(key);
    return { body, size: body.length, contentType: meta.contentType, cacheControl: meta.cacheControl };
  }

  async head(key: string): Promise<ObjectInfo | null> {
    try {
      const stats = await stat(this.objectPath(key));
      if (!stats.isFile()) return null;
      const meta = await this.readMeta(key);
      return { size: stats.size, contentType: meta.contentType, cacheControl: meta.cacheControl };
    } catch (err) {
      if (isMissing(err)) return null;
      throw err;
    }
  }

  async delete(key: string): Promise<void> {
    const file = this.objectPath(key);
    for (const target of [file, this.metaPath(key)]) {
      try {
        await unlink(target);
      } catch (err) {
        const code = (err as NodeJS.ErrnoException).code;
        if (!isMissing(err) && code !== 'EISDIR' && code !== 'EPERM') throw err;
      }
    }
  }

  async deletePrefix(prefix: string): Promise<number> {
    const segments = assertValidPrefix(prefix).slice(0, -1).split('/');
    const dir = path.join(this.objects, ...segments);
    const count = await countFiles(dir);
    await rm(dir, { recursive: true, force: true });
    await rm(path.join(this.meta, ...segments), { recursive: true, force: true });
    return count;
  }

  async presignPut(key: string, options: PresignPutOptions): Promise<PresignedUpload> {
    assertValidKey(key);
    checkExpiry(options.expiresInSeconds);
    checkUploadLimits(options);
    const expiresAt = Math.floor(Date.now() / 1000) + options.expiresInSeconds;
    const url = signLocalUrl(this.options.publicBaseUrl, this.options.signingSecret, {
      method: 'PUT',
      key,
      expiresAt,
      contentType: options.contentType,
      maxBytes: options.maxBytes,
      contentLength: options.contentLength,
    });
    return {
      url,
      method: 'PUT',
      headers: { 'Content-Type': options.contentType },
      expiresAt: new Date(expiresAt * 1000),
    };
  }

  async presignGet(key: string, options: PresignGetOptions): Promise<string> {
    assertValidKey(key);
    checkExpiry(options.expiresInSeconds);
    return signLocalUrl(this.options.publicBaseUrl, this.options.signingSecret, {
      method: 'GET',
      key,
      expiresAt: Math.floor((options.signedAt?.getTime() ?? Date.now()) / 1000) + options.expiresInSeconds,
      downloadName: options.downloadName,
    });
  }

  async ping(): Promise<void> {
    await mkdir(this.objects, { recursive: true });
    await mkdir(this.meta, { recursive: true });
    await access(this.objects, constants.W_OK);
    await access(this.meta, constants.W_OK);
  }

  async close(): Promise<void> {}
}

/** Objects (regular files, not temporary ones) under a directory; 0 when it does not exist. */
async function countFiles(dir: string): Promise<number> {
  let entries;
  try {
    entries = await readdir(dir, { withFileTypes: true, recursive: true });
  } catch (err) {
    if (isMissing(err)) return 0;
    throw err;
  }
  return entries.filter((e) => e.isFile() && !e.name.startsWith('.')).length;
}
