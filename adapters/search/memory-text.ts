import MiniSearch from 'minisearch';
import type { ProductDocument } from './port';
import { analyze, autoFuzziness, editDistance, transpositions } from './text';

/**
 * The full-text half of one in-process index: MiniSearch (BM25+, field boosts) over title, tag words and
 * description, with the engines' query semantics layered on top (see match()).
 */

/** As the engines' TEXT_FIELDS: a title match outweighs a tag match, which outweighs the description. */
const FIELD_BOOSTS = { title: 3, tags: 2, description: 1 } as const;
type TextField = keyof typeof FIELD_BOOSTS;
const FIELDS = Object.keys(FIELD_BOOSTS) as TextField[];

/** The exact clause has boost 2 on the engines, and the fuzzy clause matches the exact term again: 2 + 1. */
const EXACT_WEIGHT = 3;
/** The engines' `max_expansions`: at most this many fuzzy variants per query word. */
const MAX_EXPANSIONS = 50;
/** Longer words get Levenshtein typos only (no swapped-letter lookups). */
const MAX_SWAPPED_LENGTH = 20;

interface TextDoc {
  id: string;
  title: string;
  tags: string;
  description: string;
}

const splitOnSpaces = (text: string) => text.split(' ').filter(Boolean);

/** MiniSearch, plus the term dictionary lookups the typo tolerance needs. */
class TermIndex extends MiniSearch<TextDoc> {
  constructor() {
    super({
      fields: FIELDS,
      // The analyzer of text.ts for documents; queries are analysed before they get here (see match()).
      tokenize: analyze,
      processTerm: (term) => term,
    });
  }

  hasTerm(term: string): boolean {
    return this._index.has(term);
  }

  /** Dictionary terms within `distance` Levenshtein edits of `term` (MiniSearch's radix-tree walk). */
  termsNear(term: string, distance: number): string[] {
    return [...this._index.fuzzyGet(term, distance).keys()];
  }
}

/** Whether one field holds at least `required` of the query words (by the terms that stand for them). */
function oneFieldHolds(
  match: Readonly<Record<string, readonly string[]>>,
  wordsOfTerm: ReadonlyMap<string, readonly number[]>,
  required: number,
): boolean {
  const wordsIn = new Map<string, Set<number>>();
  for (const [term, fields] of Object.entries(match)) {
    for (const field of fields) {
      const set = wordsIn.get(field) ?? new Set<number>();
      for (const i of wordsOfTerm.get(term) ?? []) set.add(i);
      if (set.size >= required) return true;
      wordsIn.set(field, set);
    }
  }
  return false;
}

function textOf(id: string, doc: ProductDocument): TextDoc {
  return { id, title: doc.title, tags: doc.tags.join(' '), description: doc.description };
}

export interface TextMatch {
  score: number;
}

export class TextIndex {
  private readonly index = new TermIndex();

  put(id: string, doc: ProductDocument): void {
    if (this.index.has(id)) this.index.discard(id);
    this.index.add(textOf(id, doc));
  }

  remove(id: string): void {
    if (this.index.has(id)) this.index.discard(id);
  }

  /**
   * The documents matching `q`, as the engines' two `multi_match` clauses would: each query word matches itself
   * (weight 3) or, with `fuzziness: AUTO`, a dictionary term within its edits (weight 1 − edits/length, so right
   * spellings rank first); a document matches when one of its fields holds enough of the words
   * (`minimum_should_match: 2<75%`, per field as in `best_fields`). Scores are BM25+ with the field boosts.
   * Without `typos`, the words as typed alone (the exact clause).
   */
  match(q: string, typos = true): Map<string, TextMatch> {
    const words = [...new Set(analyze(q))];
    const found = new Map<string, TextMatch>();
    if (!words.length) return found;
    const required = words.length <= 2 ? words.length : Math.floor(words.length * 0.75);

    const expansions = words.map((word) => this.expand(word, typos));
    /** Dictionary term → the query words it stands for. */
    const wordsOfTerm = new Map<string, number[]>();
    expansions.forEach((terms, i) => {
      for (const term of terms.keys()) wordsOfTerm.set(term, [...(wordsOfTerm.get(term) ?? []), i]);
    });

    // One or two words must all match: a document missing one is left out early (AND across fields; the
    // per-field rule below still applies).
    const all = words.length === required;
    if (all && expansions.some((terms) => terms.size === 0)) return found;
    const query = {
      combineWith: all ? ('AND' as const) : ('OR' as const),
      queries: expansions.map((terms) => ({
        combineWith: 'OR' as const,
        queries: [...terms].map(([term, weight]) => ({ queries: [term], boostTerm: () => weight })),
      })),
    };
    const results = this.index.search(query, {
      fields: FIELDS,
      boost: { ...FIELD_BOOSTS },
      prefix: false,
      fuzzy: false,
      tokenize: splitOnSpaces,
      processTerm: (term) => term,
    });

    for (const result of results) {
      // One word: any match holds it. More: one field must hold enough of them (`best_fields`).
      if (required > 1 && !oneFieldHolds(result.match, wordsOfTerm, required)) continue;
      found.set(String(result.id), { score: result.score });
    }
    return found;
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
