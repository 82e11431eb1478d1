import type { FacetCount, ProductDocument, SearchHit, SearchQuery, SearchResult } from './port';
import type { TextIndex, TextMatch } from './memory-text';
import {
  PRICE_RANGES,
  RATING_MINIMUMS,
  type QueryBuilderOptions,
  pageWindow,
  TYPO_FALLBACK_BELOW,
} from './query-builder';
import { highlight } from './text';

/** One concrete index of the in-process engine: the documents by id, and their full-text index. */
export interface MemoryIndex {
  docs: Map<string, StoredDocument>;
  text: TextIndex;
  /** The mapping's fields when it is `dynamic: strict` (a document with another field is refused); else null. */
  fields: ReadonlySet<string> | null;
}

export interface StoredDocument {
  doc: ProductDocument;
  /** `doc.createdAt` parsed once, for the sorts. */
  createdAt: number;
}

interface Candidate extends StoredDocument {
  id: string;
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
  let matching: Candidate[] = [];
  if (q) {
    // The words as typed first; typo-tolerant matches only when those find less than a page, as the engines.
    matching = textMatches(index, query, q, false);
    if (matching.length < TYPO_FALLBACK_BELOW) matching = textMatches(index, query, q, true);
  } else {
    for (const [id, stored] of index.docs) {
      if (matchesFilters(stored.doc, query)) matching.push({ ...stored, id });
    }
  }
  const { from, size } = pageWindow(query.page, query.pageSize);
  const relevance = query.sort === 'relevance' && Boolean(q);
  const page = size > 0 ? matching.sort(comparator(query, Boolean(q))).slice(from, from + size) : [];
  return {
    total: matching.length,
    hits: page.map((c) => toHit(c, relevance)),
    facets: facetsOf(
      matching.map((c) => c.doc),
      options,
    ),
  };
}

function textMatches(index: MemoryIndex, query: SearchQuery, q: string, typos: boolean): Candidate[] {
  const matching: Candidate[] = [];
  for (const [id, text] of index.text.match(q, typos)) {
    const stored = index.docs.get(id);
    if (stored && matchesFilters(stored.doc, query)) matching.push({ ...stored, id, text });
  }
  return matching;
}

function matchesFilters(doc: ProductDocument, query: SearchQuery): boolean {
  if (!(query.statuses ?? ['active']).includes(doc.status)) return false;
  if (query.categoryIds?.length && !query.categoryIds.some((id) => doc.categoryIds.includes(id)))
    return false;
  if (query.tags?.some((tag) => !doc.tags.includes(tag))) return false;
  if (query.minPrice !== undefined && doc.priceAmount < query.minPrice) return false;
  if (query.maxPrice !== undefined && doc.priceAmount > query.maxPrice) return false;
  // Unrated products (rating 0) never satisfy a rating filter, not even "at least 0 stars".
  if (query.minRating !== undefined && doc.rating < Math.max(1, Math.round(query.minRating * 100)))
    return false;
  if (query.inStock && !doc.inStock) return false;
  return true;
}

/** The query builder's sorts, each ending with the product id. */
function comparator(query: SearchQuery, hasText: boolean): (a: Candidate, b: Candidate) => number {
  const byId = (a: Candidate, b: Candidate) => a.doc.id - b.doc.id;
  const newest = (a: Candidate, b: Candidate) => b.createdAt - a.createdAt || byId(a, b);
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

/** As the engines' `highlight` block: the whole title, one ~160-character fragment of the description. */
function toHit(candidate: Candidate, relevance: boolean): SearchHit {
  const hit: SearchHit = { id: candidate.id, score: relevance ? (candidate.text?.score ?? 0) : null };
  const terms = candidate.text?.terms;
  if (!terms) return hit;
  const title = terms.title && highlight(candidate.doc.title, terms.title);
  const description = terms.description && highlight(candidate.doc.description, terms.description, 160);
  if (title || description) {
    hit.highlight = { ...(title ? { title } : {}), ...(description ? { description } : {}) };
  }
  return hit;
}

function facetsOf(docs: readonly ProductDocument[], options: QueryBuilderOptions): SearchResult['facets'] {
  const categories = new Map<number, number>();
  const tags = new Map<string, number>();
  for (const doc of docs) {
    for (const id of new Set(doc.categoryIds)) categories.set(id, (categories.get(id) ?? 0) + 1);
    for (const tag of new Set(doc.tags)) tags.set(tag, (tags.get(tag) ?? 0) + 1);
  }
  return {
    categories: top(categories, options.categoryFacetSize ?? 50),
    tags: top(tags, options.tagFacetSize ?? 30),
    priceRanges: PRICE_RANGES.map((range) => ({
      ...range,
      count: docs.filter(
        (d) =>
          (range.from === undefined || d.priceAmount >= range.from) &&
          (range.to === undefined || d.priceAmount < range.to),
      ).length,
    })),
    ratings: RATING_MINIMUMS.map((min) => ({
      min,
      count: docs.filter((d) => d.rating >= min * 100).length,
    })),
  };
}

/** A terms aggregation: biggest counts first, ties by key. */
function top<K extends string | number>(counts: Map<K, number>, size: number): FacetCount<K>[] {
  return [...counts]
    .map(([key, count]) => ({ key, count }))
    .sort((a, b) => b.count - a.count || (a.key < b.key ? -1 : a.key > b.key ? 1 : 0))
    .slice(0, size);
}
