/**
 * Which page numbers a pager shows: always the first and last, the current one and its neighbours, and a gap
 * marker where numbers are skipped (1 … 4 5 6 … 20).
 */
export function pageWindow(current: number, count: number, around = 1): (number | 'gap')[] {
  const pages: (number | 'gap')[] = [];
  for (let page = 1; page <= count; page++) {
    const near = Math.abs(page - current) <= around;
    if (page === 1 || page === count || near) pages.push(page);
    else if (pages[pages.length - 1] !== 'gap') pages.push('gap');
  }
  // A gap that hides a single page is longer than the page number itself.
  return pages.map((p, i) => {
    const before = pages[i - 1];
    const after = pages[i + 1];
    return p === 'gap' && typeof before === 'number' && typeof after === 'number' && after - before === 2
      ? before + 1
      : p;
  });
}
