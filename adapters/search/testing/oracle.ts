import type { ProductDocument, SearchQuery, SearchResult } from '../port';
import { PRICE_RANGES, RATING_MINIMUMS } from '../query-builder';

/** What an engine should find: the same filters, applied to the documents in plain code. */
export function matchingIn(docs: readonly ProductDocument[], query: SearchQuery): ProductDocument[] {
  return docs.filter(
    (d) =>
      (query.statuses ?? ['active']).includes(d.status) &&
      (!query.categoryIds?.length || query.categoryIds.some((c) => d.categoryIds.includes(c))) &&
      (query.tags ?? []).every((t) => d.tags.includes(t)) &&
      (query.minPrice === undefined || d.priceAmount >= query.minPrice) &&
      (query.maxPrice === undefined || d.priceAmount <= query.maxPrice) &&
      (query.minRating === undefined || (d.rating > 0 && d.rating >= query.minRating * 100)) &&
      (!query.inStock || d.inStock),
  );
}

function expectedFacets(matching: ProductDocument[]) {
  const count = <K>(keys: K[]) => {
    const counts = new Map<K, number>();
    for (const key of keys) counts.set(key, (counts.get(key) ?? 0) + 1);
    return counts;
  };
  return {
    categories: count(matching.flatMap((d) => d.categoryIds)),
    tags: count(matching.flatMap((d) => d.tags)),
    priceRanges: PRICE_RANGES.map(
      (r) =>
        matching.filter(
          (d) =>
            (r.from === undefined || d.priceAmount >= r.from) && (r.to === undefined || d.priceAmount < r.to),
        ).length,
    ),
    ratings: RATING_MINIMUMS.map((min) => matching.filter((d) => d.rating >= min * 100).length),
  };
}

/** The result's facets are those of `matching`, counted in plain code. */
export function expectFacetsOf(result: SearchResult, matching: ProductDocument[]) {
  const expected = expectedFacets(matching);
  expect(new Map(result.facets.categories.map((f) => [f.key, f.count]))).toEqual(expected.categories);
  expect(new Map(result.facets.tags.map((f) => [f.key, f.count]))).toEqual(expected.tags);
  expect(result.facets.priceRanges.map((r) => r.count)).toEqual(expected.priceRanges);
  expect(result.facets.priceRanges.map(({ from, to }) => ({ from, to }))).toEqual(
    PRICE_RANGES.map(({ from, to }) => ({ from, to })),
  );
  expect(result.facets.ratings).toEqual(
    RATING_MINIMUMS.map((min, i) => ({ min, count: expected.ratings[i] })),
  );
}
