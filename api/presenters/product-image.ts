import { thumbnailKey } from '@market/activities/images';
import type { ProductImage } from '@market/db';
import type { AppDeps } from '../deps';

/** How long a presented image URL works. Short: pages are re-rendered (and cached) far more often than that. */
export const IMAGE_URL_SECONDS = 3600;

export interface PresentedImage {
  id: number;
  alt: string | null;
  width: number | null;
  height: number | null;
  /** The original, as uploaded. */
  url: string;
  /** WebP thumbnails, 200 and 800 pixels wide; made by a workflow, so they may lag a new image by a few seconds. */
  thumbnails: { small: string; large: string };
}

/** An image as shoppers and admins see it: presigned GET URLs (S3, or the local storage route), never raw keys. */
export async function presentImage(
  deps: Pick<AppDeps, 'storage'>,
  image: ProductImage,
): Promise<PresentedImage> {
  const url = (key: string) => deps.storage.presignGet(key, { expiresInSeconds: IMAGE_URL_SECONDS });
  const [original, small, large] = await Promise.all([
    url(image.storageKey),
    url(thumbnailKey(image.storageKey, 'small')),
    url(thumbnailKey(image.storageKey, 'large')),
  ]);
  return {
    id: image.id,
    alt: image.alt ?? null,
    width: image.width ?? null,
    height: image.height ?? null,
    url: original,
    thumbnails: { small, large },
  };
}
