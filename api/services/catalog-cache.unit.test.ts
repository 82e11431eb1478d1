import { MemoryCache } from './cache';
import { bumpCatalogGeneration, cachedCatalogBody, catalogKey } from './catalog-cache';

describe('cachedCatalogBody', () => {
  test('concurrent misses share one load; later calls read the cache', async () => {
    const cache = new MemoryCache();
    let loads = 0;
    const load = async () => {
      loads += 1;
      await new Promise((resolve) => setTimeout(resolve, 20));
      return { price: 100 };
    };
    const bodies = await Promise.all(
      Array.from({ length: 5 }, () => cachedCatalogBody(cache, 'p', { a: 1 }, load)),
    );
    expect(loads).toBe(1);
    expect(new Set(bodies.map((b) => b.etag)).size).toBe(1);
    expect(bodies[0]!.json).toBe('{"price":100}');
    await cachedCatalogBody(cache, 'p', { a: 1 }, load);
    expect(loads).toBe(1);
  });

  test('a generation bump makes every entry stale', async () => {
    const cache = new MemoryCache();
    let price = 100;
    const load = async () => ({ price });
    expect((await cachedCatalogBody(cache, 'p', {}, load)).json).toBe('{"price":100}');
    price = 200;
    expect((await cachedCatalogBody(cache, 'p', {}, load)).json).toBe('{"price":100}');
    await bumpCatalogGeneration(cache);
    expect((await cachedCatalogBody(cache, 'p', {}, load)).json).toBe('{"price":200}');
  });

  test('a failed load is not cached and does not block the next caller', async () => {
    const cache = new MemoryCache();
    await expect(cachedCatalogBody(cache, 'p', {}, () => Promise.reject(new Error('boom')))).rejects.toThrow(
      'boom',
    );
    expect((await cachedCatalogBody(cache, 'p', {}, async () => ({ ok: true }))).json).toBe('{"ok":true}');
  });

  test('keys ignore key order and undefined, and differ by kind and value', () => {
    expect(catalogKey('g', 'products', { a: 1, b: undefined, c: [1, 2] })).toBe(
      catalogKey('g', 'products', { c: [1, 2], a: 1 }),
    );
    expect(catalogKey('g', 'products', { a: 1 })).not.toBe(catalogKey('g', 'product', { a: 1 }));
    expect(catalogKey('g', 'products', { a: 1 })).not.toBe(catalogKey('g', 'products', { a: '1' }));
    expect(catalogKey('g', 'products', {})).toMatch(/^catalog:g:[\w-]+$/);
  });
});
