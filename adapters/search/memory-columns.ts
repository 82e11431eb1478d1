import type { StoredDocument } from './memory-index';
import type { ProductDocument } from './port';

/** CandidateList.flags bits. */
export const IN_STOCK = 1;
export const ACTIVE = 2;

/**
 * A candidate list (MemoryIndex.candidates: newest first) with what a search without words filters on and counts
 * laid out in flat arrays, row i for `docs[i]`. Scanning a category's hundreds of documents then reads a few
 * contiguous arrays instead of following each document's pointers, which cost a cache miss or more per document and
 * were most of such a search's time (docs/benchmarks.md, tenth step). Made once per write, like the list's order.
 */
export interface CandidateList {
  readonly docs: readonly StoredDocument[];
  readonly price: Float64Array;
  readonly rating: Float64Array;
  /** IN_STOCK and ACTIVE (status `active`) bits. */
  readonly flags: Uint8Array;
  /** Row i's facet buckets (StoredDocument.facetSlots) are facetSlots[facetStart[i]] up to facetStart[i + 1]. */
  readonly facetStart: Uint32Array;
  readonly facetSlots: Uint32Array;
}

export function candidateList(docs: readonly StoredDocument[]): CandidateList {
  const rows = docs.length;
  const price = new Float64Array(rows);
  const rating = new Float64Array(rows);
  const flags = new Uint8Array(rows);
  const facetStart = new Uint32Array(rows + 1);
  let slots = 0;
  docs.forEach(({ doc, facetSlots }, row) => {
    price[row] = doc.priceAmount;
    rating[row] = doc.rating;
    flags[row] = (doc.inStock ? IN_STOCK : 0) | (doc.status === 'active' ? ACTIVE : 0);
    facetStart[row] = slots;
    slots += facetSlots.length;
  });
  facetStart[rows] = slots;
  const facetSlots = new Uint32Array(slots);
  docs.forEach((stored, row) => facetSlots.set(stored.facetSlots, facetStart[row]));
  return { docs, price, rating, flags, facetStart, facetSlots };
}

/** Adds the facet buckets of `rows` of `list` to `counts` (indexed by facet slot). */
export function countFacets(list: CandidateList, rows: readonly number[], counts: Uint32Array): void {
  const { facetStart, facetSlots } = list;
  for (const row of rows) {
    const end = facetStart[row + 1]!;
    for (let k = facetStart[row]!; k < end; k++) counts[facetSlots[k]!]!++;
  }
}

/** A SearchQuery's filters, worked out once per search (memory-query.ts). */
export interface Filter {
  minPrice: number;
  maxPrice: number;
  /** In hundredths of a star, as ProductDocument.rating. */
  minRating: number;
  inStock: boolean;
  statuses: readonly string[];
  /** `statuses` is just `active`: the ACTIVE bit answers it. */
  activeOnly: boolean;
  categories: ReadonlySet<number> | null;
  tags: readonly string[];
}

export function hasTags(filter: Filter, doc: ProductDocument): boolean {
  for (const tag of filter.tags) if (!doc.tags.includes(tag)) return false;
  return true;
}

/**
 * The rows of `list` that pass `filter`, in the list's order. The list is the query's categories' own, so the
 * category filter is not tested again; the document itself is looked at only for tags or statuses other than
 * `active`, once its columns have passed.
 */
export function acceptedRows(list: CandidateList, filter: Filter): number[] {
  const { price, rating, flags, docs } = list;
  const { minPrice, maxPrice, minRating, statuses, activeOnly } = filter;
  const needs = (filter.inStock ? IN_STOCK : 0) | (activeOnly ? ACTIVE : 0);
  const checkDoc = filter.tags.length > 0 || !activeOnly;
  const rows: number[] = [];
  for (let row = 0; row < price.length; row++) {
    const amount = price[row]!;
    if (
      amount < minPrice ||
      amount > maxPrice ||
      rating[row]! < minRating ||
      (flags[row]! & needs) !== needs
    ) {
      continue;
    }
    if (checkDoc) {
      const { doc } = docs[row]!;
      if ((!activeOnly && !statuses.includes(doc.status)) || !hasTags(filter, doc)) continue;
    }
    rows.push(row);
  }
  return rows;
}
