import { createHash } from 'node:crypto';
import type { Cache } from './cache';

/**
 * The catalog's cache-aside layer. Keys carry a generation number; bumping it makes every cached listing and product
 * page stale at once without scanning keys (the old entries simply expire). A load that started before a bump
 * writes under the old generation, which nobody reads any more, so an edit is never hidden by a racing reader.
 *
 * Single-flight, in two layers: concurrent misses for one key in this process share one load, and across
 * processes (API replicas on one Redis) the first to claim `<key>:loading` loads while the others poll the key
 * until it appears. A holder that crashes only delays the others by the claim's lifetime (LOAD_CLAIM_SECONDS),
 * after which they load themselves; a cache that fails is never waited for.
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
  return `${KEY_SPACE}:${generation}:${catalogSuffix(kind, input)}`;
}

const KEY_SPACE = 'catalog';

/** The generation-free part of a key: the hash of the kind and the normalized input. */
function catalogSuffix(kind: string, input: unknown): string {
  return createHash('sha256')
    .update(`${kind}\n${stableJson(input)}`)
    .digest('base64url');
}

/** A body that is JSON text already (a stored product page, filled in): cached and sent as it is. */
export class JsonText {
  constructor(readonly json: string) {}
}

export function bodyOf(value: unknown): CachedBody {
  return cachedBody(value instanceof JsonText ? value.json : JSON.stringify(value));
}

/** A cached text as it is: it was JSON.stringify's output, so parsing and serializing it again would be waste. */
const cachedBody = (json: string): CachedBody => ({
  json,
  etag: `W/"${createHash('sha256').update(json).digest('base64url').slice(0, 27)}"`,
});

/** How long a process may load one key while the others wait for it. */
export const LOAD_CLAIM_SECONDS = 5;
const POLL_MS = [10, 20, 40, 80, 100];

const inflight = new WeakMap<Cache, Map<string, Promise<CachedBody>>>();

/**
 * The cached body for (`kind`, `input`) under the current generation, or `load(generation)`'s result, serialized,
 * cached for CATALOG_TTL_SECONDS and shared with every concurrent caller in this process. A failing cache is not
 * fatal: the catalog is served from the database instead (`load(null)`: the generation is not known).
 */
export async function cachedCatalogBody(
  cache: Cache,
  kind: string,
  input: unknown,
  load: (generation: string | null) => Promise<unknown>,
  claimSeconds = LOAD_CLAIM_SECONDS,
): Promise<CachedBody> {
  // One round trip: the generation, then the body under it, or else the claim to load it.
  const read = await cache
    .getInGeneration(GENERATION_KEY, KEY_SPACE, catalogSuffix(kind, input), claimSeconds)
    .catch(() => null);
  // A cache that fails to answer: load, never wait.
  if (read === null) return bodyOf(await load(null));
  if (read.hit) return cachedBody(read.value);
  const { key } = read;
  // A load of this key already running here (the same generation: the key holds it) is shared. It is registered
  // before any await, and replies come in order on one connection, so a later miss of this process finds it.
  let pending = inflight.get(cache);
  if (!pending) inflight.set(cache, (pending = new Map()));
  const running = pending.get(key);
  if (running) {
    // Another process's claim ran out, so this caller claimed too: release it with the shared load.
    if (read.claimed) {
      void running.finally(() => cache.del(`${key}:loading`)).catch(() => undefined);
    }
    return running;
  }
  const promise = (async () => {
    const claimKey = `${key}:loading`;
    if (!read.claimed) {
      const loaded = await waitForKey(cache, key, claimSeconds * 1000);
      if (loaded !== null) return cachedBody(loaded);
    }
    let body: CachedBody;
    try {
      body = bodyOf(await load(read.generation));
    } catch (err) {
      if (read.claimed) await cache.del(claimKey).catch(() => undefined);
      throw err;
    }
    // Stored and the claim released in one round trip (a waiter that loaded itself has no claim to release).
    await (
      read.claimed
        ? cache.setAndRelease(key, body.json, CATALOG_TTL_SECONDS, claimKey)
        : cache.set(key, body.json, CATALOG_TTL_SECONDS)
    ).catch(() => undefined);
    return body;
  })();
  pending.set(key, promise);
  try {
    return await promise;
  } finally {
    pending.delete(key);
  }
}

/** The key's value once another process has stored it, or null after `timeoutMs` (or when the cache fails). */
async function waitForKey(cache: Cache, key: string, timeoutMs: number): Promise<string | null> {
  const deadline = Date.now() + timeoutMs;
  for (let i = 0; Date.now() < deadline; i += 1) {
    await new Promise((resolve) => setTimeout(resolve, POLL_MS[Math.min(i, POLL_MS.length - 1)]));
    const value = await cache.get(key).catch(() => undefined);
    if (value === undefined) return null;
    if (value !== null) return value;
  }
  return null;
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
