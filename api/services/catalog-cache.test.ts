import { randomBytes } from 'node:crypto';
import { stackEnv } from '../testing/deps';
import { RedisCache } from './cache';
import { cachedCatalogBody } from './catalog-cache';

// Two API processes on one Redis: two connections with the same key prefix (in-process single-flight is per cache
// object, so each connection stands for one process).
const prefix = `test:${process.pid}:${randomBytes(4).toString('hex')}:`;
const processes = [0, 1].map(() =>
  RedisCache.connect(stackEnv('MARKET_TEST_REDIS_URL'), { keyPrefix: prefix }),
);
afterAll(async () => {
  await Promise.all(processes.map((cache) => cache.close()));
});

function slowLoad(value: unknown, ms = 150) {
  let calls = 0;
  const load = async () => {
    calls += 1;
    await new Promise((resolve) => setTimeout(resolve, ms));
    return value;
  };
  return { load, calls: () => calls };
}

test('a hot miss is loaded once across processes; the others wait for it and answer the same body', async () => {
  const { load, calls } = slowLoad({ page: 'hot' });
  const bodies = await Promise.all(
    Array.from({ length: 10 }, (_, i) =>
      cachedCatalogBody(processes[i % 2]!, 'product', { slug: 'hot' }, load),
    ),
  );
  expect(calls()).toBe(1);
  expect(new Set(bodies.map((b) => b.json))).toEqual(new Set(['{"page":"hot"}']));
  expect(new Set(bodies.map((b) => b.etag)).size).toBe(1);
});

test('a holder that never stores (a crashed process) delays the others by the claim only, then they load', async () => {
  // The first process claims the key and never finishes; the claim lasts 1 s here.
  void cachedCatalogBody(processes[0]!, 'product', { slug: 'stuck' }, () => new Promise(() => {}), 1);
  await new Promise((resolve) => setTimeout(resolve, 50));
  const { load, calls } = slowLoad({ page: 'late' }, 10);
  const started = Date.now();
  const body = await cachedCatalogBody(processes[1]!, 'product', { slug: 'stuck' }, load, 1);
  expect(body.json).toBe('{"page":"late"}');
  expect(calls()).toBe(1);
  expect(Date.now() - started).toBeGreaterThanOrEqual(800);
  expect(Date.now() - started).toBeLessThan(3_000);
});

test('a failed load releases its claim: the next caller loads at once', async () => {
  await expect(
    cachedCatalogBody(processes[0]!, 'product', { slug: 'boom' }, () => Promise.reject(new Error('boom'))),
  ).rejects.toThrow('boom');
  const { load, calls } = slowLoad({ page: 'ok' }, 10);
  const started = Date.now();
  expect((await cachedCatalogBody(processes[1]!, 'product', { slug: 'boom' }, load)).json).toBe(
    '{"page":"ok"}',
  );
  expect(calls()).toBe(1);
  // Far below the 5 s claim it would otherwise wait for.
  expect(Date.now() - started).toBeLessThan(2_500);
});

test('getInGeneration and setAndRelease: one round trip each, under the key prefix', async () => {
  const [first, second] = processes as [RedisCache, RedisCache];
  const space = `space-${randomBytes(4).toString('hex')}`;
  const generationKey = `${space}:generation`;
  const miss = { key: `${space}:0:k`, generation: '0', hit: false };
  expect(await first.getInGeneration(generationKey, space, 'k', 5)).toEqual({ ...miss, claimed: true });
  expect(await second.getInGeneration(generationKey, space, 'k', 5)).toEqual({ ...miss, claimed: false });
  await first.setAndRelease(`${space}:0:k`, 'body', 60, `${space}:0:k:loading`);
  expect(await second.getInGeneration(generationKey, space, 'k', 5)).toEqual({
    key: `${space}:0:k`,
    generation: '0',
    hit: true,
    value: 'body',
  });
  // The script builds the value's key under the connection's prefix, as every other command reads it.
  expect(await second.get(`${space}:0:k`)).toBe('body');
  expect(await second.get(`${space}:0:k:loading`)).toBeNull();
  expect(await first.redis.ttl(`${space}:0:k`)).toBeGreaterThan(55);
  // A new generation: the same suffix misses again, under the new key.
  await first.set(generationKey, 'g2', 60);
  expect(await first.getInGeneration(generationKey, space, 'k', 5)).toEqual({
    key: `${space}:g2:k`,
    generation: 'g2',
    hit: false,
    claimed: true,
  });
});
