import { ApplicationFailure, log } from '@temporalio/activity';
import sharp from 'sharp';
import type { ActivityDeps } from './deps';

/**
 * Thumbnail widths in pixels, by name: `small` for the admin's lists and gallery strips, `medium` for product cards
 * on phones, `large` for cards on wide or dense screens and the product page. Images stored before `medium` existed
 * get it from `npm run images:thumbnails`.
 */
export const THUMBNAIL_WIDTHS = { small: 200, medium: 400, large: 800 } as const;
export type ThumbnailName = keyof typeof THUMBNAIL_WIDTHS;

/** Every object of one image lives under one prefix, `products/<productId>/<uploadId>/`, so delete is one call. */
export function imagePrefix(productId: number, uploadId: string): string {
  return `products/${productId}/${uploadId}/`;
}

/** `products/42/<uuid>/original` → `products/42/<uuid>/` */
export function prefixOfImage(originalKey: string): string {
  return originalKey.slice(0, originalKey.lastIndexOf('/') + 1);
}

export function thumbnailKey(originalKey: string, name: ThumbnailName): string {
  return `${prefixOfImage(originalKey)}thumb-${THUMBNAIL_WIDTHS[name]}.webp`;
}

export interface GenerateThumbnailsInput {
  /** The confirmed original, e.g. `products/42/<uuid>/original`. */
  originalKey: string;
}

export interface GenerateThumbnailsResult {
  /** Keys written, by name; empty when the image was deleted before its thumbnails were made. */
  thumbnails: Partial<Record<ThumbnailName, string>>;
}

/** Refuses decompression bombs: 40 megapixels is more than any product photo needs. */
export const MAX_INPUT_PIXELS = 40_000_000;

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
