import type { SearchQuery } from './port';
import { buildSearchRequest, MAX_RESULT_WINDOW, pageWindow, PRICE_RANGES } from './query-builder';
import { hitHighlighter } from './highlights';
import { parseSearchResponse } from './result-parser';

const base: SearchQuery = { sort: 'relevance', page: 1, pageSize: 20 };

type Bool = { must?: unknown[]; filter: Record<string, unknown>[] };
const bool = (body: ReturnType<typeof buildSearchRequest>) => (body.query as { bool: Bool }).bool;

describe('buildSearchRequest', () => {
  it('matches title^3, tags^2 and description, exactly (boosted) and with fuzziness AUTO', () => {
    const body = buildSearchRequest({ ...base, q: '  desk lamp ' });
    const [text] = bool(body).must ?? [];
    expect(text).toEqual({
      bool: {
        minimum_should_match: 1,
        should: [
          {
            multi_match: expect.objectContaining({
              query: 'desk lamp',
              fields: ['title^3', 'tags.text^2', 'description'],
              type: 'best_fields',
              boost: 2,
            }),
          },
          {
            multi_match: expect.objectContaining({
              query: 'desk lamp',
              fields: ['title^3', 'tags.text^2', 'description'],
              fuzziness: 'AUTO',
            }),
          },
        ],
      },
    });
    // The highlights are made from these two fields (highlights.ts), not by the engine's highlighter.
    expect(body._source).toEqual(['title', 'description']);
    expect(body.highlight).toBeUndefined();
  });

  it('asks for the words as typed alone when told not to tolerate typos', () => {
    const [text] = bool(buildSearchRequest({ ...base, q: 'lamp' }, { typos: false })).must ?? [];
    expect(text).toEqual({
      bool: {
        minimum_should_match: 1,
        should: [{ multi_match: expect.objectContaining({ query: 'lamp', boost: 2 }) }],
      },
    });
    expect(JSON.stringify(text)).not.toContain('fuzziness');
  });

  it('has no full-text clause and asks for no stored fields without words', () => {
    for (const q of [undefined, '', '   ']) {
      const body = buildSearchRequest({ ...base, q });
      expect(bool(body).must).toBeUndefined();
      expect(body._source).toBe(false);
    }
  });

  it('shows only active products unless told otherwise', () => {
    expect(bool(buildSearchRequest(base)).filter).toEqual([{ terms: { status: ['active'] } }]);
    expect(bool(buildSearchRequest({ ...base, statuses: ['draft', 'active'] })).filter).toEqual([
      { terms: { status: ['draft', 'active'] } },
    ]);
  });

  it('turns every filter into a filter clause (no scoring)', () => {
    const body = buildSearchRequest({
      ...base,
      categoryIds: [3, 7],
      tags: ['eco', 'gift', 'eco'],
      minPrice: 1_000,
      maxPrice: 5_000,
      minRating: 3.5,
      inStock: true,
    });
    expect(bool(body).filter).toEqual([
      { terms: { status: ['active'] } },
      { terms: { categoryIds: [3, 7] } },
      { term: { tags: 'eco' } },
      { term: { tags: 'gift' } },
      { range: { priceAmount: { gte: 1_000, lte: 5_000 } } },
      { range: { rating: { gte: 350 } } },
      { term: { inStock: true } },
    ]);
  });

  it('keeps one-sided price ranges one-sided, ignores inStock=false and never lets unrated products match', () => {
    const filter = bool(buildSearchRequest({ ...base, maxPrice: 0, minRating: 0, inStock: false })).filter;
    expect(filter).toContainEqual({ range: { priceAmount: { lte: 0 } } });
    expect(filter).toContainEqual({ range: { rating: { gte: 1 } } });
    expect(filter).not.toContainEqual({ term: { inStock: false } });
  });

  it.each([
    [
      'relevance',
      true,
      [{ _score: { order: 'desc' } }, { createdAt: { order: 'desc' } }, { id: { order: 'asc' } }],
    ],
    ['relevance', false, [{ createdAt: { order: 'desc' } }, { id: { order: 'asc' } }]],
    ['price_asc', false, [{ priceAmount: { order: 'asc' } }, { id: { order: 'asc' } }]],
    ['price_desc', true, [{ priceAmount: { order: 'desc' } }, { id: { order: 'asc' } }]],
    [
      'rating',
      false,
      [{ rating: { order: 'desc' } }, { ratingCount: { order: 'desc' } }, { id: { order: 'asc' } }],
    ],
    ['newest', false, [{ createdAt: { order: 'desc' } }, { id: { order: 'asc' } }]],
  ] as const)('sorts %s (with words: %s) ending in the id', (sort, withText, expected) => {
    expect(buildSearchRequest({ ...base, sort, q: withText ? 'lamp' : undefined }).sort).toEqual(expected);
  });

  it('asks for facets: categories, tags, price ranges and "at least N stars"', () => {
    const body = buildSearchRequest(base, { categoryFacetSize: 10 });
    expect(body.aggs).toEqual({
      categories: { terms: { field: 'categoryIds', size: 10 } },
      tags: { terms: { field: 'tags', size: 30 } },
      prices: { range: { field: 'priceAmount', ranges: PRICE_RANGES } },
      ratings: {
        range: {
          field: 'rating',
          ranges: [
            { key: '4', from: 400 },
            { key: '3', from: 300 },
            { key: '2', from: 200 },
            { key: '1', from: 100 },
          ],
        },
      },
    });
    expect(body).toMatchObject({ track_total_hits: true, _source: false });
  });
});

describe('pageWindow', () => {
  it('maps 1-based pages to from/size', () => {
    expect(pageWindow(1, 20)).toEqual({ from: 0, size: 20 });
    expect(pageWindow(3, 20)).toEqual({ from: 40, size: 20 });
  });

  it('stays inside the engine result window instead of failing', () => {
    expect(pageWindow(MAX_RESULT_WINDOW / 100, 100)).toEqual({ from: MAX_RESULT_WINDOW - 100, size: 100 });
    expect(pageWindow(MAX_RESULT_WINDOW / 100 + 1, 100)).toEqual({ from: 0, size: 0 });
    expect(pageWindow(334, 30)).toEqual({ from: 9_990, size: 10 });
  });

  it('treats nonsense as the first page', () => {
    expect(pageWindow(0, 10)).toEqual({ from: 0, size: 10 });
    expect(pageWindow(-5, 10)).toEqual({ from: 0, size: 10 });
  });
});

describe('parseSearchResponse', () => {
  it('reads total, hits, highlights and facets', () => {
    const raw = {
      hits: {
        total: { value: 42, relation: 'eq' },
        hits: [
          { _id: '7', _score: 3.2, _source: { title: 'Desk Lamp', description: 'Brass.' } },
          { _id: '9', _score: null },
        ],
      },
      aggregations: {
        categories: { buckets: [{ key: 3, doc_count: 5 }] },
        tags: { buckets: [{ key: 'eco', doc_count: 2 }] },
        prices: {
          buckets: [
            { key: '*-1000.0', to: 1000, doc_count: 4 },
            { key: 'x', doc_count: 1 },
          ],
        },
        ratings: { buckets: [{ key: '3', from: 300, doc_count: 6 }] },
      },
    };
    const result = parseSearchResponse(raw, hitHighlighter('lamp', false));
    expect(result.total).toBe(42);
    expect(result.hits).toEqual([
      { id: '7', score: 3.2, highlight: { title: 'Desk <mark>Lamp</mark>' } },
      { id: '9', score: null },
    ]);
    expect(result.facets.categories).toEqual([{ key: 3, count: 5 }]);
    expect(result.facets.tags).toEqual([{ key: 'eco', count: 2 }]);
    expect(result.facets.priceRanges).toHaveLength(PRICE_RANGES.length);
    expect(result.facets.priceRanges[0]).toEqual({ to: 1_000, count: 4 });
    expect(result.facets.priceRanges[1]).toEqual({ from: 1_000, to: 2_500, count: 1 });
    expect(result.facets.priceRanges[5]).toEqual({ from: 25_000, count: 0 });
    expect(result.facets.ratings).toEqual([
      { min: 4, count: 0 },
      { min: 3, count: 6 },
      { min: 2, count: 0 },
      { min: 1, count: 0 },
    ]);
    // Without a highlighter (no words), no highlight.
    expect(parseSearchResponse(raw).hits[0]).toEqual({ id: '7', score: 3.2 });
  });

  it('accepts an integer total and a response without aggregations', () => {
    const result = parseSearchResponse({ hits: { total: 3, hits: [] } });
    expect(result.total).toBe(3);
    expect(result.facets.categories).toEqual([]);
  });
});
