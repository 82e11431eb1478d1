import type { SearchQuery, SearchSort } from './port';

/**
 * The one query builder both engines share: SearchQuery → the `_search` request body (the DSL is the same on
 * Elasticsearch 8/9 and OpenSearch 2/3 for everything used here). Pure; see query-builder.unit.test.ts.
 */

/** Full-text fields and their boosts: a title match outweighs a tag match, which outweighs the description. */
export const TEXT_FIELDS = ['title^3', 'tags.text^2', 'description'] as const;

/** Price facet buckets in minor units (`to` exclusive). */
export const PRICE_RANGES: readonly { from?: number; to?: number }[] = [
  { to: 1_000 },
  { from: 1_000, to: 2_500 },
  { from: 2_500, to: 5_000 },
  { from: 5_000, to: 10_000 },
  { from: 10_000, to: 25_000 },
  { from: 25_000 },
];

/** Rating facet: "at least N stars". */
export const RATING_MINIMUMS = [4, 3, 2, 1] as const;

/** The engines refuse `from + size` beyond `index.max_result_window` (10,000 by default). */
export const MAX_RESULT_WINDOW = 10_000;

export interface QueryBuilderOptions {
  /** How many category and tag facet values to return (default 50 and 30). */
  categoryFacetSize?: number;
  tagFacetSize?: number;
}

export type SearchRequestBody = Record<string, unknown> & {
  query: Record<string, unknown>;
  from: number;
  size: number;
};

type Clause = Record<string, unknown>;

/**
 * Below this many products matching the words as typed, a full-text search adds the typo-tolerant matches
 * (`fuzziness: AUTO`): a first page's worth (the listing's default page size). At or above it the words as typed
 * are the answer. A fuzzy clause on every search made ordinary words match thousands of products ("vest" found
 * 96 vests and 4,473 products with "best", "test" or "rest" in them) and cost the engine half its time.
 */
export const TYPO_FALLBACK_BELOW = 20;

export interface BuildOptions extends QueryBuilderOptions {
  /** With the typo-tolerant clause (default true); the engines ask without it first (engine.ts). */
  typos?: boolean;
}

export function buildSearchRequest(query: SearchQuery, options: BuildOptions = {}): SearchRequestBody {
  const text = query.q?.trim() ?? '';
  const { from, size } = pageWindow(query.page, query.pageSize);
  return {
    query: {
      bool: {
        ...(text ? { must: [fullText(text, options.typos ?? true)] } : {}),
        filter: filters(query),
      },
    },
    sort: sortClauses(query.sort, Boolean(text)),
    from,
    size,
    // Exact totals past 10,000 (the default stops counting there).
    track_total_hits: true,
    // Hits are ids: the catalog renders products from the database (or its cache). With words, the two fields
    // the highlights are made from (highlights.ts): the engine's own highlighter cost more than the search.
    _source: text ? ['title', 'description'] : false,
    aggs: aggregations(options),
  };
}

/**
 * `page` beyond the window the engine allows still returns the total and the facets, with no hits (as a page past
 * the end does), instead of an engine error.
 */
export function pageWindow(page: number, pageSize: number): { from: number; size: number } {
  const size = Math.max(0, Math.floor(pageSize));
  const from = Math.max(0, Math.floor(page) - 1) * size;
  if (from >= MAX_RESULT_WINDOW) return { from: 0, size: 0 };
  return { from, size: Math.min(size, MAX_RESULT_WINDOW - from) };
}

/**
 * Two `multi_match` clauses, either of which may match: the exact one ranks right spellings first, the fuzzy one
 * (`fuzziness: AUTO`: one edit for words of 3–5 letters, two beyond) still finds "lamb" for "lamp". Without
 * `typos`, the exact one alone. `best_fields` scores a product by its best field, so a title match beats a
 * description-only one.
 */
function fullText(text: string, typos: boolean): Clause {
  const common = {
    query: text,
    fields: [...TEXT_FIELDS],
    type: 'best_fields',
    tie_breaker: 0.3,
    // One or two words must all match; longer queries may miss a quarter of theirs.
    minimum_should_match: '2<75%',
  };
  const exact = { multi_match: { ...common, boost: 2 } };
  return {
    bool: {
      should: typos
        ? [exact, { multi_match: { ...common, fuzziness: 'AUTO', max_expansions: 50 } }]
        : [exact],
      minimum_should_match: 1,
    },
  };
}

function filters(query: SearchQuery): Clause[] {
  const clauses: Clause[] = [{ terms: { status: [...(query.statuses ?? ['active'])] } }];
  if (query.categoryIds?.length) clauses.push({ terms: { categoryIds: [...query.categoryIds] } });
  // One `term` each: the product must carry every tag.
  for (const tag of new Set(query.tags ?? [])) clauses.push({ term: { tags: tag } });
  const price: Clause = {};
  if (query.minPrice !== undefined) price.gte = query.minPrice;
  if (query.maxPrice !== undefined) price.lte = query.maxPrice;
  if (Object.keys(price).length) clauses.push({ range: { priceAmount: price } });
  if (query.minRating !== undefined) {
    // Unrated products (rating 0) never satisfy a rating filter, not even "at least 0 stars".
    clauses.push({ range: { rating: { gte: Math.max(1, Math.round(query.minRating * 100)) } } });
  }
  if (query.inStock) clauses.push({ term: { inStock: true } });
  return clauses;
}

/** Every order ends with the id, so equal values page deterministically. */
function sortClauses(sort: SearchSort, hasText: boolean): Clause[] {
  const byId = { id: { order: 'asc' } };
  switch (sort) {
    case 'relevance':
      // Without words every score is equal: show the newest first.
      return hasText
        ? [{ _score: { order: 'desc' } }, { createdAt: { order: 'desc' } }, byId]
        : [{ createdAt: { order: 'desc' } }, byId];
    case 'price_asc':
      return [{ priceAmount: { order: 'asc' } }, byId];
    case 'price_desc':
      return [{ priceAmount: { order: 'desc' } }, byId];
    case 'rating':
      return [{ rating: { order: 'desc' } }, { ratingCount: { order: 'desc' } }, byId];
    case 'newest':
      return [{ createdAt: { order: 'desc' } }, byId];
  }
}

function aggregations(options: QueryBuilderOptions): Clause {
  return {
    categories: { terms: { field: 'categoryIds', size: options.categoryFacetSize ?? 50 } },
    tags: { terms: { field: 'tags', size: options.tagFacetSize ?? 30 } },
    prices: { range: { field: 'priceAmount', ranges: PRICE_RANGES.map((r) => ({ ...r })) } },
    ratings: {
      range: {
        field: 'rating',
        ranges: RATING_MINIMUMS.map((min) => ({ key: String(min), from: min * 100 })),
      },
    },
  };
}
