import { acceptedRows, countFacets, type Filter } from './memory-columns';
import { MemoryIndex } from './memory-index';
import type { ProductStatus } from '@market/db';
import type { ProductDocument } from './port';
import { seededRandom } from './testing/random';

// The flat columns must answer exactly as the documents themselves would.
function randomIndex(n: number, seed: number): MemoryIndex {
  const next = seededRandom(seed);
  const statuses: ProductStatus[] = ['active', 'active', 'active', 'draft', 'archived'];
  const index = new MemoryIndex(null);
  for (let id = 1; id <= n; id++) {
    const doc: ProductDocument = {
      id,
      slug: `p-${id}`,
      title: `Product ${id}`,
      description: '',
      tags: ['eco', 'gift', 'handmade'].filter(() => next(2) === 0),
      categoryIds: [1, 2 + next(3)],
      priceAmount: next(20_000),
      currency: 'EUR',
      rating: next(3) === 0 ? 0 : 100 + next(400),
      ratingCount: next(50),
      inStock: next(4) !== 0,
      status: statuses[next(statuses.length)]!,
      createdAt: new Date(Date.UTC(2026, 0, 1 + next(300))).toISOString(),
    };
    index.put(String(id), doc);
  }
  return index;
}

const filters: [string, Partial<Filter>][] = [
  ['nothing', {}],
  ['price window', { minPrice: 5_000, maxPrice: 12_000 }],
  ['in stock, rated', { inStock: true, minRating: 300 }],
  ['a tag', { tags: ['eco'] }],
  ['two tags, in stock', { tags: ['eco', 'gift'], inStock: true }],
  ['drafts and archived', { statuses: ['draft', 'archived'], activeOnly: false }],
];

function passes(filter: Filter, doc: ProductDocument): boolean {
  return (
    doc.priceAmount >= filter.minPrice &&
    doc.priceAmount <= filter.maxPrice &&
    doc.rating >= filter.minRating &&
    (!filter.inStock || doc.inStock) &&
    filter.statuses.includes(doc.status) &&
    filter.tags.every((tag) => doc.tags.includes(tag))
  );
}

test.each(filters)('acceptedRows and countFacets agree with the documents: %s', (_name, partial) => {
  const filter: Filter = {
    minPrice: -Infinity,
    maxPrice: Infinity,
    minRating: 0,
    inStock: false,
    statuses: ['active'],
    activeOnly: true,
    categories: null,
    tags: [],
    ...partial,
  };
  for (const seed of [1, 2, 3]) {
    const index = randomIndex(400, seed);
    for (const categoryId of [1, 3, undefined]) {
      const list = index.candidates(categoryId === undefined ? undefined : [categoryId]);
      const rows = acceptedRows(list, filter);
      const expected = list.docs.flatMap((stored, row) => (passes(filter, stored.doc) ? [row] : []));
      expect(rows).toEqual(expected);
      expect(rows.length).toBeGreaterThan(0);

      const counts = new Uint32Array(64);
      countFacets(list, rows, counts);
      const naive = new Uint32Array(64);
      for (const row of rows) for (const slot of list.docs[row]!.facetSlots) naive[slot]!++;
      expect([...counts]).toEqual([...naive]);
    }
  }
});
