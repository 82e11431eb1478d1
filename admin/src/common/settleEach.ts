export interface Settled<T> {
  succeeded: T[];
  failed: { id: T; error: unknown }[];
}

/**
 * Runs `run` for every id, at most `concurrency` at a time, and says which succeeded and which failed (in the
 * order of `ids`) instead of stopping at the first failure: for bulk actions over an API that has one route per
 * record.
 */
export async function settleEach<T>(
  ids: readonly T[],
  run: (id: T) => Promise<unknown>,
  concurrency = 4,
): Promise<Settled<T>> {
  const outcomes: ({ ok: true } | { ok: false; error: unknown })[] = new Array(ids.length);
  let next = 0;
  const worker = async () => {
    while (next < ids.length) {
      const index = next++;
      try {
        await run(ids[index]!);
        outcomes[index] = { ok: true };
      } catch (error) {
        outcomes[index] = { ok: false, error };
      }
    }
  };
  await Promise.all(Array.from({ length: Math.max(1, Math.min(concurrency, ids.length)) }, worker));
  const settled: Settled<T> = { succeeded: [], failed: [] };
  ids.forEach((id, index) => {
    const outcome = outcomes[index]!;
    if (outcome.ok) settled.succeeded.push(id);
    else settled.failed.push({ id, error: outcome.error });
  });
  return settled;
}
