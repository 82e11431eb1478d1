/** The checkout benchmark's load generator and figures: a promise pool, progress on stderr, percentiles. */

export interface PoolResult<T> {
  /** One entry per successful task, in completion order. */
  results: T[];
  /** The first few failure messages (all failures are counted in `failed`). */
  errors: string[];
  failed: number;
  /** From the first task's start to the last one's end. */
  wallMs: number;
}

/**
 * Runs `total` tasks with at most `concurrency` in flight (each worker takes the next index as soon as it is free,
 * so the server always sees `concurrency` flows). A failed task is counted and the run goes on; `label` names the
 * progress lines written to stderr every two seconds.
 */
export async function runPool<T>(
  label: string,
  total: number,
  concurrency: number,
  task: (index: number) => Promise<T>,
): Promise<PoolResult<T>> {
  const results: T[] = [];
  const errors: string[] = [];
  let failed = 0;
  let next = 0;
  const started = performance.now();
  const ticker = setInterval(() => {
    const done = results.length + failed;
    const seconds = (performance.now() - started) / 1000;
    progress(`${label}: ${done}/${total} (${(done / seconds).toFixed(1)}/s, ${failed} failed)`);
  }, 2_000);
  const worker = async () => {
    while (next < total) {
      const index = next++;
      try {
        results.push(await task(index));
      } catch (err) {
        failed += 1;
        if (errors.length < 5) errors.push(err instanceof Error ? err.message : String(err));
      }
    }
  };
  try {
    await Promise.all(Array.from({ length: Math.min(concurrency, total) }, worker));
  } finally {
    clearInterval(ticker);
  }
  const wallMs = performance.now() - started;
  progress(`${label}: ${total}/${total} done in ${(wallMs / 1000).toFixed(1)} s (${failed} failed)`);
  return { results, errors, failed, wallMs };
}

export function progress(message: string): void {
  process.stderr.write(`[bench] ${message}\n`);
}

export interface Summary {
  count: number;
  p50: number;
  p95: number;
  p99: number;
  max: number;
}

/** Nearest-rank percentiles of latencies in milliseconds. */
export function summarize(samples: readonly number[]): Summary {
  const sorted = [...samples].sort((a, b) => a - b);
  if (!sorted.length) return { count: 0, p50: NaN, p95: NaN, p99: NaN, max: NaN };
  const at = (q: number) => sorted[Math.min(sorted.length - 1, Math.ceil(q * sorted.length) - 1)]!;
  return { count: sorted.length, p50: at(0.5), p95: at(0.95), p99: at(0.99), max: sorted.at(-1)! };
}

export const ms = (value: number) => (Number.isFinite(value) ? value.toFixed(1) : '–');

export function latencyRow(label: string, s: Summary): string {
  return `| ${label} | ${s.count} | ${ms(s.p50)} | ${ms(s.p95)} | ${ms(s.p99)} | ${ms(s.max)} |`;
}

export const latencyHeader = [
  '| Latency | samples | p50 ms | p95 ms | p99 ms | max ms |',
  '| --- | ---: | ---: | ---: | ---: | ---: |',
];
