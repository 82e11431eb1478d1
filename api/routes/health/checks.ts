import type { z } from 'zod';
import type { AppDeps } from '../../deps';
import type { checkSchema, readinessSchema } from './schema';

type Check = z.infer<typeof checkSchema>;
const TIMEOUT_MS = 2000;

async function timed(probe: () => Promise<void>): Promise<Check> {
  const started = performance.now();
  let timer: NodeJS.Timeout | undefined;
  try {
    await Promise.race([
      probe(),
      new Promise((_, reject) => {
        timer = setTimeout(() => reject(new Error(`no answer within ${TIMEOUT_MS} ms`)), TIMEOUT_MS);
      }),
    ]);
    return { status: 'ok', latencyMs: Math.round(performance.now() - started) };
  } catch (err) {
    // The message says what is down, without connection strings or credentials.
    const message = err instanceof Error ? err.message.split('\n')[0]!.slice(0, 200) : 'failed';
    return { status: 'error', latencyMs: Math.round(performance.now() - started), error: message };
  } finally {
    clearTimeout(timer);
  }
}

export async function checkReadiness(deps: AppDeps): Promise<z.infer<typeof readinessSchema>> {
  // The embedded default's in-process index has nothing to reach: it is ready once the process serves.
  const search = deps.search?.kind === 'memory' ? null : deps.search;
  const [database, cache, temporal, storage, searchCheck] = await Promise.all([
    timed(() => deps.db.ping()),
    timed(() => deps.cache.ping()),
    timed(() => deps.temporal.ping()),
    timed(() => deps.storage.ping()),
    search ? timed(() => search.ping()) : Promise.resolve(undefined),
  ]);
  const checks = { database, cache, temporal, storage, ...(searchCheck ? { search: searchCheck } : {}) };
  const ok = Object.values(checks).every((c) => c.status === 'ok');
  return { status: ok ? 'ok' : 'error', checks };
}
