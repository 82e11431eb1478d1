/** One autocannon scenario's figures. */
export interface Row {
  name: string;
  rps: number;
  p50: number;
  p99: number;
  bytes: number;
  non2xx: number;
  errors: number;
}

/** The load table, with each scenario's req/s as a ratio to the first row (the bare endpoint). */
export function loadTable(rows: readonly Row[]): string[] {
  const base = rows[0]!.rps;
  return [
    '| Scenario | req/s | p50 ms | p99 ms | bytes/resp (with headers) | non-2xx | errors | req/s vs bare |',
    '| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: |',
    ...rows.map(
      (r) =>
        `| ${r.name} | ${Math.round(r.rps)} | ${r.p50} | ${r.p99} | ${Math.round(r.bytes)} | ${r.non2xx} | ` +
        `${r.errors} | ${(r.rps / base).toFixed(3)} |`,
    ),
  ];
}

function percentiles(label: string, samples: readonly number[]): string {
  const sorted = [...samples].sort((a, b) => a - b);
  const at = (q: number) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))]!.toFixed(1);
  return `| ${label} | ${sorted.length} | ${at(0.5)} | ${at(0.95)} | ${at(0.99)} | ${sorted.at(-1)!.toFixed(1)} |`;
}

/** Latency percentiles of the search engine queried directly, in milliseconds. */
export function engineTable(engine: { text: readonly number[]; filtered: readonly number[] }): string[] {
  return [
    '| SearchEngine.search (OpenSearch) | queries | p50 ms | p95 ms | p99 ms | max ms |',
    '| --- | ---: | ---: | ---: | ---: | ---: |',
    percentiles('full text (`q`, one word, varied)', engine.text),
    percentiles('category + price + inStock', engine.filtered),
  ];
}
