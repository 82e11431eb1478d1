import { type CandidateList, candidateList } from './memory-columns';
import { TextIndex } from './memory-text';
import type { ProductDocument } from './port';
import { PRICE_RANGES, RATING_MINIMUMS } from './query-builder';

export interface StoredDocument {
  id: string;
  doc: ProductDocument;
  /** `doc.createdAt` parsed once, for the sorts. */
  createdAt: number;
  /**
   * Every facet bucket it counts in, as one flat list (one array to read per match instead of four): its distinct
   * categories and tags (slots of MemoryIndex.categories / tags), its price range (PRICE_RANGES) and its rating
   * minimums (RATING_MINIMUMS), each as `facetSlot(group, slot)`.
   */
  facetSlots: readonly number[];
}

/** The facet groups of StoredDocument.facetSlots. */
export const FACET_GROUPS = { category: 0, tag: 1, price: 2, rating: 3 } as const;
const GROUP_COUNT = 4;

/** A bucket of a group as one number: slots of every group interleaved, so a group may grow without renumbering. */
export const facetSlot = (group: number, slot: number) => slot * GROUP_COUNT + group;

/** The indexes of the facet buckets (`from` ≤ value < `to`) that hold `value`. */
const bucketsOf = (buckets: readonly { from?: number; to?: number }[], value: number): number[] =>
  buckets.flatMap((b, i) => ((b.from ?? -Infinity) <= value && value < (b.to ?? Infinity) ? [i] : []));

const RATING_BUCKETS = RATING_MINIMUMS.map((min) => ({ from: min * 100 }));

/** Facet values numbered 0, 1, 2…: each value keeps its slot (the dictionary only grows). */
export class Slots<K> {
  readonly keys: K[] = [];
  private readonly slots = new Map<K, number>();

  /** The distinct values' slots, in order of first appearance. */
  of(values: readonly K[]): number[] {
    const found: number[] = [];
    for (const value of values) {
      let slot = this.slots.get(value);
      if (slot === undefined) {
        slot = this.keys.push(value) - 1;
        this.slots.set(value, slot);
      }
      if (!found.includes(slot)) found.push(slot);
    }
    return found;
  }
}

/**
 * One concrete index of the in-process engine: the documents by id, the documents of each category (what a
 * category filter reads instead of the whole catalog), and their full-text index.
 */
export class MemoryIndex {
  readonly docs = new Map<string, StoredDocument>();
  readonly text = new TextIndex<StoredDocument>();
  readonly categories = new Slots<number>();
  readonly tags = new Slots<string>();
  private readonly byCategory = new Map<number, Set<StoredDocument>>();
  /** Newest-first lists of every document (key null) or of one category, made when asked for; emptied by writes. */
  private readonly newestFirst = new Map<number | null, CandidateList>();

  /** `fields`: the mapping's fields when it is `dynamic: strict` (a document with another is refused); else null. */
  constructor(readonly fields: ReadonlySet<string> | null) {}

  /** Stores a copy of `doc` under `id`, in place of any document there. */
  put(id: string, doc: ProductDocument): void {
    this.remove(id);
    this.newestFirst.clear();
    // A copy: the caller may reuse its objects.
    const copy: ProductDocument = { ...doc, tags: [...doc.tags], categoryIds: [...doc.categoryIds] };
    const stored: StoredDocument = {
      id,
      doc: copy,
      createdAt: Date.parse(copy.createdAt),
      facetSlots: [
        ...this.categories.of(copy.categoryIds).map((slot) => facetSlot(FACET_GROUPS.category, slot)),
        ...this.tags.of(copy.tags).map((slot) => facetSlot(FACET_GROUPS.tag, slot)),
        ...bucketsOf(PRICE_RANGES, copy.priceAmount).map((slot) => facetSlot(FACET_GROUPS.price, slot)),
        ...bucketsOf(RATING_BUCKETS, copy.rating).map((slot) => facetSlot(FACET_GROUPS.rating, slot)),
      ],
    };
    this.docs.set(id, stored);
    for (const categoryId of copy.categoryIds) {
      let members = this.byCategory.get(categoryId);
      if (!members) this.byCategory.set(categoryId, (members = new Set()));
      members.add(stored);
    }
    this.text.put(id, copy, stored);
  }

  /** false when there was no document with this id. */
  remove(id: string): boolean {
    const stored = this.docs.get(id);
    if (!stored) return false;
    this.newestFirst.clear();
    for (const categoryId of stored.doc.categoryIds) {
      const members = this.byCategory.get(categoryId);
      members?.delete(stored);
      if (members?.size === 0) this.byCategory.delete(categoryId);
    }
    this.docs.delete(id);
    this.text.remove(id);
    return true;
  }

  /**
   * The documents a filter on these categories can match, each once and newest first (the order of `byNewest`):
   * those of the categories, or every document without any. Still to be filtered: this only narrows where to look.
   * The list of every document or of one category is kept until the next write, so a catalog that is read far more
   * often than written is sorted once per write instead of once per search.
   */
  candidates(categoryIds: readonly number[] | undefined): CandidateList {
    const ids = [...new Set(categoryIds ?? [])];
    if (ids.length > 1) {
      const union = new Set<StoredDocument>();
      for (const id of ids) for (const stored of this.byCategory.get(id) ?? []) union.add(stored);
      return candidateList([...union].sort(byNewest));
    }
    const key = ids[0] ?? null;
    // A category without documents is not kept: ids asked for do not pile up.
    if (key !== null && !this.byCategory.has(key)) return candidateList([]);
    let list = this.newestFirst.get(key);
    if (!list) {
      const members = key === null ? this.docs.values() : this.byCategory.get(key)!;
      list = candidateList([...members].sort(byNewest));
      this.newestFirst.set(key, list);
    }
    return list;
  }
}

/** Newest first, then by product id: the order of a search without words (`relevance` or `newest`). */
export function byNewest(a: StoredDocument, b: StoredDocument): number {
  return b.createdAt - a.createdAt || a.doc.id - b.doc.id;
}
