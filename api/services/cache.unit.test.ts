import { MemoryCache } from './cache';

// Each entry below: a 1-character key and a 9-character value, 20 bytes as counted (UTF-16).
const value = (n: number) => `value-${String(n).padStart(3, '0')}`;

test('past its budget the in-process cache drops the least recently used entries first', async () => {
  const cache = new MemoryCache(Date.now, 60);
  await cache.set('a', value(1), 60);
  await cache.set('b', value(2), 60);
  await cache.set('c', value(3), 60);
  expect(cache.size).toBe(60);
  // Reading a makes b the least recently used.
  expect(await cache.get('a')).toBe(value(1));
  await cache.set('d', value(4), 60);
  expect(await cache.get('b')).toBeNull();
  expect(await cache.get('a')).toBe(value(1));
  expect(await cache.get('c')).toBe(value(3));
  expect(await cache.get('d')).toBe(value(4));
  expect(cache.size).toBe(60);
});

test('overwriting, deleting, taking and expiring keep the count exact', async () => {
  let now = 0;
  const cache = new MemoryCache(() => now, 1_000);
  await cache.set('a', value(1), 10);
  await cache.set('a', value(2), 10);
  expect(cache.size).toBe(20);
  await cache.set('b', value(3), 10);
  await cache.del('b');
  expect(cache.size).toBe(20);
  expect(await cache.take('a')).toBe(value(2));
  expect(cache.size).toBe(0);
  await cache.set('c', value(4), 10);
  now = 10_000;
  expect(await cache.get('c')).toBeNull();
  expect(cache.size).toBe(0);
  expect(await cache.claim('k', 5)).toBe(true);
  expect(await cache.claim('k', 5)).toBe(false);
  // The cache-aside pair: a miss claims once, the load is stored and its claim released, then it hits.
  expect(await cache.getInGeneration('s:g', 's', 'd', 5)).toEqual({
    key: 's:0:d',
    generation: '0',
    hit: false,
    claimed: true,
  });
  expect(await cache.getInGeneration('s:g', 's', 'd', 5)).toEqual({
    key: 's:0:d',
    generation: '0',
    hit: false,
    claimed: false,
  });
  await cache.setAndRelease('s:0:d', value(1), 60, 's:0:d:loading');
  expect(await cache.getInGeneration('s:g', 's', 'd', 5)).toEqual({
    key: 's:0:d',
    generation: '0',
    hit: true,
    value: value(1),
  });
  expect(await cache.get('s:0:d:loading')).toBeNull();
  await cache.set('s:g', '7', 60);
  expect(await cache.getInGeneration('s:g', 's', 'd', 5)).toEqual({
    key: 's:7:d',
    generation: '7',
    hit: false,
    claimed: true,
  });
});

test('a thousand distinct listings stay within the budget', async () => {
  const cache = new MemoryCache(Date.now, 100_000);
  const body = 'x'.repeat(4_000);
  for (let i = 0; i < 1_000; i += 1) await cache.set(`catalog:g:${i}`, body, 60);
  expect(cache.size).toBeLessThanOrEqual(100_000);
  expect(await cache.get('catalog:g:999')).toBe(body);
  expect(await cache.get('catalog:g:0')).toBeNull();
});
