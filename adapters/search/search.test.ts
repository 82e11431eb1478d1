import { SearchBulkError, SearchEngineError } from './errors';
import { createElasticsearchEngine } from './elasticsearch';
import { createOpenSearchEngine } from './opensearch';
import type { ProductDocument, SearchEngine, SearchQuery } from './port';
import {
  indexedEngine,
  opensearchTestUrl,
  testEngines,
  testIndexDefinition as definition,
  uniqueIndexName,
} from './testing/engines';
import { expectFacetsOf, matchingIn } from './testing/oracle';
import { allProducts as all, asIndexed, catalogFixture, ids, idsOf, sortedIds } from './testing/products';

const docs = catalogFixture();
const oracle = (query: SearchQuery) => matchingIn(docs, query);

describe.each(testEngines)('search on %s', (_name, start) => {
  const fixture = indexedEngine(start, docs);
  const { alias, created } = fixture;
  let engine: SearchEngine;
  beforeAll(() => {
    engine = fixture.engine;
  });

  describe('filters and facets', () => {
    it.each<[string, Partial<SearchQuery>]>([
      ['no filter', {}],
      ['a root category (its descendants included)', { categoryIds: [1] }],
      ['a leaf category', { categoryIds: [5] }],
      ['any of two categories', { categoryIds: [2, 5] }],
      ['one tag', { tags: ['eco'] }],
      ['all of two tags', { tags: ['eco', 'handmade'] }],
      ['a minimum price (inclusive)', { minPrice: 2_500 }],
      ['a maximum price (inclusive)', { maxPrice: 999 }],
      ['a price range', { minPrice: 1_000, maxPrice: 9_999 }],
      ['at least 4 stars', { minRating: 4 }],
      ['at least 3.5 stars', { minRating: 3.5 }],
      ['in stock', { inStock: true }],
      ['drafts and archived', { statuses: ['draft', 'archived'] }],
      [
        'everything at once',
        { categoryIds: [1], tags: ['gift'], minPrice: 900, minRating: 1, inStock: true },
      ],
    ])('%s: the right products and facet counts', async (_label, filters) => {
      const query = { ...all, ...filters };
      const expected = oracle(query);
      expect(expected.length).toBeGreaterThan(0); // the fixture exercises every filter
      const result = await engine.search(alias, query);
      expect(result.total).toBe(expected.length);
      expect(sortedIds(ids(result))).toEqual(sortedIds(idsOf(expected)));
      expectFacetsOf(result, expected);
    });

    it('filters full-text results too', async () => {
      const result = await engine.search(alias, { ...all, q: 'lamp', maxPrice: 5_000 });
      expect(sortedIds(ids(result))).toEqual(['1', '3']);
      expectFacetsOf(
        result,
        docs.filter((d) => ['1', '3'].includes(String(d.id))),
      );
    });

    it('finds nothing, with empty facets, when nothing matches', async () => {
      const result = await engine.search(alias, { ...all, minPrice: 1_000_000 });
      expect(result.total).toBe(0);
      expect(result.hits).toEqual([]);
      expect(result.facets.categories).toEqual([]);
      expect(result.facets.priceRanges.every((r) => r.count === 0)).toBe(true);
    });
  });

  describe('sorting', () => {
    const active = docs.filter((d) => d.status === 'active');
    const by = (compare: (a: ProductDocument, b: ProductDocument) => number) =>
      idsOf([...active].sort((a, b) => compare(a, b) || a.id - b.id));

    it.each<[SearchQuery['sort'], string[]]>([
      ['price_asc', by((a, b) => a.priceAmount - b.priceAmount)],
      ['price_desc', by((a, b) => b.priceAmount - a.priceAmount)],
      ['rating', by((a, b) => b.rating - a.rating || b.ratingCount - a.ratingCount)],
      ['newest', by((a, b) => b.createdAt.localeCompare(a.createdAt))],
      ['relevance', by((a, b) => b.createdAt.localeCompare(a.createdAt))],
    ])('%s', async (sort, expected) => {
      expect(ids(await engine.search(alias, { ...all, sort }))).toEqual(expected);
    });
  });

  describe('pagination', () => {
    const active = docs.filter((d) => d.status === 'active');
    const priceOrder = idsOf([...active].sort((a, b) => a.priceAmount - b.priceAmount || a.id - b.id));

    it('walks the pages in order, the last one partly filled', async () => {
      const pageSize = 10;
      const pages = Math.ceil(active.length / pageSize);
      const seen: string[] = [];
      for (let page = 1; page <= pages; page++) {
        const result = await engine.search(alias, { ...all, page, pageSize });
        expect(result.total).toBe(active.length);
        seen.push(...ids(result));
      }
      expect(seen).toEqual(priceOrder);
      const last = await engine.search(alias, { ...all, page: pages, pageSize });
      expect(last.hits).toHaveLength(active.length - (pages - 1) * pageSize);
    });

    it('returns no hits but the right total and facets beyond the last page', async () => {
      for (const page of [4, 1_000, 1_000_000]) {
        const result = await engine.search(alias, { ...all, page, pageSize: 10 });
        expect(result.hits).toEqual([]);
        expect(result.total).toBe(active.length);
        expectFacetsOf(result, active);
      }
    });

    it('returns one hit per page with pageSize 1', async () => {
      const result = await engine.search(alias, { ...all, page: 2, pageSize: 1 });
      expect(ids(result)).toEqual([priceOrder[1]]);
    });
  });

  describe('writes', () => {
    it('replaces a document with the same id and deletes one', async () => {
      const [first] = docs;
      if (!first) throw new Error('fixture');
      await engine.bulkIndex(alias, [{ id: '1', doc: { ...first, priceAmount: 123 } }], {
        waitForRefresh: true,
      });
      expect(ids(await engine.search(alias, { ...all, maxPrice: 123 }))).toEqual(['1']);
      await engine.bulkIndex(alias, [{ id: '1', doc: first }], { waitForRefresh: true });
      expect(ids(await engine.search(alias, { ...all, maxPrice: 123 }))).toEqual([]);

      await engine.bulkIndex(alias, [{ id: '999', doc: { ...first, id: 999, slug: 'gone' } }], {
        waitForRefresh: true,
      });
      expect(await engine.deleteDoc(alias, '999', { waitForRefresh: true })).toBe(true);
      expect(await engine.deleteDoc(alias, '999')).toBe(false);
      expect((await engine.search(alias, all)).total).toBe(oracle(all).length);
    });

    it('reports the documents a bulk request could not index, and indexes the others', async () => {
      const [first] = docs;
      if (!first) throw new Error('fixture');
      const bad = { ...first, id: 998, surprise: 'field' } as ProductDocument; // dynamic: strict
      const error = await engine
        .bulkIndex(alias, [
          { id: '998', doc: bad },
          { id: '997', doc: { ...first, id: 997 } },
        ])
        .catch((e: unknown) => e);
      expect(error).toBeInstanceOf(SearchBulkError);
      expect((error as SearchBulkError).failures).toEqual([
        expect.objectContaining({ id: '998', status: 400, type: 'strict_dynamic_mapping_exception' }),
      ]);
      expect(await engine.deleteDoc(alias, '997', { waitForRefresh: true })).toBe(true);
    });
  });

  describe('indices and aliases', () => {
    it('ensureIndex is idempotent, also when called concurrently', async () => {
      const name = uniqueIndexName();
      const results = await Promise.all([1, 2, 3].map(() => engine.ensureIndex(name, definition)));
      for (const index of results.flat()) created.add(index);
      expect(results).toEqual([[`${name}-initial`], [`${name}-initial`], [`${name}-initial`]]);
      expect(await engine.ensureIndex(name, definition)).toEqual([`${name}-initial`]);
    });

    it('answers a search of a missing index with a not-found SearchEngineError', async () => {
      const error = await engine.search(uniqueIndexName('missing'), all).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(SearchEngineError);
      expect(error).toMatchObject({ status: 404, type: 'index_not_found_exception', isNotFound: true });
      await expect(engine.deleteIndex(uniqueIndexName('missing'))).resolves.toBeUndefined();
      expect(await engine.aliasTargets(uniqueIndexName('missing'))).toEqual([]);
    });

    it('rejects an invalid index name before any request', async () => {
      await expect(engine.search('Products/../_all', all)).rejects.toMatchObject({
        type: 'invalid_index_name',
      });
    });

    it('swaps the alias to a new index while searches keep answering', async () => {
      const name = uniqueIndexName();
      const [oldIndex] = await engine.ensureIndex(name, definition);
      if (!oldIndex) throw new Error('no index');
      created.add(oldIndex);
      await engine.bulkIndex(name, asIndexed(docs), { waitForRefresh: true });

      // The reindex: a new index with a product only it has.
      const newIndex = `${name}-v2`;
      await engine.createIndex(newIndex, definition);
      created.add(newIndex);
      const marker = { ...docs[0], id: 500, slug: 'zebra', title: 'Zebra Marker Lamp' } as ProductDocument;
      await engine.bulkIndex(newIndex, asIndexed([...docs, marker]));
      await engine.refresh(newIndex);

      const failures: unknown[] = [];
      const totals: number[] = [];
      let swapped = false;
      let searchesAfterSwap = 0;
      const loop = (async () => {
        while (searchesAfterSwap < 10) {
          const wasSwapped = swapped;
          try {
            totals.push((await engine.search(name, { ...all, q: 'lamp' })).total);
          } catch (error) {
            failures.push(error);
          }
          if (wasSwapped) searchesAfterSwap++;
        }
      })();
      // Let some searches run against the old index first.
      await new Promise((resolve) => setTimeout(resolve, 150));
      expect(await engine.swapAlias(name, newIndex)).toEqual([oldIndex]);
      swapped = true;
      await loop;

      expect(failures).toEqual([]);
      expect(totals.length).toBeGreaterThan(10);
      expect(totals[0]).toBe(3); // the old index
      expect(totals.at(-1)).toBe(4); // the new one, with the marker
      expect(totals.every((t) => t === 3 || t === 4)).toBe(true);
      expect(await engine.aliasTargets(name)).toEqual([newIndex]);
      // Swapping to the index it already points at changes nothing.
      expect(await engine.swapAlias(name, newIndex)).toEqual([]);
      await engine.deleteIndex(oldIndex);
      expect((await engine.search(name, { ...all, q: 'zebra' })).hits.map((h) => h.id)).toEqual(['500']);
    });
  });
});

describe('engines that cannot serve', () => {
  it('the Elasticsearch adapter refuses OpenSearch itself (hence the proxy in the tests)', async () => {
    const engine = createElasticsearchEngine({
      kind: 'elasticsearch',
      url: opensearchTestUrl(),
      maxRetries: 0,
    });
    try {
      await expect(engine.ping()).rejects.toMatchObject({ type: 'product_not_supported' });
    } finally {
      await engine.close();
    }
  });

  it.each([
    ['opensearch', createOpenSearchEngine],
    ['elasticsearch', createElasticsearchEngine],
  ] as const)('%s: ping throws an "unavailable" SearchEngineError', async (kind, create) => {
    // Port 1 on loopback: refused at once.
    const engine = create({ kind, url: 'http://127.0.0.1:1', maxRetries: 0, requestTimeoutMs: 2_000 });
    try {
      await expect(engine.ping()).rejects.toMatchObject({ name: 'SearchEngineError', type: 'unavailable' });
    } finally {
      await engine.close();
    }
  });
});
