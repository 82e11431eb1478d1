import type { ProductStatus } from '@market/db';

/**
 * Product search. The real adapters speak Elasticsearch (`@elastic/elasticsearch`) or OpenSearch
 * (`@opensearch-project/opensearch`) and share one query builder; the embedded default keeps an index in the
 * process's memory behind the same interface, with the same semantics (see README.md).
 *
 * The catalog reads and writes through an alias (`products`), never a concrete index: a full reindex builds a new
 * index, fills it, then `swapAlias` moves the alias in one atomic step, so searches never see a missing or
 * half-filled index. Ids are strings at this boundary (`String(product.id)`).
 */
export interface SearchEngine {
  readonly kind: SearchEngineKind;
  /**
   * Makes sure `alias` points at an index, creating `<alias>-initial` with the alias when there is none (a
   * concurrent caller's creation counts as success). Returns the index names the alias points at.
   */
  ensureIndex(alias: string, definition: IndexDefinition): Promise<string[]>;
  /** Creates a concrete index (for a reindex: `products-20260101t120000`). Fails if it exists. */
  createIndex(name: string, definition: IndexDefinition): Promise<void>;
  /** The indices `alias` points at; empty when there is no such alias. */
  aliasTargets(alias: string): Promise<string[]>;
  /**
   * Points `alias` at `newIndex` only: removes it from every other index and adds it to `newIndex` in one
   * `_aliases` call, which the engine applies atomically. Returns the indices it was removed from (to delete).
   */
  swapAlias(alias: string, newIndex: string): Promise<string[]>;
  /** Creates or replaces documents. Throws a SearchBulkError naming the documents that failed. */
  bulkIndex(indexOrAlias: string, docs: readonly IndexedDocument[], options?: WriteOptions): Promise<void>;
  /** Removes one document; false when there was none. */
  deleteDoc(indexOrAlias: string, id: string, options?: WriteOptions): Promise<boolean>;
  search(indexOrAlias: string, query: SearchQuery): Promise<SearchResult>;
  /** Deletes a concrete index; a missing one is not an error. */
  deleteIndex(name: string): Promise<void>;
  /** Makes every write so far visible to searches (tests, the end of a reindex). */
  refresh(indexOrAlias: string): Promise<void>;
  /** Resolves when the engine answers; throws a SearchEngineError otherwise. */
  ping(): Promise<void>;
  /** Releases the client's connections. */
  close(): Promise<void>;
}

/** `memory`: the embedded default's in-process index (memory.ts). */
export type SearchEngineKind = 'opensearch' | 'elasticsearch' | 'memory';

/** Settings and mappings of an index, in the engines' own JSON (see mapping.ts for the product index). */
export interface IndexDefinition {
  settings?: Record<string, unknown>;
  mappings: Record<string, unknown>;
}

export interface IndexedDocument {
  id: string;
  doc: ProductDocument;
}

export interface WriteOptions {
  /** Wait until the write is visible to searches (`refresh=wait_for`): read-your-writes for an admin edit. */
  waitForRefresh?: boolean;
}

/** What the engine stores for one product. Built from the database by the catalog-sync activity. */
export interface ProductDocument {
  id: number;
  slug: string;
  title: string;
  description: string;
  /** Tag slugs. */
  tags: string[];
  /** The product's category and all its ancestors, so a filter on a category finds its descendants' products. */
  categoryIds: number[];
  /** Minor units of `currency`. The catalog has one currency: price filters and ranges assume it. */
  priceAmount: number;
  currency: string;
  /** Average rating in hundredths of a star (437 = 4.37), 0 without ratings — as `products.ratingAverage`. */
  rating: number;
  ratingCount: number;
  inStock: boolean;
  status: ProductStatus;
  /** ISO 8601. */
  createdAt: string;
}

export const SEARCH_SORTS = ['relevance', 'price_asc', 'price_desc', 'rating', 'newest'] as const;
export type SearchSort = (typeof SEARCH_SORTS)[number];

/**
 * One search. Every filter narrows the result (AND); facets count the filtered result, so each count says how
 * many products remain when that facet value is added.
 */
export interface SearchQuery {
  /** Full text over title (strongest), tags and description, tolerant of typos. */
  q?: string;
  /** Products in any of these categories or their descendants. */
  categoryIds?: readonly number[];
  /** Products carrying all of these tag slugs. */
  tags?: readonly string[];
  /** Inclusive bounds, minor units. */
  minPrice?: number;
  maxPrice?: number;
  /** In stars, e.g. 4 or 3.5: products rated at least that (unrated products never match). */
  minRating?: number;
  /** true: only products in stock; false or absent: no filter. */
  inStock?: boolean;
  /** Which statuses to show; default only `active` (the shop). */
  statuses?: readonly ProductStatus[];
  sort: SearchSort;
  /** 1-based. */
  page: number;
  pageSize: number;
}

export interface SearchResult {
  /** Every match, whatever the page. */
  total: number;
  hits: SearchHit[];
  facets: SearchFacets;
}

export interface SearchHit {
  id: string;
  /** The relevance score; null when sorted by something else. */
  score: number | null;
  /** HTML-escaped text with `<mark>…</mark>` around the matched words; only with `q`. */
  highlight?: { title?: string; description?: string };
}

export interface SearchFacets {
  categories: FacetCount<number>[];
  tags: FacetCount<string>[];
  /** Fixed buckets in minor units, `from` inclusive, `to` exclusive; empty buckets included. */
  priceRanges: PriceRangeCount[];
  /** "At least `min` stars" (4, 3, 2, 1): the buckets overlap. */
  ratings: RatingCount[];
}

export interface FacetCount<K> {
  key: K;
  count: number;
}

export interface PriceRangeCount {
  from?: number;
  to?: number;
  count: number;
}

export interface RatingCount {
  min: number;
  count: number;
}
