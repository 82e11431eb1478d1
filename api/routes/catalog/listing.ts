import { PRICE_RANGES, RATING_MINIMUMS, type SearchResult } from '@market/adapters';
import type { AppDeps } from '../../deps';
import {
  type LiveParts,
  type PresentedProductSummary,
  presentProductSummary,
} from '../../presenters/product';
import { allCategories, allTags } from '../../services/catalog-index';
import { searchProducts } from '../../services/catalog-search';
import { listRows } from './listing-rows';
import { imagesOf, type ImageOfProduct, type SummaryRow } from './rows';
import type { ListProductsQuery } from './schema';

export interface ProductListing {
  items: PresentedProductSummary[];
  total: number;
  page: number;
  pageSize: number;
  facets: {
    categories: { slug: string; name: string; count: number }[];
    tags: { slug: string; name: string; count: number }[];
    priceRanges: SearchResult['facets']['priceRanges'];
    ratings: SearchResult['facets']['ratings'];
  };
}

/**
 * One page of the shop's product list: the search (engine or SQL) picks and orders the ids and counts the facets;
 * the items themselves are read from the database (each product's row once per catalog generation, its stock every
 * time: listing-rows.ts), so a price is never older than the last committed edit, as in a cached listing, even
 * while the index catches up. A hit whose product is gone or no longer active is left out.
 */
export async function loadProductListing(
  deps: AppDeps,
  query: ListProductsQuery,
  generation: string | null = null,
): Promise<ProductListing> {
  let categoryIds: number[] | undefined;
  // The category and tag tables are read once per catalog generation (services/catalog-index.ts).
  const [categories, tags] = await Promise.all([allCategories(deps), allTags(deps)]);
  if (query.category) {
    const category = categories.find((c) => c.slug === query.category);
    // An unknown category is a filter that matches nothing.
    if (!category) return emptyListing(query);
    categoryIds = [category.id];
  }
  const result = await searchProducts(deps, {
    q: query.q || undefined,
    categoryIds,
    tags: query.tags,
    minPrice: query.minPrice,
    maxPrice: query.maxPrice,
    minRating: query.minRating,
    inStock: query.inStock,
    sort: query.sort,
    page: query.page,
    pageSize: query.pageSize,
  });
  const items = await presentHits(
    deps,
    result.hits.map((hit) => ({ id: Number(hit.id), highlight: hit.highlight })),
    generation,
  );
  const categoryById = new Map(categories.map((c) => [c.id, c]));
  const tagBySlug = new Map(tags.map((t) => [t.slug, t]));
  return {
    items,
    total: result.total,
    page: query.page,
    pageSize: query.pageSize,
    facets: {
      categories: result.facets.categories.flatMap(({ key, count }) => {
        const category = categoryById.get(key);
        return category ? [{ slug: category.slug, name: category.name, count }] : [];
      }),
      tags: result.facets.tags.flatMap(({ key, count }) => {
        const tag = tagBySlug.get(key);
        return tag ? [{ slug: tag.slug, name: tag.name, count }] : [];
      }),
      priceRanges: result.facets.priceRanges,
      ratings: result.facets.ratings,
    },
  };
}

/**
 * Active products by id, in the given order, presented for a list (one query, whatever the count). `generation`:
 * the catalog generation the listing is read under, whose rows may be reused (listing-rows.ts); null reads all.
 */
export async function presentHits(
  deps: AppDeps,
  hits: readonly { id: number; highlight?: PresentedProductSummary['highlight'] }[],
  generation: string | null = null,
): Promise<PresentedProductSummary[]> {
  if (!hits.length) return [];
  const products = await listRows(
    deps,
    hits.map((h) => h.id),
    generation,
  );
  const byId = new Map(products.map((p) => [p.id, p]));
  return Promise.all(
    hits.flatMap(({ id, highlight }) => {
      const product = byId.get(id);
      return product ? [presentSummaryRow(deps.storage, product, highlight)] : [];
    }),
  );
}

/** A list row (rows.ts) presented, its first image as the thumbnail (live, or a template's slots). */
export function presentSummaryRow(
  parts: AppDeps['storage'] | LiveParts,
  row: SummaryRow,
  highlight?: PresentedProductSummary['highlight'],
): Promise<PresentedProductSummary> {
  const { thumbnailKey } = row;
  // The row itself: the presenter reads its fields by name (a rest copy without the key cost an object per item).
  return presentProductSummary(parts, row, {
    thumbnail: thumbnailKey === null ? undefined : { storageKey: thumbnailKey },
    highlight,
  });
}

export type FirstImage = ImageOfProduct;

/** Each product's first image (lowest position, then id). */
export async function firstImages(deps: AppDeps, productIds: number[]): Promise<Map<number, FirstImage>> {
  const first = new Map<number, FirstImage>();
  const images = await imagesOf(deps, productIds);
  for (const image of images) if (!first.has(image.productId)) first.set(image.productId, image);
  return first;
}

function emptyListing(query: ListProductsQuery): ProductListing {
  return {
    items: [],
    total: 0,
    page: query.page,
    pageSize: query.pageSize,
    facets: {
      categories: [],
      tags: [],
      priceRanges: PRICE_RANGES.map((range) => ({ ...range, count: 0 })),
      ratings: RATING_MINIMUMS.map((min) => ({ min, count: 0 })),
    },
  };
}
