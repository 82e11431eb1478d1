import { THUMBNAIL_WIDTHS, type ThumbnailName, thumbnailKey } from '@market/activities/image-keys';
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
 * URLs remembered per storage, counted one per link (an image and its three thumbnails: four). An S3 signature
 * costs 12 µs and a 10,000-product catalog has 40,000 image links: they all fit (about 23 MB). A local one costs
 * 4 µs and its four links take about 400 bytes in the memo (`--expose-gc`, 5,000 images): 40,000 links in about
 * 4 MB, within the embedded default's 300 MB.
 */
const REMEMBERED_URLS = { s3: 100_000, local: 40_000 } as const;

/** An image's links: the original and its thumbnails, presigned GET URLs, the same all hour. */
export interface ImageLinks {
  url: string;
  thumbnails: Thumbnails;
}

const THUMBNAIL_NAMES = Object.keys(THUMBNAIL_WIDTHS) as ThumbnailName[];
const keysOfImage = (storageKey: string) => [
  storageKey,
  ...THUMBNAIL_NAMES.map((name) => thumbnailKey(storageKey, name)),
];

/** The links of the image stored under `storageKey`: one memo entry per image (StableGetUrls.urls). */
export async function imageLinks(storage: ObjectStorage, storageKey: string): Promise<ImageLinks> {
  let memo = stableUrls.get(storage);
  if (!memo) {
    memo = new StableGetUrls(storage, {
      validSeconds: IMAGE_URL_SECONDS,
      maxEntries: REMEMBERED_URLS[storage.kind],
    });
    stableUrls.set(storage, memo);
  }
  const [url, ...sizes] = await memo.urls(storageKey, keysOfImage);
  const thumbnails = {} as Thumbnails;
  THUMBNAIL_NAMES.forEach((name, i) => (thumbnails[name] = sizes[i]!));
  return { url: url!, thumbnails };
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
  const { url, thumbnails } = await imageLinks(deps.storage, image.storageKey);
  return {
    id: image.id,
    alt: image.alt ?? null,
    width: image.width ?? null,
    height: image.height ?? null,
    url,
    thumbnails,
  };
}

/** Presigned GET URLs of every thumbnail of an image, by name. */
export async function thumbnailUrls(
  storage: ObjectStorage,
  image: Pick<ProductImage, 'storageKey'>,
): Promise<Thumbnails> {
  return (await imageLinks(storage, image.storageKey)).thumbnails;
}
