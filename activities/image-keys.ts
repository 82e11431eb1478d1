/**
 * Where an image's objects live and what its thumbnails are: plain names, without sharp, so that the web process
 * (which presents image links on every catalog page) does not load the image library the worker needs.
 */

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

/** Refuses decompression bombs: 40 megapixels is more than any product photo needs. */
export const MAX_INPUT_PIXELS = 40_000_000;
