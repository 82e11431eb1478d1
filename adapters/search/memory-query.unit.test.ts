import { firstInOrder } from './memory-query';

// A page among many matches is picked without sorting them all: it must be exactly what a full sort gives.
const byScoreThenId = (a: { score: number; id: number }, b: { score: number; id: number }) =>
  b.score - a.score || a.id - b.id;

function randomItems(n: number, seed: number) {
  let state = seed;
  const next = () => (state = (state * 1_103_515_245 + 12_345) % 2 ** 31);
  // Few distinct scores, so ties (broken by the id) are common.
  return Array.from({ length: n }, (_, id) => ({ id, score: next() % 7 }));
}

test('firstInOrder gives the first `count` items of a full sort, ties and all', () => {
  for (const n of [0, 1, 5, 30, 100, 500]) {
    for (const count of [0, 1, 2, 20, 40, 60, 125, 500, 600]) {
      for (const seed of [1, 2, 3]) {
        const items = randomItems(n, seed);
        const expected = [...items].sort(byScoreThenId).slice(0, Math.max(0, count));
        expect({ n, count, seed, first: firstInOrder([...items], byScoreThenId, count) }).toEqual({
          n,
          count,
          seed,
          first: expected,
        });
      }
    }
  }
});

test('firstInOrder keeps the page of a listing sorted by price', () => {
  const items = [5, 3, 9, 1, 7, 3, 8, 2, 6, 4, 0, 9].map((price, id) => ({ id, price }));
  const byPrice = (a: { id: number; price: number }, b: { id: number; price: number }) =>
    a.price - b.price || a.id - b.id;
  expect(firstInOrder([...items], byPrice, 2).map((i) => i.id)).toEqual([10, 3]);
  // A deep page (more than a quarter of the items) is sorted in full.
  expect(firstInOrder([...items], byPrice, 12)).toEqual([...items].sort(byPrice));
});
