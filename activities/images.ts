import { ApplicationFailure, log } from '@temporalio/activity';
import sharp from 'sharp';
import type { ActivityDeps } from './deps';
import { MAX_INPUT_PIXELS, THUMBNAIL_WIDTHS, type ThumbnailName, thumbnailKey } from './image-keys';

export {
  imagePrefix,
  MAX_INPUT_PIXELS,
  prefixOfImage,
  THUMBNAIL_WIDTHS,
  type ThumbnailName,
  thumbnailKey,
} from './image-keys';
export interface GenerateThumbnailsInput {
  /** The confirmed original, e.g. `products/42/<uuid>/original`. */
  originalKey: string;
}

export interface GenerateThumbnailsResult {
  /** Keys written, by name; empty when the image was deleted before its thumbnails were made. */
  thumbnails: Partial<Record<ThumbnailName, string>>;
}

/** Thumbnails never change once written (a new upload gets a new prefix), so caches may keep them for a year. */
const IMMUTABLE = 'public, max-age=31536000, immutable';

export function createImageActivities(deps: ActivityDeps) {
  return {
    /**
     * Writes a WebP thumbnail per THUMBNAIL_WIDTHS beside the original. Idempotent: the keys derive from the
     * original's, so a retry overwrites the same objects. Never enlarges a small image.
     */
    async generateThumbnails({ originalKey }: GenerateThumbnailsInput): Promise<GenerateThumbnailsResult> {
      if (!deps.storage) {
        throw ApplicationFailure.nonRetryable('the worker has no object storage', 'StorageNotConfigured');
      }
      const original = await deps.storage.get(originalKey);
      if (!original) {
        // Deleted between confirm and now: nothing to do, and nothing to leave behind.
        log.info('original image is gone, no thumbnails', { originalKey });
        return { thumbnails: {} };
      }
      const thumbnails: Partial<Record<ThumbnailName, string>> = {};
      for (const [name, width] of Object.entries(THUMBNAIL_WIDTHS) as [ThumbnailName, number][]) {
        let body: Buffer;
        try {
          body = await sharp(original.body, { limitInputPixels: MAX_INPUT_PIXELS })
            .rotate() // honour EXIF orientation
            .resize({ width, withoutEnlargement: true })
            .webp({ quality: 80 })
            .toBuffer();
        } catch (err) {
          // The API checked the image on confirm; a file sharp cannot read now will not improve with retries.
          throw ApplicationFailure.nonRetryable(
            `cannot make a thumbnail of ${originalKey}: ${err instanceof Error ? err.message : String(err)}`,
            'UnreadableImage',
          );
        }
        const key = thumbnailKey(originalKey, name);
        await deps.storage.put(key, body, { contentType: 'image/webp', cacheControl: IMMUTABLE });
        thumbnails[name] = key;
      }
      return { thumbnails };
    },
  };
}
