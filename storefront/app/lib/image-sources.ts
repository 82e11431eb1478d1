import type { CardProduct } from './card';
import type { Thumbnails } from './types';

/**
 * `src`/`srcSet` for an image shown `sizes` wide, from its WebP thumbnails: the browser picks 400 or 800 pixels for
 * the slot and the screen's density. Without thumbnails (an API without them), the original.
 */
export function imageSources(
  original: string,
  thumbnails: Thumbnails | null | undefined,
): { src: string; srcSet?: string } {
  if (!thumbnails) return { src: original };
  return { src: thumbnails.medium, srcSet: `${thumbnails.medium} 400w, ${thumbnails.large} 800w` };
}

/** A card's image: the 400 pixel thumbnail, with the 800 one for wide or dense screens. */
export function cardImageSources(image: NonNullable<CardProduct['image']>): { src: string; srcSet?: string } {
  return image.large
    ? { src: image.src, srcSet: `${image.src} 400w, ${image.large} 800w` }
    : { src: image.src };
}

/** A product card's width: half the screen on phones, a third from `sm`, a quarter (about 260 px) from `xl`. */
export const CARD_SIZES = '(min-width: 1280px) 260px, (min-width: 640px) 31vw, 46vw';

/** The product page's main image: the full width on phones, about half of the 72rem page from `lg`. */
export const GALLERY_SIZES = '(min-width: 1024px) 560px, 100vw';
