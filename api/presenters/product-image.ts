import { THUMBNAIL_WIDTHS, type ThumbnailName, thumbnailKey } from '@market/activities/images';
import type { ProductImage } from '@market/db';
import { type ObjectStorage, StableGetUrls } from '@market/adapters';
import type { AppDeps } from '../deps';

export type Thumbnails = Record<ThumbnailName, string>;

/**
 * How long a presented image URL works at least. Short: pages are re-rendered (and cached, 60 s) far more often than
 * that. Within each hour an image keeps the same URL (StableGetUrls), so browsers cache it across page views.
 */
export const IMAGE_URL_SECONDS = 3600;

const stableUrls = new WeakMap<ObjectStorage, StableGetUrls>();

/**
 * URLs remembered per storage. An S3 signature costs 12 µs and a 10,000-product catalog has 40,000 image links: they
 * all fit (about 23 MB). A local one costs 6 µs, and the embedded default runs in 300 MB: fewer (about 6 MB).
 */
const REMEMBERED_URLS = { s3: 100_000, local: 20_000 } as const;

/** The presigned GET URL of an image or thumbnail object, the same one all hour. */
export function imageObjectUrl(storage: ObjectStorage, key: string): Promise<string> {
  let urls = stableUrls.get(storage);
  if (!urls) {
    urls = new StableGetUrls(storage, {
      validSeconds: IMAGE_URL_SECONDS,
      maxEntries: REMEMBERED_URLS[storage.kind],
    });
    stableUrls.set(storage, urls);
  }
  return urls.url(key);
}

export interface PresentedImage {
  id: number;
  alt: string | null;
  width: number | null;
  height: number | null;
  /** The original, as uploaded. */
  url: string;
  /** WebP thumbnails, 200, 400 and 800 pixels wide; made by a workflow, so they may lag a new image by a few seconds. */
  thumbnails: Thumbnails;
}

/** An image as shoppers and admins see it: presigned GET URLs (S3, or the local storage route), never raw keys. */
export async function presentImage(
  deps: Pick<AppDeps, 'storage'>,
  image: ProductImage,
): Promise<PresentedImage> {
  const [original, thumbnails] = await Promise.all([
    imageObjectUrl(deps.storage, image.storageKey),
    thumbnailUrls(deps.storage, image),
  ]);
  return {
    id: image.id,
    alt: image.alt ?? null,
    width: image.width ?? null,
    height: image.height ?? null,
    url: original,
    thumbnails,
  };
}

/** Presigned GET URLs of every thumbnail of an image, by name. */
export async function thumbnailUrls(
  storage: ObjectStorage,
  image: Pick<ProductImage, 'storageKey'>,
): Promise<Thumbnails> {
  const names = Object.keys(THUMBNAIL_WIDTHS) as ThumbnailName[];
  const urls = await Promise.all(
    names.map((name) => imageObjectUrl(storage, thumbnailKey(image.storageKey, name))),
  );
  return Object.fromEntries(names.map((name, i) => [name, urls[i]!])) as Thumbnails;
}
