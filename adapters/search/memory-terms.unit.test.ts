import { type ScoredDocs, TermIndex } from './memory-terms';
import { seededRandom } from './testing/random';

// scoreWords must give what MiniSearch's own `search` gives for the same query (the way memory-text.ts queried it
// before): the same documents, the same scores.
const BOOSTS = { title: 3, tags: 2, description: 1 } as const;
const FIELDS = Object.keys(BOOSTS) as (keyof typeof BOOSTS)[];
const VOCABULARY = Array.from({ length: 30 }, (_, i) => `w${i}`);

type Doc = Parameters<TermIndex['add']>[0];

function randomDocs(next: (below: number) => number, count: number): Doc[] {
  const words = (most: number) =>
    Array.from({ length: next(most + 1) }, () => VOCABULARY[next(VOCABULARY.length)]!).join(' ');
  return Array.from({ length: count }, (_, i) => ({
    id: String(i + 1),
    title: words(4),
    tags: words(2),
    description: words(12),
  }));
}

function indexOf(docs: readonly Doc[]): TermIndex {
  const index = new TermIndex(BOOSTS);
  index.addAll(docs);
  return index;
}

/** 1–5 query words, each standing for 1–3 terms (some not in any document, some shared by two words). */
function randomWords(next: (below: number) => number): Map<string, number>[] {
  return Array.from({ length: 1 + next(5) }, () => {
    const terms = new Map<string, number>();
    for (let i = 0; i <= next(3); i++) {
      const term = next(10) === 0 ? `absent${next(3)}` : VOCABULARY[next(VOCABULARY.length)]!;
      terms.set(term, [3, 1, 0.5, 0.25][next(4)]!);
    }
    return terms;
  });
}

const requiredOf = (words: number) => (words <= 2 ? words : Math.floor(words * 0.75));

/** The reference: MiniSearch's search over the query tree, then "one field holds `required` of the words". */
function viaSearch(index: TermIndex, words: Map<string, number>[], required: number): Map<string, number> {
  const wordsOfTerm = new Map<string, number[]>();
  words.forEach((terms, i) => {
    for (const term of terms.keys()) wordsOfTerm.set(term, [...(wordsOfTerm.get(term) ?? []), i]);
  });
  const results = index.search(
    {
      combineWith: words.length === required ? 'AND' : 'OR',
      queries: words.map((terms) => ({
        combineWith: 'OR',
        queries: [...terms].map(([term, weight]) => ({ queries: [term], boostTerm: () => weight })),
      })),
    },
    {
      fields: FIELDS,
      boost: { ...BOOSTS },
      prefix: false,
      fuzzy: false,
      tokenize: (text) => text.split(' '),
      processTerm: (term) => term,
    },
  );
  const found = new Map<string, number>();
  for (const result of results) {
    const wordsIn = new Map<string, Set<number>>();
    for (const [term, fields] of Object.entries(result.match)) {
      for (const field of fields) {
        const set = wordsIn.get(field) ?? new Set<number>();
        for (const i of wordsOfTerm.get(term) ?? []) set.add(i);
        wordsIn.set(field, set);
      }
    }
    if (Math.max(...[...wordsIn.values()].map((set) => set.size)) >= required) {
      found.set(String(result.id), result.score);
    }
  }
  return found;
}

/** scoreWords' answer by document id. */
function byId(index: TermIndex, { shortIds, scores }: ScoredDocs): Map<string, number> {
  const ids = new Map([...index.search(TermIndex.wildcard)].map((r) => [index.shortIdOf(r.id)!, r.id]));
  return new Map(shortIds.map((shortId, i) => [String(ids.get(shortId)), scores[i]!]));
}

function expectSameScores(actual: Map<string, number>, expected: Map<string, number>): void {
  expect([...actual.keys()].sort()).toEqual([...expected.keys()].sort());
  for (const [id, score] of expected) expect(actual.get(id)).toBeCloseTo(score, 9);
}

describe('TermIndex.scoreWords', () => {
  it.each([1, 2, 3, 4, 5])('matches and scores as MiniSearch search does (seed %i)', (seed) => {
    const next = seededRandom(seed);
    const docs = randomDocs(next, 206);
    const index = indexOf(docs.slice(0, 200));
    let nonEmpty = 0;
    for (let round = 0; round < 60; round++) {
      // Now and then a new document: every length norm and document frequency changes.
      if (round % 10 === 9) index.add(docs[200 + (round - 9) / 10]!);
      const words = randomWords(next);
      const required = requiredOf(words.length);
      const expected = viaSearch(index, words, required);
      if (expected.size > 0) nonEmpty++;
      expectSameScores(byId(index, index.scoreWords(words, required)), expected);
    }
    // The rounds must be about something: most queries find documents.
    expect(nonEmpty).toBeGreaterThan(30);
  });

  it('leaves out removed documents not yet vacuumed, and scores the others as an index built without them', () => {
    const next = seededRandom(11);
    const docs = randomDocs(next, 200);
    const index = indexOf(docs);
    // Fewer than MiniSearch's 20 before it vacuums: the removed documents stay in the postings.
    const removed = docs.filter((_, i) => i % 20 === 0);
    for (const { id } of removed) index.discard(id);
    let without = indexOf(docs.filter((doc) => !removed.includes(doc)));
    let nonEmpty = 0;
    for (let round = 0; round < 60; round++) {
      if (round % 10 === 9) {
        // One more removed between queries.
        const doc = docs[2 + round]!;
        index.discard(doc.id);
        removed.push(doc);
        without = indexOf(docs.filter((d) => !removed.includes(d)));
      }
      expect(index.dirtCount).toBe(removed.length);
      const words = randomWords(next);
      const required = requiredOf(words.length);
      const found = byId(index, index.scoreWords(words, required));
      if (found.size > 0) nonEmpty++;
      expectSameScores(found, byId(without, without.scoreWords(words, required)));
    }
    expect(nonEmpty).toBeGreaterThan(30);
  });
});
