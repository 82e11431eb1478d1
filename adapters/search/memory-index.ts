import { TextIndex } from './memory-text';
import type { ProductDocument } from './port';

export interface StoredDocument {
  id: string;
  doc: ProductDocument;
  /** `doc.createdAt` parsed once, for the sorts. */
  createdAt: number;
}

/**
 * One concrete index of the in-process engine: the documents by id, the documents of each category (what a
 * category filter reads instead of the whole catalog), and their full-text index.
 */
export class MemoryIndex {
  readonly docs = new Map<string, StoredDocument>();
  readonly text = new TextIndex();
  private readonly byCategory = new Map<number, Set<StoredDocument>>();

  /** `fields`: the mapping's fields when it is `dynamic: strict` (a document with another is refused); else null. */
  constructor(readonly fields: ReadonlySet<string> | null) {}

  /** Stores a copy of `doc` under `id`, in place of any document there. */
  put(id: string, doc: ProductDocument): void {
    this.remove(id);
    // A copy: the caller may reuse its objects.
    const copy: ProductDocument = { ...doc, tags: [...doc.tags], categoryIds: [...doc.categoryIds] };
    const stored: StoredDocument = { id, doc: copy, createdAt: Date.parse(copy.createdAt) };
    this.docs.set(id, stored);
    for (const categoryId of copy.categoryIds) {
      let members = this.byCategory.get(categoryId);
      if (!members) this.byCategory.set(categoryId, (members = new Set()));
      members.add(stored);
    }
    this.text.put(id, copy);
  }

  /** false when there was no document with this id. */
  remove(id: string): boolean {
    const stored = this.docs.get(id);
    if (!stored) return false;
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
   * The documents a filter on these categories can match (each once): those of the categories, or every document
   * without any. Still to be filtered: this only narrows where to look.
   */
  candidates(categoryIds: readonly number[] | undefined): Iterable<StoredDocument> {
    if (!categoryIds?.length) return this.docs.values();
    const sets = [...new Set(categoryIds)].flatMap((id) => this.byCategory.get(id) ?? []);
    if (sets.length <= 1) return sets[0] ?? [];
    const union = new Set<StoredDocument>();
    for (const members of sets) for (const stored of members) union.add(stored);
    return union;
  }
}
