import { THUMBNAIL_WIDTHS, type ThumbnailName, thumbnailKey } from '@market/activities/images';
import type { ProductImage } from '@market/db';
import type { ObjectStorage } from '@market/adapters';
import type { AppDeps } from '../deps';

export type Thumbnails = Record<ThumbnailName, string>;

/** How long a presented image URL works. Short: pages are re-rendered (and cached) far more often than that. */
export const IMAGE_URL_SECONDS = 3600;

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
    deps.storage.presignGet(image.storageKey, { expiresInSeconds: IMAGE_URL_SECONDS }),
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
    names.map((name) =>
      storage.presignGet(thumbnailKey(image.storageKey, name), { expiresInSeconds: IMAGE_URL_SECONDS }),
    ),
  );
  return Object.fromEntries(names.map((name, i) => [name, urls[i]!])) as Thumbnails;
}
