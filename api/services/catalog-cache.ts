import { createHash } from 'node:crypto';
import type { Cache } from './cache';

/**
 * The catalog's cache-aside layer. Keys carry a generation number; bumping it makes every cached listing and product
 * page stale at once without scanning keys (the old entries simply expire). A load that started before a bump
 * writes under the old generation, which nobody reads any more, so an edit is never hidden by a racing reader.
 *
 * Single-flight is in-process: concurrent misses for one key in this process share one load. Across processes we
 * accept one load per process per key and generation (a handful for a fleet) rather than a Redis lock, whose
 * waiters would need polling and a lock timeout to survive a crashed holder — more moving parts than the few
 * duplicate queries it saves with a 60-second TTL.
 */
const GENERATION_KEY = 'catalog:generation';

/** Long enough to absorb a burst, short enough that a missed invalidation heals itself quickly. */
export const CATALOG_TTL_SECONDS = 60;

export async function catalogGeneration(cache: Cache): Promise<string> {
  return (await cache.get(GENERATION_KEY)) ?? '0';
}

export async function bumpCatalogGeneration(cache: Cache): Promise<void> {
  // A fresh random generation rather than INCR: the cache port has no atomic increment, and any new value works.
  await cache.set(
    GENERATION_KEY,
    `${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 8)}`,
    86_400 * 30,
  );
}

/** A JSON body as cached: the serialized text and its weak ETag (the hash of that text). */
export interface CachedBody {
  json: string;
  etag: string;
}

/** `catalog:<generation>:<sha256 of the kind and the normalized input>`. */
export function catalogKey(generation: string, kind: string, input: unknown): string {
  const hash = createHash('sha256')
    .update(`${kind}\n${stableJson(input)}`)
    .digest('base64url');
  return `catalog:${generation}:${hash}`;
}

export function bodyOf(value: unknown): CachedBody {
  const json = JSON.stringify(value);
  return { json, etag: `W/"${createHash('sha256').update(json).digest('base64url').slice(0, 27)}"` };
}

const inflight = new WeakMap<Cache, Map<string, Promise<CachedBody>>>();

/**
 * The cached body for (`kind`, `input`) under the current generation, or `load()`'s result, serialized, cached for
 * CATALOG_TTL_SECONDS and shared with every concurrent caller in this process. A failing cache is not fatal: the
 * catalog is served from the database instead.
 */
export async function cachedCatalogBody(
  cache: Cache,
  kind: string,
  input: unknown,
  load: () => Promise<unknown>,
): Promise<CachedBody> {
  const generation = await catalogGeneration(cache).catch(() => null);
  if (generation === null) return bodyOf(await load());
  const key = catalogKey(generation, kind, input);
  let pending = inflight.get(cache);
  if (!pending) inflight.set(cache, (pending = new Map()));
  const running = pending.get(key);
  if (running) return running;
  const promise = (async () => {
    const hit = await cache.get(key).catch(() => null);
    if (hit !== null) return bodyOf(JSON.parse(hit));
    const body = bodyOf(await load());
    await cache.set(key, body.json, CATALOG_TTL_SECONDS).catch(() => undefined);
    return body;
  })();
  pending.set(key, promise);
  try {
    return await promise;
  } finally {
    pending.delete(key);
  }
}

/** JSON with object keys sorted and undefined dropped, so equal queries give equal keys. */
function stableJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(stableJson).join(',')}]`;
  if (value && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>)
      .filter(([, v]) => v !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${stableJson(v)}`).join(',')}}`;
  }
  return JSON.stringify(value) ?? 'null';
}
