import { LocalObjectStorage } from './local';
import type { ObjectStorage } from './port';
import { S3ObjectStorage, type S3StorageOptions } from './s3';

export type StorageConfig =
  | ({ kind: 's3' } & S3StorageOptions)
  | {
      kind: 'local';
      /** `DATA_DIR/storage` on the embedded default. */
      dir: string;
      /** Where the API serves the local presigned URLs, e.g. `http://127.0.0.1:3000/api/storage`. */
      publicBaseUrl: string;
      signingSecret: string;
    };

/** The adapter for a validated configuration. For S3, call `ensureBucket()` first where buckets are not provisioned. */
export function createObjectStorage(config: StorageConfig): ObjectStorage {
  switch (config.kind) {
    case 's3': {
      const { kind: _kind, ...options } = config;
      return new S3ObjectStorage(options);
    }
    case 'local':
      return new LocalObjectStorage(config);
  }
}

export type {
  ObjectInfo,
  ObjectStorage,
  PresignedUpload,
  PresignGetOptions,
  PresignPutOptions,
  PutOptions,
  StoredObject,
} from './port';
export { MAX_PRESIGN_SECONDS } from './port';
export { attachmentDisposition } from './disposition';
export { assertValidKey, assertValidPrefix, InvalidObjectKeyError, isValidKey } from './keys';
export { LocalObjectStorage, type LocalStorageOptions } from './local';
export {
  signLocalUrl,
  verifyLocalUrl,
  type LocalUrlCheck,
  type LocalUrlClaims,
  type LocalUrlRequest,
} from './local-urls';
export { S3ObjectStorage, type S3StorageOptions } from './s3';
export { StableGetUrls, type StableGetUrlsOptions } from './stable-urls';
