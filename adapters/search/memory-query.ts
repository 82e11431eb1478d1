import { byNewest, FACET_GROUPS, facetSlot, type MemoryIndex, type StoredDocument } from './memory-index';
import { hitHighlighter, type Highlighter } from './highlights';
import { acceptedRows, countFacets, type Filter, hasTags } from './memory-columns';
import type { TextMatch } from './memory-text';
import type { FacetCount, ProductDocument, SearchHit, SearchQuery, SearchResult } from './port';
import {
  PRICE_RANGES,
  RATING_MINIMUMS,
  type QueryBuilderOptions,
  pageWindow,
  TYPO_FALLBACK_BELOW,
} from './query-builder';

interface Candidate extends StoredDocument {
  text?: TextMatch;
}

/**
 * A SearchQuery over one index, with the engines' semantics: the query builder's filters, facets over the
 * filtered result, sorts ending with the id, the same result window. See README.md "Semantics".
 */
export function searchIndex(
  index: MemoryIndex,
  query: SearchQuery,
  options: QueryBuilderOptions = {},
): SearchResult {
  const q = query.q?.trim() ?? '';
  const filter = filterOf(query);
  const counts = newFacetCounts(index);
  const { from, size } = pageWindow(query.page, query.pageSize);
  const upTo = from + size;
  let total: number;
  let page: Candidate[];
  let typos = false;
  if (q) {
    // The words as typed first; typo-tolerant matches only when those find less than a page, as the engines.
    let matching = textMatches(index, filter, q, false);
    typos = matching.length < TYPO_FALLBACK_BELOW;
    if (typos) matching = textMatches(index, filter, q, true);
    for (const { facetSlots } of matching) for (const slot of facetSlots) counts[slot]!++;
    total = matching.length;
    page = firstInOrder(matching, comparator(query, true), upTo).slice(from, upTo);
  } else {
    // The category's documents, newest first, scanned in their flat columns (memory-columns.ts).
    const list = index.candidates(query.categoryIds);
    const rows = acceptedRows(list, filter);
    countFacets(list, rows, counts);
    total = rows.length;
    // Without words, relevance is the newest first: the order of the list.
    const inOrder = query.sort === 'relevance' || query.sort === 'newest';
    const docsOf = (some: readonly number[]) => some.map((row) => list.docs[row]!);
    page = inOrder
      ? docsOf(rows.slice(from, upTo))
      : firstInOrder(docsOf(rows), comparator(query, false), upTo).slice(from, upTo);
  }
  const relevance = query.sort === 'relevance' && Boolean(q);
  const highlighter = q ? hitHighlighter(q, typos) : undefined;
  return {
    total,
    hits: page.map((c) => toHit(c, relevance, highlighter)),
    facets: facetsOf(index, counts, options),
  };
}

function textMatches(index: MemoryIndex, filter: Filter, q: string, typos: boolean): Candidate[] {
  const matching: Candidate[] = [];
  const { found, scores } = index.text.match(q, typos);
  found.forEach((stored, i) => {
    // Spelled out rather than spread: one object shape for every match, several times cheaper to make.
    if (accepts(filter, stored.doc)) {
      const { id, doc, createdAt, facetSlots } = stored;
      matching.push({ id, doc, createdAt, facetSlots, text: { score: scores[i]! } });
    }
  });
  return matching;
}

/** The query's filters, its lists and bounds worked out once rather than per document. */
function filterOf(query: SearchQuery): Filter {
  const statuses: readonly string[] = query.statuses ?? ['active'];
  return {
    minPrice: query.minPrice ?? -Infinity,
    maxPrice: query.maxPrice ?? Infinity,
    // Unrated products (rating 0) never satisfy a rating filter, not even "at least 0 stars".
    minRating: query.minRating === undefined ? 0 : Math.max(1, Math.round(query.minRating * 100)),
    inStock: Boolean(query.inStock),
    statuses,
    activeOnly: statuses.length === 1 && statuses[0] === 'active',
    categories: query.categoryIds?.length ? new Set(query.categoryIds) : null,
    tags: [...new Set(query.tags ?? [])],
  };
}

/** Whether a document passes every filter (the full-text path: its documents come from any category). */
function accepts(filter: Filter, doc: ProductDocument): boolean {
  const { minPrice, maxPrice, minRating, inStock, statuses, categories } = filter;
  if (doc.priceAmount < minPrice || doc.priceAmount > maxPrice || doc.rating < minRating) return false;
  if ((inStock && !doc.inStock) || !statuses.includes(doc.status)) return false;
  if (categories && !doc.categoryIds.some((id) => categories.has(id))) return false;
  return hasTags(filter, doc);
}

/** The query builder's sorts, each ending with the product id. */
function comparator(query: SearchQuery, hasText: boolean): (a: Candidate, b: Candidate) => number {
  const byId = (a: Candidate, b: Candidate) => a.doc.id - b.doc.id;
  const newest = byNewest;
  switch (query.sort) {
    case 'relevance':
      return hasText ? (a, b) => (b.text?.score ?? 0) - (a.text?.score ?? 0) || newest(a, b) : newest;
    case 'price_asc':
      return (a, b) => a.doc.priceAmount - b.doc.priceAmount || byId(a, b);
    case 'price_desc':
      return (a, b) => b.doc.priceAmount - a.doc.priceAmount || byId(a, b);
    case 'rating':
      return (a, b) => b.doc.rating - a.doc.rating || b.doc.ratingCount - a.doc.ratingCount || byId(a, b);
    case 'newest':
      return newest;
  }
}

/**
 * The first `count` of `items` in the order of `compare` (a total order: every comparator here ends with the id),
 * exactly as sorting them all would give, without sorting them all: a page of 20 among hundreds of matches keeps
 * the best 20 seen so far, and most items are turned away by one comparison with the last of them. A deep page
 * (`count` beyond a quarter of the items) sorts them all.
 */
export function firstInOrder<T>(items: T[], compare: (a: T, b: T) => number, count: number): T[] {
  if (count <= 0) return [];
  if (count * 4 >= items.length) return items.sort(compare).slice(0, count);
  const best: T[] = [];
  for (const item of items) {
    if (best.length === count && compare(item, best[count - 1]!) >= 0) continue;
    let low = 0;
    let high = best.length;
    while (low < high) {
      const middle = (low + high) >>> 1;
      if (compare(item, best[middle]!) < 0) high = middle;
      else low = middle + 1;
    }
    best.splice(low, 0, item);
    if (best.length > count) best.pop();
  }
  return best;
}

/** A hit, highlighted as the engines' hits are (highlights.ts). */
function toHit(candidate: Candidate, relevance: boolean, highlighter: Highlighter | undefined): SearchHit {
  const hit: SearchHit = { id: candidate.id, score: relevance ? (candidate.text?.score ?? 0) : null };
  const highlight = highlighter?.(candidate.doc);
  if (highlight) hit.highlight = highlight;
  return hit;
}

/** A count per facet bucket, indexed by facet slot (memory-index.ts), every one zero. */
function newFacetCounts(index: MemoryIndex): Uint32Array {
  const slots = Math.max(
    index.categories.keys.length,
    index.tags.keys.length,
    PRICE_RANGES.length,
    RATING_MINIMUMS.length,
  );
  return new Uint32Array(facetSlot(0, slots));
}

/**
 * The engines' aggregations over the filtered result, from counts made in one pass over it: each document's
 * distinct categories and tags, its price range and its rating minimums were numbered when it was stored
 * (memory-index.ts), so counting them is an array increment, not a Map lookup or a comparison per bucket.
 */
function facetsOf(
  index: MemoryIndex,
  counts: Uint32Array,
  options: QueryBuilderOptions,
): SearchResult['facets'] {
  const count = (group: number, slot: number) => counts[facetSlot(group, slot)]!;
  return {
    categories: top(index.categories.keys, FACET_GROUPS.category, count, options.categoryFacetSize ?? 50),
    tags: top(index.tags.keys, FACET_GROUPS.tag, count, options.tagFacetSize ?? 30),
    priceRanges: PRICE_RANGES.map((range, i) => ({ ...range, count: count(FACET_GROUPS.price, i) })),
    ratings: RATING_MINIMUMS.map((min, i) => ({ min, count: count(FACET_GROUPS.rating, i) })),
  };
}

/** A terms aggregation: biggest counts first, ties by key. */
function top<K extends string | number>(
  keys: readonly K[],
  group: number,
  count: (group: number, slot: number) => number,
  size: number,
): FacetCount<K>[] {
  const found: FacetCount<K>[] = [];
  keys.forEach((key, slot) => {
    const n = count(group, slot);
    if (n > 0) found.push({ key, count: n });
  });
  return found
    .sort((a, b) => b.count - a.count || (a.key < b.key ? -1 : a.key > b.key ? 1 : 0))
    .slice(0, size);
}
