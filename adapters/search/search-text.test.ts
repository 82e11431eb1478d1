import type { ProductDocument, SearchEngine } from './port';
import { TYPO_FALLBACK_BELOW } from './query-builder';
import { indexedEngine, testEngines, testIndexDefinition, uniqueIndexName } from './testing/engines';
import { allProducts as all, asIndexed, catalogFixture, ids, idsOf, sortedIds } from './testing/products';

// Full text on every adapter: relevance, typo tolerance and highlights. Filters, facets, sorting, paging, writes and
// indices: search.test.ts.

const docs = catalogFixture();

describe.each(testEngines)('full-text search on %s', (_name, start) => {
  const fixture = indexedEngine(start, docs);
  const { alias, created } = fixture;
  let engine: SearchEngine;
  beforeAll(() => {
    engine = fixture.engine;
  });

  describe('relevance', () => {
    it('ranks a title match above a description-only match', async () => {
      const result = await engine.search(alias, { ...all, sort: 'relevance', q: 'lamp' });
      expect(sortedIds(ids(result))).toEqual(['1', '2', '3']);
      expect(result.hits.at(-1)?.id).toBe('2');
      expect(result.hits[0]?.score).toBeGreaterThan(result.hits[2]?.score ?? Infinity);
    });

    it.each([
      ['lanp', '1'],
      ['ketle', '4'],
      ['kettel', '4'],
      ['brass dsek lamp', '1'],
      // Two letters swapped count as one edit, as in a five-letter word one typo is allowed.
      ['aredn', '31'],
    ])('finds the product despite a typo: %s', async (q, id) => {
      const result = await engine.search(alias, { ...all, sort: 'relevance', q });
      expect(ids(result)[0]).toBe(id);
    });

    it('ranks the right spelling above a typo-tolerant match', async () => {
      // "bottle" is two edits from "kettle", so the bottles match too — below the kettle.
      const result = await engine.search(alias, { ...all, sort: 'relevance', q: 'kettle' });
      const bottles = idsOf(docs.filter((d) => d.title.includes('Bottle') && d.status === 'active'));
      expect(bottles.length).toBeGreaterThan(0);
      expect(ids(result)[0]).toBe('4');
      expect(sortedIds(ids(result).slice(1))).toEqual(sortedIds(bottles));
      expect(result.hits[0]?.score).toBeGreaterThan(result.hits[1]?.score ?? Infinity);
    });

    it('finds words in tags and folds case', async () => {
      const result = await engine.search(alias, { ...all, sort: 'relevance', q: 'HANDMADE' });
      expect(sortedIds(ids(result))).toEqual(
        sortedIds(idsOf(docs.filter((d) => d.tags.includes('handmade') && d.status === 'active'))),
      );
    });

    it('highlights the matched words, HTML-escaped', async () => {
      const result = await engine.search(alias, { ...all, sort: 'relevance', q: 'lamp' });
      const byId = new Map(result.hits.map((h) => [h.id, h.highlight]));
      expect(byId.get('1')).toEqual({ title: 'Brass Desk <mark>Lamp</mark>' });
      expect(byId.get('2')?.description).toContain('<mark>lamp</mark>');
      expect(byId.get('3')?.title).toBe('Paper <mark>Lamp</mark> Shade &lt;Large&gt;');
    });

    it('has no highlight and no score when sorting by price', async () => {
      const result = await engine.search(alias, { ...all, sort: 'relevance' });
      expect(result.hits.every((h) => h.highlight === undefined)).toBe(true);
      const byPrice = await engine.search(alias, { ...all, sort: 'price_asc', q: 'lamp' });
      expect(byPrice.hits.every((h) => h.score === null)).toBe(true);
    });
  });

  describe('typo tolerance once the words as typed find a page', () => {
    // TYPO_FALLBACK_BELOW (20) lamps at 10.00–29.00 plus one at 50.00, and a "lamb" one typo away at 5.00.
    const typosAlias = uniqueIndexName();
    const [template] = docs;
    const lamp = (id: number, priceAmount: number): ProductDocument => ({
      ...template!,
      id,
      slug: `lamp-${id}`,
      title: `Lamp ${id}`,
      description: 'A lamp.',
      priceAmount,
    });
    const lamps = Array.from({ length: TYPO_FALLBACK_BELOW }, (_, i) => lamp(1_001 + i, 1_000 + i * 100));
    const lamb = { ...lamp(1_100, 500), title: 'Lamb Roaster', description: 'For a lamb.' };

    beforeAll(async () => {
      for (const index of await engine.ensureIndex(typosAlias, testIndexDefinition)) created.add(index);
      await engine.bulkIndex(typosAlias, asIndexed([...lamps, lamp(1_050, 5_000), lamb]));
      await engine.refresh(typosAlias);
    });

    it('answers with the right spelling alone when it matches at least a page', async () => {
      const result = await engine.search(typosAlias, { ...all, sort: 'relevance', q: 'lamp' });
      expect(result.total).toBe(TYPO_FALLBACK_BELOW + 1);
      expect(ids(result)).not.toContain('1100');
      expect(result.facets.priceRanges[0]?.count).toBe(0); // the lamb's 5.00 is not counted either
      expect(result.hits.every((h) => h.highlight?.title?.startsWith('<mark>Lamp</mark>'))).toBe(true);
    });

    it('adds the typo-tolerant matches when the filtered right spelling finds fewer', async () => {
      // One lamp short of a page under this price.
      const maxPrice = lamps.at(-2)!.priceAmount;
      const result = await engine.search(typosAlias, { ...all, sort: 'relevance', q: 'lamp', maxPrice });
      expect(result.total).toBe(TYPO_FALLBACK_BELOW);
      const lambHit = result.hits.find((h) => h.id === '1100');
      expect(lambHit?.highlight?.title).toBe('<mark>Lamb</mark> Roaster');
      expect(result.facets.priceRanges[0]?.count).toBe(1);
    });

    it('finds a misspelling through the typo tolerance whatever the catalog holds', async () => {
      const result = await engine.search(typosAlias, { ...all, sort: 'relevance', q: 'lanp' });
      expect(result.total).toBe(TYPO_FALLBACK_BELOW + 1);
      expect(result.hits[0]?.highlight?.title).toMatch(/^<mark>Lamp<\/mark>/);
    });
  });
});
