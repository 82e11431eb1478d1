import type { Cache } from './cache';

/**
 * Catalog cache keys carry a generation number; bumping it makes every cached listing and product page stale at
 * once without scanning keys. (The cache-aside reader and single-flight arrive with the public catalog routes.)
 */
const GENERATION_KEY = 'catalog:generation';

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
