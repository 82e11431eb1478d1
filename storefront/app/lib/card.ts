import type { ProductSummary } from './types';

/**
 * What a product card shows, and nothing more: the listing loaders send this to the browser instead of the API's
 * summary, because every field of a loader's answer is in the page twice (the HTML and its hydration data) and
 * image links are long presigned URLs. Search page: 163 KB of HTML with the summaries, see docs/benchmarks.md.
 */
export interface CardProduct {
  id: number;
  slug: string;
  title: string;
  price: ProductSummary['price'];
  rating: ProductSummary['rating'];
  availability: ProductSummary['availability'];
  highlight?: ProductSummary['highlight'];
  /** The 400 and 800 pixel thumbnails, or only `src` (the original) when the API gave no thumbnails. */
  image: { src: string; large?: string } | null;
}

export function toCard(product: ProductSummary): CardProduct {
  const { id, slug, title, price, rating, availability, highlight, thumbnails, thumbnailUrl } = product;
  const image = thumbnails
    ? { src: thumbnails.medium, large: thumbnails.large }
    : thumbnailUrl
      ? { src: thumbnailUrl }
      : null;
  return { id, slug, title, price, rating, availability, ...(highlight ? { highlight } : {}), image };
}
