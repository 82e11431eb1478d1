import type { Category, Inventory, Product, ProductImage, Tag } from '@market/db';
import type { ObjectStorage, SearchHit } from '@market/adapters';
import { type ImageLinks, imageLinks, type Thumbnails } from './product-image';

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

/**
 * Where a presented product's live parts come from: its availability (from its stock) and its images' links (signed
 * for a while). The shop's are `liveParts(storage)`; a stored page's template marks their places instead
 * (routes/catalog/page-template.ts).
 */
export interface LiveParts {
  availability(product: Pick<ProductRow, 'id' | 'inventory'>): Availability;
  links(storageKey: string): Promise<ImageLinks>;
}

const partsOfStorage = new WeakMap<ObjectStorage, LiveParts>();

export function liveParts(storage: ObjectStorage): LiveParts {
  let parts = partsOfStorage.get(storage);
  if (!parts) {
    parts = {
      availability: (product) => availabilityOf(product.inventory),
      links: (storageKey) => imageLinks(storage, storageKey),
    };
    partsOfStorage.set(storage, parts);
  }
  return parts;
}

/** A product in a listing: `inventory` loaded, `thumbnail` its first image if it has one. */
export async function presentProductSummary(
  storage: ObjectStorage | LiveParts,
  product: ProductRow,
  options: { thumbnail?: Pick<ProductImage, 'storageKey'>; highlight?: SearchHit['highlight'] } = {},
): Promise<PresentedProductSummary> {
  const parts = partsOf(storage);
  const { thumbnail, highlight } = options;
  const links = thumbnail ? await parts.links(thumbnail.storageKey) : null;
  return {
    id: product.id,
    slug: product.slug,
    title: product.title,
    price: { amount: Number(product.priceAmount), currency: product.currency },
    rating: { average: product.ratingAverage / 100, count: product.ratingCount },
    availability: parts.availability(product),
    thumbnailUrl: links ? links.url : null,
    thumbnails: links ? links.thumbnails : null,
    ...(highlight ? { highlight } : {}),
  };
}

/** The product page. `product` has images (in order), tags, inventory and category loaded. */
export async function presentProduct(
  storage: ObjectStorage | LiveParts,
  product: ProductRow & {
    description: string;
    category?: Named | null;
    tags?: readonly Named[];
    images?: readonly ImageRow[];
  },
  extra: { breadcrumbs: readonly Named[]; related: PresentedProductSummary[] },
): Promise<PresentedProduct> {
  const parts = partsOf(storage);
  const images = product.images ?? [];
  const summary = await presentProductSummary(parts, product, { thumbnail: images[0] });
  return {
    ...summary,
    description: product.description,
    category: product.category ? ref(product.category) : null,
    breadcrumbs: extra.breadcrumbs.map(ref),
    tags: (product.tags ?? []).map(ref).sort((a, b) => a.name.localeCompare(b.name)),
    images: await Promise.all(
      images.map(async (image) => {
        const { url, thumbnails } = await parts.links(image.storageKey);
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

const partsOf = (source: ObjectStorage | LiveParts): LiveParts =>
  'links' in source ? source : liveParts(source);

const ref = (record: Named) => ({ slug: record.slug, name: record.name });
