import type { SearchEngine, SearchQuery } from '@market/adapters';

export const textQuery = (q: string): SearchQuery => ({ q, sort: 'relevance', page: 1, pageSize: 20 });

/**
 * The engine alone, one query at a time: full text (a varied word) and category + price + inStock, `count` of
 * each after 20 warm-up queries. Returns the latencies in milliseconds.
 */
export async function measureSearchLatency(
  search: SearchEngine,
  alias: string,
  count: number,
  next: { word: () => string; categoryId: () => number },
): Promise<{ text: number[]; filtered: number[] }> {
  const engine = { text: [] as number[], filtered: [] as number[] };
  for (let i = 0; i < 20; i++) await search.search(alias, textQuery(next.word()));
  for (let i = 0; i < count; i++) {
    let s = performance.now();
    await search.search(alias, textQuery(next.word()));
    engine.text.push(performance.now() - s);
    s = performance.now();
    await search.search(alias, {
      categoryIds: [next.categoryId()],
      minPrice: (i % 10) * 1_000,
      maxPrice: (i % 10) * 1_000 + 20_000,
      inStock: true,
      sort: 'relevance',
      page: 1,
      pageSize: 20,
    });
    engine.filtered.push(performance.now() - s);
  }
  return engine;
}
