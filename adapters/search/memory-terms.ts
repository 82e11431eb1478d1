import MiniSearch from 'minisearch';
import { analyze } from './text';

/**
 * MiniSearch's term dictionary and postings (BM25+ statistics, field lengths), with the scoring of a query done here
 * rather than by MiniSearch's `search`: that builds a result object, a list of matched terms and a match map per
 * document and term, then sorts every match, where a listing needs a score per document and the page of 20.
 */

/** The text fields of a document, as MiniSearch indexes them. */
export interface TextDoc {
  id: string;
  title: string;
  tags: string;
  description: string;
}

/** MiniSearch's BM25+ defaults (k1, b, and d, the BM25+ floor). */
const BM25 = { k: 1.2, b: 0.7, d: 0.5 } as const;

/** Per document, reused from query to query (indexed by MiniSearch's short ids); see scoreWords. */
class Scratch {
  /** The query that last touched each document: its other entries are stale until then. */
  mark = new Int32Array(0);
  score = new Float64Array(0);
  /** How many distinct dictionary terms matched (MiniSearch's `quality` factor). */
  terms = new Uint16Array(0);
  /** The last term counted in `terms`. */
  termMark = new Int32Array(0);
  /** Per document and field: how many query words the field holds, and the last word counted. */
  words = new Uint16Array(0);
  wordMark = new Int32Array(0);
  serial = 0;

  /** Room for `size` documents of `fields` fields each; a new serial number for every stamp of the query. */
  prepare(size: number, fields: number, stamps: number): void {
    if (this.mark.length < size) {
      const room = Math.max(size, this.mark.length * 2, 1_024);
      this.mark = new Int32Array(room);
      this.score = new Float64Array(room);
      this.terms = new Uint16Array(room);
      this.termMark = new Int32Array(room);
      this.words = new Uint16Array(room * fields);
      this.wordMark = new Int32Array(room * fields);
      this.serial = 0;
    }
    if (this.serial + stamps >= 2 ** 30) {
      this.mark.fill(0);
      this.termMark.fill(0);
      this.wordMark.fill(0);
      this.serial = 0;
    }
  }
}

/** The documents a query matched: MiniSearch's short ids and their scores, in no particular order. */
export interface ScoredDocs {
  shortIds: number[];
  scores: number[];
}

/** MiniSearch over title, tag words and description, with the analyzer of text.ts, and the scoring below. */
export class TermIndex extends MiniSearch<TextDoc> {
  private readonly scratch = new Scratch();
  /**
   * Per document and field (by short id × field), BM25's length part `k1 · (1 − b + b · length / average)`, NaN
   * for a document removed; made again on the first query after a write (`normsAt`: the index's short id and
   * document counters then, which differ after any add or removal).
   */
  private norms = new Float64Array(0);
  private normsAt = '';

  constructor(readonly boosts: Readonly<Record<keyof Omit<TextDoc, 'id'>, number>>) {
    super({
      fields: Object.keys(boosts),
      // The analyzer of text.ts for documents; queries are analysed before they get here.
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

  /** MiniSearch's number for the document stored under `id`. */
  shortIdOf(id: string): number | undefined {
    return this._idToShortId.get(id);
  }

  /**
   * The documents where one field holds at least `required` of the query words, each word standing for dictionary
   * terms with weights (`words[i]`: term → weight). Scores as MiniSearch's `search` gives for the query "the words
   * combined, each an OR of its terms, each term boosted by its weight" over the boosted fields: per term and field
   * weight × field boost × BM25+, summed, times the number of distinct terms matched. The one difference: a term's
   * document frequency leaves out documents removed but not yet vacuumed (MiniSearch counts them until it meets
   * them in the postings).
   */
  scoreWords(words: readonly ReadonlyMap<string, number>[], required: number): ScoredDocs {
    const fields = Object.entries(this.boosts).map(([name, boost]) => {
      const id = this._fieldIds[name]!;
      return { id, boost, average: this._avgFieldLength[id]! };
    });
    const width = fields.length;
    const norms = this.lengthNorms(fields);
    const stamps = 1 + words.reduce((n, terms) => n + 1 + terms.size, 0);
    const scratch = this.scratch;
    scratch.prepare(this._nextId, width, stamps);
    const { mark, score, terms, termMark, words: held, wordMark } = scratch;
    const query = ++scratch.serial;
    const dirty = this._dirtCount > 0 || this.isVacuuming;
    const total = this._documentCount;
    const touched: number[] = [];
    const seen = new Set<string>();

    for (const wordTerms of words) {
      const word = ++scratch.serial;
      for (const [term, weight] of wordTerms) {
        const termStamp = ++scratch.serial;
        // A term standing for two words scores for each, as MiniSearch's combined subqueries, but counts once.
        const first = !seen.has(term);
        seen.add(term);
        const data = this._index.get(term);
        if (!data) continue;
        for (let f = 0; f < width; f++) {
          const { id: fieldId, boost } = fields[f]!;
          const postings = data.get(fieldId);
          if (!postings) continue;
          const frequency = dirty ? this.liveCount(postings) : postings.size;
          const idf = Math.log(1 + (total - frequency + 0.5) / (frequency + 0.5));
          for (const [doc, tf] of postings) {
            const lengthPart = norms[doc * width + f]!;
            if (Number.isNaN(lengthPart)) continue; // removed, not yet vacuumed
            const points = weight * boost * (idf * (BM25.d + (tf * (BM25.k + 1)) / (tf + lengthPart)));
            if (mark[doc] !== query) {
              mark[doc] = query;
              score[doc] = 0;
              terms[doc] = 0;
              for (let g = 0; g < width; g++) held[doc * width + g] = 0;
              touched.push(doc);
            }
            score[doc] = score[doc]! + points;
            if (first && termMark[doc] !== termStamp) {
              termMark[doc] = termStamp;
              terms[doc] = terms[doc]! + 1;
            }
            const slot = doc * width + f;
            if (wordMark[slot] !== word) {
              wordMark[slot] = word;
              held[slot] = held[slot]! + 1;
            }
          }
        }
      }
    }

    const shortIds: number[] = [];
    const scores: number[] = [];
    for (const doc of touched) {
      let most = 0;
      for (let f = 0; f < width; f++) most = Math.max(most, held[doc * width + f]!);
      if (most < required) continue;
      shortIds.push(doc);
      scores.push(score[doc]! * (terms[doc] || 1));
    }
    return { shortIds, scores };
  }

  private lengthNorms(fields: readonly { id: number; average: number }[]): Float64Array {
    const at = `${this._nextId}/${this._documentCount}`;
    if (at === this.normsAt) return this.norms;
    const width = fields.length;
    if (this.norms.length < this._nextId * width) this.norms = new Float64Array(this._nextId * width * 2);
    const norms = this.norms.fill(NaN);
    for (const [doc, lengths] of this._fieldLength) {
      fields.forEach(({ id, average }, f) => {
        norms[doc * width + f] = BM25.k * (1 - BM25.b + (BM25.b * lengths[id]!) / average);
      });
    }
    this.normsAt = at;
    return norms;
  }

  private liveCount(postings: ReadonlyMap<number, number>): number {
    let live = 0;
    for (const doc of postings.keys()) if (this._documentIds.has(doc)) live++;
    return live;
  }
}
