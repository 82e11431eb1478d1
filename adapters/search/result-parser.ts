import { PRICE_RANGES, RATING_MINIMUMS } from './query-builder';
import type { Highlighter, HighlightSource } from './highlights';
import type { FacetCount, SearchHit, SearchResult } from './port';

/** The parts of a `_search` response body this reads (the same on both engines). */
interface RawSearchResponse {
  hits?: {
    total?: number | { value: number; relation?: string };
    hits?: RawHit[];
  };
  aggregations?: Record<string, { buckets?: RawBucket[] | Record<string, RawBucket> }>;
}

interface RawHit {
  _id?: string;
  _score?: number | null;
  _source?: HighlightSource;
}

interface RawBucket {
  key?: string | number;
  doc_count?: number;
  from?: number;
  to?: number;
}

/**
 * The response of a request from buildSearchRequest → SearchResult, each hit highlighted by `highlighter` (from
 * its `_source`) when given. Pure.
 */
export function parseSearchResponse(raw: unknown, highlighter?: Highlighter): SearchResult {
  const body = (raw ?? {}) as RawSearchResponse;
  const total = body.hits?.total;
  return {
    total: typeof total === 'number' ? total : (total?.value ?? 0),
    hits: (body.hits?.hits ?? []).map((hit) => toHit(hit, highlighter)),
    facets: {
      categories: termBuckets(body, 'categories').map((b) => ({ key: Number(b.key), count: b.count })),
      tags: termBuckets(body, 'tags').map((b) => ({ key: String(b.key), count: b.count })),
      // In the order of PRICE_RANGES, empty ranges included (the engine returns them in request order).
      priceRanges: PRICE_RANGES.map((range, i) => ({
        ...range,
        count: buckets(body, 'prices')[i]?.doc_count ?? 0,
      })),
      ratings: RATING_MINIMUMS.map((min) => ({
        min,
        count: buckets(body, 'ratings').find((b) => String(b.key) === String(min))?.doc_count ?? 0,
      })),
    },
  };
}

function toHit(hit: RawHit, highlighter: Highlighter | undefined): SearchHit {
  const result: SearchHit = {
    id: String(hit._id),
    score: typeof hit._score === 'number' ? hit._score : null,
  };
  const highlight = highlighter?.(hit._source);
  if (highlight) result.highlight = highlight;
  return result;
}

function buckets(body: RawSearchResponse, name: string): RawBucket[] {
  const raw = body.aggregations?.[name]?.buckets;
  if (!raw) return [];
  return Array.isArray(raw) ? raw : Object.values(raw);
}

function termBuckets(body: RawSearchResponse, name: string): FacetCount<string | number>[] {
  return buckets(body, name).map((b) => ({ key: b.key ?? '', count: b.doc_count ?? 0 }));
}
