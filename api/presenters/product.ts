import type { Category, Inventory, Product, ProductImage, Tag } from '@market/db';
import type { ObjectStorage, SearchHit } from '@market/adapters';
import { imageLinks, type Thumbnails } from './product-image';

export type Availability = 'in_stock' | 'low_stock' | 'out_of_stock';

export interface PresentedProductSummary {
  id: number;
  slug: string;
  title: string;
  price: { amount: number; currency: string };
  rating: { average: number; count: number };
  availability: Availability;
  thumbnailUrl: string | null;
  thumbnails: Thumbnails | null;
  highlight?: SearchHit['highlight'];
}

export interface PresentedImage {
  url: string;
  alt: string | null;
  width: number | null;
  height: number | null;
  thumbnails: Thumbnails;
}

export interface PresentedProduct extends Omit<PresentedProductSummary, 'highlight'> {
  description: string;
  category: { slug: string; name: string } | null;
  breadcrumbs: { slug: string; name: string }[];
  tags: { slug: string; name: string }[];
  images: PresentedImage[];
  related: PresentedProductSummary[];
}

/** What a product summary reads: plain rows do (the catalog reads them raw, without building model instances). */
export type ProductRow = Pick<
  Product,
  'id' | 'slug' | 'title' | 'priceAmount' | 'currency' | 'ratingAverage' | 'ratingCount'
> & { inventory?: Pick<Inventory, 'onHand' | 'reserved' | 'lowStockThreshold'> | null };

export type ImageRow = Pick<ProductImage, 'storageKey' | 'alt' | 'width' | 'height'>;

type Named = Pick<Category | Tag, 'slug' | 'name'>;

/** In stock above the product's low-stock threshold, low at or below it, out at zero. */
export function availabilityOf(
  inventory: Pick<Inventory, 'onHand' | 'reserved' | 'lowStockThreshold'> | null | undefined,
): Availability {
  const available = inventory ? inventory.onHand - inventory.reserved : 0;
  if (available <= 0) return 'out_of_stock';
  return available <= inventory!.lowStockThreshold ? 'low_stock' : 'in_stock';
}

export const imageUrl = async (storage: ObjectStorage, image: Pick<ProductImage, 'storageKey'>) =>
  (await imageLinks(storage, image.storageKey)).url;

/** A product in a listing: `inventory` loaded, `thumbnail` its first image if it has one. */
export async function presentProductSummary(
  storage: ObjectStorage,
  product: ProductRow,
  options: { thumbnail?: Pick<ProductImage, 'storageKey'>; highlight?: SearchHit['highlight'] } = {},
): Promise<PresentedProductSummary> {
  const { thumbnail, highlight } = options;
  const links = thumbnail ? await imageLinks(storage, thumbnail.storageKey) : null;
  return {
    id: product.id,
    slug: product.slug,
    title: product.title,
    price: { amount: Number(product.priceAmount), currency: product.currency },
    rating: { average: product.ratingAverage / 100, count: product.ratingCount },
    availability: availabilityOf(product.inventory),
    thumbnailUrl: links ? links.url : null,
    thumbnails: links ? links.thumbnails : null,
    ...(highlight ? { highlight } : {}),
  };
}

/** The product page. `product` has images (in order), tags, inventory and category loaded. */
export async function presentProduct(
  storage: ObjectStorage,
  product: ProductRow & {
    description: string;
    category?: Named | null;
    tags?: readonly Named[];
    images?: readonly ImageRow[];
  },
  extra: { breadcrumbs: readonly Named[]; related: PresentedProductSummary[] },
): Promise<PresentedProduct> {
  const images = product.images ?? [];
  const summary = await presentProductSummary(storage, product, { thumbnail: images[0] });
  return {
    ...summary,
    description: product.description,
    category: product.category ? ref(product.category) : null,
    breadcrumbs: extra.breadcrumbs.map(ref),
    tags: (product.tags ?? []).map(ref).sort((a, b) => a.name.localeCompare(b.name)),
    images: await Promise.all(
      images.map(async (image) => {
        const { url, thumbnails } = await imageLinks(storage, image.storageKey);
        return {
          url,
          alt: image.alt ?? null,
          width: image.width ?? null,
          height: image.height ?? null,
          thumbnails,
        };
      }),
    ),
    related: extra.related,
  };
}

const ref = (record: Named) => ({ slug: record.slug, name: record.name });
