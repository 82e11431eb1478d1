import { SearchEngineError } from './errors';
import { productIndexDefinition } from './mapping';
import { createMemorySearchEngine } from './memory';
import type { ProductDocument, SearchQuery } from './port';
import { analyze, editDistance, highlight, transpositions } from './text';
import { seededRandom } from './testing/random';

// What the shared suite (search.test.ts, which runs over this engine too) does not pin: the analyzer, the edit
// distance, and the in-process engine's own edges.

const definition = productIndexDefinition();
const query = (q?: string): SearchQuery => ({ q, sort: 'relevance', page: 1, pageSize: 20 });
const doc = (id: number, fields: Partial<ProductDocument>): ProductDocument => ({
  id,
  slug: `p-${id}`,
  title: `Product ${id}`,
  description: '',
  tags: [],
  categoryIds: [],
  priceAmount: 1_000,
  currency: 'EUR',
  rating: 0,
  ratingCount: 0,
  inStock: true,
  status: 'active',
  createdAt: new Date(Date.UTC(2026, 0, id)).toISOString(),
  ...fields,
});

describe('text analysis', () => {
  test('words of letters and digits, lower case, accents folded, plurals reduced', () => {
    expect(analyze('Café LAMPS, 2 boxes & wine-glasses; berries')).toEqual([
      'cafe',
      'lamp',
      '2',
      'box',
      'wine',
      'glass',
      'berry',
    ]);
  });

  test('the edit distance counts a swap of neighbours as one edit, and stops past the maximum', () => {
    expect(editDistance('aredn', 'arden', 1)).toBe(1);
    expect(editDistance('kettel', 'kettle', 2)).toBe(1);
    expect(editDistance('kettle', 'bottle', 2)).toBe(2);
    expect(editDistance('lamp', 'chair', 1)).toBe(2);
    expect(editDistance('lamp', 'lamp', 0)).toBe(0);
    expect(transpositions('desk')).toEqual(['edsk', 'dsek', 'deks']);
  });

  test('highlights escape the text and mark whole words; a long text gives a fragment around the match', () => {
    expect(highlight('Tom & Jerry <b>Lamps</b>', new Set(['lamp']))).toBe(
      'Tom &amp; Jerry &lt;b&gt;<mark>Lamps</mark>&lt;&#x2F;b&gt;',
    );
    expect(highlight('Nothing here', new Set(['lamp']))).toBeUndefined();
    const long = `${'Filler words go here. '.repeat(20)}The brass lamp glows. ${'More filler. '.repeat(20)}`;
    const fragment = highlight(long, new Set(['lamp']), 160)!;
    expect(fragment).toContain('brass <mark>lamp</mark> glows');
    expect(fragment.replace(/<\/?mark>/g, '').length).toBeLessThanOrEqual(160);
  });

  test('a fragment marks every match inside its window and none beyond it, as marking the whole text would', () => {
    const next = seededRandom(7);
    const vocabulary = ['lamp', 'Lamps', 'oak', 'café', 'brass', 'glow', 'a', 'desk'];
    const terms = new Set(['lamp', 'cafe']);
    for (let round = 0; round < 200; round++) {
      const text = Array.from({ length: 20 + next(80) }, () => vocabulary[next(vocabulary.length)]).join(' ');
      const fragment = highlight(text, terms, 60);
      // The same window cut out of the whole text highlighted without a window.
      const whole = highlight(text, terms);
      if (whole === undefined) {
        expect(fragment).toBeUndefined();
        continue;
      }
      const plain = fragment!.replace(/<\/?mark>/g, '');
      expect(whole).toContain(fragment);
      expect(plain.length).toBeLessThanOrEqual(60);
      expect(fragment).toMatch(/<mark>/);
    }
  });
});

describe('the in-process engine', () => {
  test('finds plurals, accents and words in tags; short words get no typo', async () => {
    const engine = createMemorySearchEngine();
    await engine.ensureIndex('products', definition);
    await engine.bulkIndex('products', [
      { id: '1', doc: doc(1, { title: 'Café Lamps', tags: ['hand-made'] }) },
      { id: '2', doc: doc(2, { title: 'Oak Stool' }) },
    ]);
    const ids = async (q: string) => (await engine.search('products', query(q))).hits.map((h) => h.id);
    expect(await ids('cafe lamp')).toEqual(['1']);
    expect(await ids('CAFÉ')).toEqual(['1']);
    expect(await ids('handmade')).toEqual([]); // a tag slug is split into its words, as tags.text
    expect(await ids('made')).toEqual(['1']);
    expect(await ids('oak')).toEqual(['2']);
    expect(await ids('ok')).toEqual([]); // two letters: no typo allowed
    expect(await ids('!!!')).toEqual([]); // no words: matches nothing, as on the engines
  });

  test('one or two words must all match; longer queries may miss a quarter', async () => {
    const engine = createMemorySearchEngine();
    await engine.ensureIndex('products', definition);
    await engine.bulkIndex('products', [{ id: '1', doc: doc(1, { title: 'Brass Desk Lamp Large' }) }]);
    const total = async (q: string) => (await engine.search('products', query(q))).total;
    expect(await total('brass zebra')).toBe(0);
    expect(await total('brass desk zebra')).toBe(1);
    expect(await total('brass desk lamp zebra')).toBe(1);
    expect(await total('brass desk zebra yak')).toBe(0);
  });

  test("aliases and indices, with the engines' errors", async () => {
    const engine = createMemorySearchEngine();
    await engine.createIndex('a', definition);
    await engine.createIndex('b', definition);
    await engine.bulkIndex('a', [{ id: '1', doc: doc(1, { title: 'Lamp one' }) }]);
    await engine.bulkIndex('b', [{ id: '2', doc: doc(2, { title: 'Lamp two' }) }]);
    expect(await engine.swapAlias('live', 'a')).toEqual([]);
    expect(await engine.ensureIndex('live', definition)).toEqual(['a']);
    await expect(engine.createIndex('a', definition)).rejects.toMatchObject({
      type: 'resource_already_exists_exception',
    });
    await expect(engine.createIndex('live', definition)).rejects.toMatchObject({
      type: 'resource_already_exists_exception',
    });
    await expect(engine.bulkIndex('missing', [])).rejects.toMatchObject({ status: 404 });
    await expect(engine.swapAlias('live', 'missing')).rejects.toBeInstanceOf(SearchEngineError);
    expect(await engine.swapAlias('live', 'b')).toEqual(['a']);
    expect((await engine.search('live', query('lamp'))).hits.map((h) => h.id)).toEqual(['2']);
    await engine.deleteIndex('b');
    expect(await engine.aliasTargets('live')).toEqual([]);
    await expect(engine.search('live', query('lamp'))).rejects.toMatchObject({ isNotFound: true });
  });

  test('keeps its own copy of a document', async () => {
    const engine = createMemorySearchEngine();
    await engine.ensureIndex('products', definition);
    const original = doc(1, { title: 'Lamp', tags: ['eco'] });
    await engine.bulkIndex('products', [{ id: '1', doc: original }]);
    original.tags.push('sale');
    original.priceAmount = 5;
    const result = await engine.search('products', { ...query(), tags: ['sale'] });
    expect(result.total).toBe(0);
    expect((await engine.search('products', { ...query(), maxPrice: 5 })).total).toBe(0);
  });

  test('a category filter follows a document moved to another category or deleted', async () => {
    const engine = createMemorySearchEngine();
    await engine.ensureIndex('products', definition);
    const ids = async (categoryIds: number[]) =>
      (await engine.search('products', { ...query(), categoryIds })).hits.map((h) => h.id);
    // Documents carry their category's ancestors: 2 and 3 are children of 1.
    await engine.bulkIndex('products', [
      { id: '1', doc: doc(1, { categoryIds: [2, 1] }) },
      { id: '2', doc: doc(2, { categoryIds: [3, 1] }) },
      { id: '3', doc: doc(3, { categoryIds: [2, 2, 1] }) },
    ]);
    expect(await ids([2])).toEqual(['3', '1']);
    expect(await ids([1])).toEqual(['3', '2', '1']);
    expect(await ids([2, 3, 1])).toEqual(['3', '2', '1']); // each once
    const facets = (await engine.search('products', { ...query(), categoryIds: [1] })).facets.categories;
    expect(facets).toEqual([
      { key: 1, count: 3 },
      { key: 2, count: 2 },
      { key: 3, count: 1 },
    ]);

    await engine.bulkIndex('products', [{ id: '1', doc: doc(1, { categoryIds: [3, 1] }) }]);
    expect(await ids([2])).toEqual(['3']);
    expect(await ids([3])).toEqual(['2', '1']);
    await engine.deleteDoc('products', '3');
    expect(await ids([2])).toEqual([]);
    expect(await ids([9])).toEqual([]);
    expect(await ids([1])).toEqual(['2', '1']);

    // The newest-first lists are made again after a write: a document made newer moves to the front.
    const newer = doc(1, { categoryIds: [3, 1], createdAt: new Date(Date.UTC(2027, 0, 1)).toISOString() });
    await engine.bulkIndex('products', [{ id: '1', doc: newer }]);
    expect(await ids([1])).toEqual(['1', '2']);
    expect(await ids([])).toEqual(['1', '2']);
    const byPrice = await engine.search('products', { ...query(), sort: 'price_desc', categoryIds: [1] });
    expect(byPrice.hits.map((h) => h.id)).toEqual(['1', '2']); // equal prices: by id
  });
});
