import type { SearchHit } from './port';
import { analyze, autoFuzziness, editDistance, highlight, type MarkWord, normalizeTerm } from './text';

/** The stored fields a hit's highlight is made from (the request asks for them in `_source`). */
export interface HighlightSource {
  title?: unknown;
  description?: unknown;
}

export type Highlighter = (source: HighlightSource | undefined) => SearchHit['highlight'];

/** As the engines' highlight block did: the whole title, and one fragment of about this many characters. */
export const DESCRIPTION_FRAGMENT = 160;

/**
 * The highlights of the engines' hits, made here rather than by the engine: its highlighter re-analysed and
 * re-matched each hit's title and description, which was half the engine's time for a full-text listing
 * (docs/benchmarks.md, "Issue 14, seventh step"). A word is marked when its analysed form (text.ts) is a query word,
 * or, when the search tolerated typos, lies within that word's `fuzziness: AUTO` edits, as the fuzzy clause
 * matched it. The in-process engine (memory-query.ts) highlights its hits with this too, so highlights read the
 * same on every engine.
 */
export function hitHighlighter(q: string, typos: boolean): Highlighter {
  const words = [...new Set(analyze(q))];
  const isWord = (term: string) =>
    words.some((word) => {
      if (word === term) return true;
      const edits = typos ? autoFuzziness(word) : 0;
      return edits > 0 && editDistance(word, term, edits) <= edits;
    });
  // Answers by word as it stands in the text: the hits of a page share most of their words.
  const known = new Map<string, boolean>();
  const terms: MarkWord = (word) => {
    let marked = known.get(word);
    if (marked === undefined) {
      marked = isWord(normalizeTerm(word));
      known.set(word, marked);
    }
    return marked;
  };
  return (source) => {
    const title = typeof source?.title === 'string' ? highlight(source.title, terms) : undefined;
    const description =
      typeof source?.description === 'string'
        ? highlight(source.description, terms, DESCRIPTION_FRAGMENT)
        : undefined;
    if (title === undefined && description === undefined) return undefined;
    return {
      ...(title !== undefined ? { title } : {}),
      ...(description !== undefined ? { description } : {}),
    };
  };
}
