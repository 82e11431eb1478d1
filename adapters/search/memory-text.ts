import { type TextDoc, TermIndex } from './memory-terms';
import type { ProductDocument } from './port';
import { analyze, autoFuzziness, editDistance, transpositions } from './text';

/**
 * The full-text half of one in-process index: MiniSearch's dictionary and BM25+ statistics over title, tag words
 * and description, scored with field boosts (memory-terms.ts), with the engines' query semantics on top (match()).
 */

/** As the engines' TEXT_FIELDS: a title match outweighs a tag match, which outweighs the description. */
const FIELD_BOOSTS = { title: 3, tags: 2, description: 1 } as const;

/** The exact clause has boost 2 on the engines, and the fuzzy clause matches the exact term again: 2 + 1. */
const EXACT_WEIGHT = 3;
/** The engines' `max_expansions`: at most this many fuzzy variants per query word. */
const MAX_EXPANSIONS = 50;
/** Longer words get Levenshtein typos only (no swapped-letter lookups). */
const MAX_SWAPPED_LENGTH = 20;

function textOf(id: string, doc: ProductDocument): TextDoc {
  return { id, title: doc.title, tags: doc.tags.join(' '), description: doc.description };
}

export interface TextMatch {
  score: number;
}

/** What a query matched: what was put with each document (`found`) and its score (`scores`, the same order). */
export interface TextMatches<P> {
  found: P[];
  scores: number[];
}

/** `P`: what the caller keeps with each document, handed back with its matches (no lookup by id per match). */
export class TextIndex<P> {
  private readonly index = new TermIndex(FIELD_BOOSTS);
  /** By MiniSearch's short id. */
  private readonly payloads: (P | undefined)[] = [];

  put(id: string, doc: ProductDocument, payload: P): void {
    this.remove(id);
    this.index.add(textOf(id, doc));
    this.payloads[this.index.shortIdOf(id)!] = payload;
  }

  remove(id: string): void {
    const shortId = this.index.shortIdOf(id);
    if (shortId === undefined) return;
    this.index.discard(id);
    this.payloads[shortId] = undefined;
  }

  /**
   * The documents matching `q`, as the engines' two `multi_match` clauses would: each query word matches itself
   * (weight 3) or, with `fuzziness: AUTO`, a dictionary term within its edits (weight 1 − edits/length, so right
   * spellings rank first); a document matches when one of its fields holds enough of the words
   * (`minimum_should_match: 2<75%`, per field as in `best_fields`). Scores are BM25+ with the field boosts.
   * Without `typos`, the words as typed alone (the exact clause).
   */
  match(q: string, typos = true): TextMatches<P> {
    const words = [...new Set(analyze(q))];
    const none: TextMatches<P> = { found: [], scores: [] };
    if (!words.length) return none;
    const required = words.length <= 2 ? words.length : Math.floor(words.length * 0.75);
    const expansions = words.map((word) => this.expand(word, typos));
    // One or two words must all match: one without any dictionary term leaves nothing to find.
    if (words.length === required && expansions.some((terms) => terms.size === 0)) return none;

    // Removed documents are never scored (memory-terms.ts), so every match has its payload.
    const { shortIds, scores } = this.index.scoreWords(expansions, required);
    return { found: shortIds.map((shortId) => this.payloads[shortId]!), scores };
  }

  /**
   * `word` and its typo-tolerant variants in the dictionary, with their weights. MiniSearch's fuzzy walk counts a
   * swap of two letters as two edits, the engines as one: variants with one (or, for long words, two) swaps are
   * looked up too, and every candidate is checked with the engines' distance.
   */
  private expand(word: string, typos: boolean): Map<string, number> {
    const terms = new Map<string, number>();
    if (this.index.hasTerm(word)) terms.set(word, EXACT_WEIGHT);
    const max = typos ? autoFuzziness(word) : 0;
    if (max === 0) return terms;

    const candidates = new Set(this.index.termsNear(word, max));
    // Swaps in words no product has (a pasted code, a run of letters) would cost lookups by the thousand.
    for (const swapped of word.length <= MAX_SWAPPED_LENGTH ? transpositions(word) : []) {
      if (max === 1) {
        if (this.index.hasTerm(swapped)) candidates.add(swapped);
        continue;
      }
      for (const term of this.index.termsNear(swapped, max - 1)) candidates.add(term);
      for (const twice of transpositions(swapped)) if (this.index.hasTerm(twice)) candidates.add(twice);
    }
    candidates.delete(word);
    const near = [...candidates]
      .map((term) => ({ term, distance: editDistance(word, term, max) }))
      .filter((c) => c.distance <= max)
      .sort((a, b) => a.distance - b.distance || (a.term < b.term ? -1 : 1))
      .slice(0, MAX_EXPANSIONS);
    for (const { term, distance } of near) {
      terms.set(term, Math.max(0.1, 1 - distance / Math.min(term.length, word.length)));
    }
    return terms;
  }
}
