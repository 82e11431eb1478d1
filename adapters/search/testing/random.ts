/**
 * mulberry32: a seeded generator whose low bits are as random as its high ones. `next(below)` is an integer in
 * [0, below); the same seed gives the same sequence, so a failing random case can be replayed.
 */
export function seededRandom(seed: number): (below: number) => number {
  let state = seed;
  return (below) => {
    state = (state + 0x6d2b79f5) | 0;
    let t = Math.imul(state ^ (state >>> 15), 1 | state);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) % below;
  };
}
