import { byNewest, type MemoryIndex, type StoredDocument } from './memory-index';
import { hitHighlighter, type Highlighter } from './highlights';
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
  const accepts = filterOf(query, !q);
  let matching: Candidate[] = [];
  let typos = false;
  if (q) {
    // The words as typed first; typo-tolerant matches only when those find less than a page, as the engines.
    matching = textMatches(index, accepts, q, false);
    typos = matching.length < TYPO_FALLBACK_BELOW;
    if (typos) matching = textMatches(index, accepts, q, true);
  } else {
    // The stored documents themselves, newest first: nothing is allocated per document looked at.
    for (const stored of index.candidates(query.categoryIds)) if (accepts(stored.doc)) matching.push(stored);
  }
  const { from, size } = pageWindow(query.page, query.pageSize);
  const relevance = query.sort === 'relevance' && Boolean(q);
  // Without words, relevance is the newest first: the order the candidates came in.
  const inOrder = !q && (query.sort === 'relevance' || query.sort === 'newest');
  const sorted = inOrder ? matching : firstInOrder(matching, comparator(query, Boolean(q)), from + size);
  const page = size > 0 ? sorted.slice(from, from + size) : [];
  const highlighter = q ? hitHighlighter(q, typos) : undefined;
  return {
    total: matching.length,
    hits: page.map((c) => toHit(c, relevance, highlighter)),
    facets: facetsOf(index, matching, options),
  };
}

function textMatches(
  index: MemoryIndex,
  accepts: (doc: ProductDocument) => boolean,
  q: string,
  typos: boolean,
): Candidate[] {
  const matching: Candidate[] = [];
  for (const [id, text] of index.text.match(q, typos)) {
    const stored = index.docs.get(id);
    // Spelled out rather than spread: one object shape for every match, several times cheaper to make.
    if (stored && accepts(stored.doc)) {
      const { id: storedId, doc, createdAt, categorySlots, tagSlots, priceSlots, ratingSlots } = stored;
      matching.push({ id: storedId, doc, createdAt, categorySlots, tagSlots, priceSlots, ratingSlots, text });
    }
  }
  return matching;
}

/**
 * The query's filters as one test, its lists and bounds worked out once rather than per document. `fromCategories`:
 * the documents tested are the query's categories' own (MemoryIndex.candidates), so the category test is skipped.
 */
function filterOf(query: SearchQuery, fromCategories: boolean): (doc: ProductDocument) => boolean {
  const statuses: readonly string[] = query.statuses ?? ['active'];
  const categories = query.categoryIds?.length && !fromCategories ? new Set(query.categoryIds) : null;
  const tags = [...new Set(query.tags ?? [])];
  const minPrice = query.minPrice ?? -Infinity;
  const maxPrice = query.maxPrice ?? Infinity;
  // Unrated products (rating 0) never satisfy a rating filter, not even "at least 0 stars".
  const minRating = query.minRating === undefined ? 0 : Math.max(1, Math.round(query.minRating * 100));
  const inStock = Boolean(query.inStock);
  return (doc) => {
    if (doc.priceAmount < minPrice || doc.priceAmount > maxPrice || doc.rating < minRating) return false;
    if ((inStock && !doc.inStock) || !statuses.includes(doc.status)) return false;
    if (categories && !doc.categoryIds.some((id) => categories.has(id))) return false;
    for (const tag of tags) if (!doc.tags.includes(tag)) return false;
    return true;
  };
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

/**
 * The engines' aggregations over the filtered result, in one pass: each document's distinct categories and tags,
 * its price range and its rating minimums were numbered when it was stored (memory-index.ts), so counting them is
 * an array increment, not a Map lookup or a comparison per bucket.
 */
function facetsOf(
  index: MemoryIndex,
  matching: readonly Candidate[],
  options: QueryBuilderOptions,
): SearchResult['facets'] {
  const categories = new Uint32Array(index.categories.keys.length);
  const tags = new Uint32Array(index.tags.keys.length);
  const prices = new Uint32Array(PRICE_RANGES.length);
  const ratings = new Uint32Array(RATING_MINIMUMS.length);
  // Each document's price range and rating minimums were worked out when it was stored, like its categories.
  for (const { categorySlots, tagSlots, priceSlots, ratingSlots } of matching) {
    for (const slot of categorySlots) categories[slot]!++;
    for (const slot of tagSlots) tags[slot]!++;
    for (const slot of priceSlots) prices[slot]!++;
    for (const slot of ratingSlots) ratings[slot]!++;
  }
  return {
    categories: top(index.categories.keys, categories, options.categoryFacetSize ?? 50),
    tags: top(index.tags.keys, tags, options.tagFacetSize ?? 30),
    priceRanges: PRICE_RANGES.map((range, i) => ({ ...range, count: prices[i]! })),
    ratings: RATING_MINIMUMS.map((min, i) => ({ min, count: ratings[i]! })),
  };
}

/** A terms aggregation: biggest counts first, ties by key. */
function top<K extends string | number>(
  keys: readonly K[],
  counts: Uint32Array,
  size: number,
): FacetCount<K>[] {
  const found: FacetCount<K>[] = [];
  counts.forEach((count, slot) => {
    if (count > 0) found.push({ key: keys[slot]!, count });
  });
  return found
    .sort((a, b) => b.count - a.count || (a.key < b.key ? -1 : a.key > b.key ? 1 : 0))
    .slice(0, size);
}
