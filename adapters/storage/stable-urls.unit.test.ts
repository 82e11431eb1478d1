import { LocalObjectStorage } from './local';
import { verifyLocalUrl } from './local-urls';
import type { ObjectStorage, PresignGetOptions } from './port';
import { StableGetUrls } from './stable-urls';

const HOUR = 3600_000;
const secret = 'a-local-signing-secret-of-32-chars!!';
// The local adapter signs without touching its directory.
const local = new LocalObjectStorage({
  dir: '/nonexistent',
  publicBaseUrl: 'http://127.0.0.1:3000/api/storage',
  signingSecret: secret,
});
let signed: { key: string; options: PresignGetOptions }[];
let now: number;

/** The local adapter counting its signatures; `fail` makes them fail. */
function counting(fail = () => false): ObjectStorage {
  const presignGet = (key: string, options: PresignGetOptions) => {
    signed.push({ key, options });
    return fail() ? Promise.reject(new Error('no credentials')) : local.presignGet(key, options);
  };
  return { kind: 'local', presignGet } as Partial<ObjectStorage> as ObjectStorage;
}

const checkAt = (url: string, at: number) => {
  const { pathname, searchParams } = new URL(url);
  const key = decodeURIComponent(pathname.replace('/api/storage/', ''));
  return verifyLocalUrl(secret, { method: 'GET', key, query: searchParams }, at);
};

beforeEach(() => {
  signed = [];
  now = Date.UTC(2026, 11, 6, 10, 0, 0);
});

test('one signature per key and window: the same URL all along, another key its own', async () => {
  const urls = new StableGetUrls(counting(), { validSeconds: 3600, now: () => now });
  const first = await urls.url('products/1/a.jpg');
  now += 59 * 60_000;
  expect(await urls.url('products/1/a.jpg')).toBe(first);
  expect(await urls.url('products/2/b.jpg')).not.toBe(first);
  expect(signed.map((s) => s.key)).toEqual(['products/1/a.jpg', 'products/2/b.jpg']);
});

test('each URL works for validSeconds after the last moment it is handed out, and a new window signs anew', async () => {
  const start = Date.UTC(2026, 11, 6, 10, 0, 0);
  const urls = new StableGetUrls(counting(), { validSeconds: 3600, now: () => now });
  const url = await urls.url('products/1/a.jpg');
  expect(signed[0]!.options).toEqual({ expiresInSeconds: 7200, signedAt: new Date(start) });

  const lastHandedOut = start + HOUR - 1;
  expect(checkAt(url, lastHandedOut + HOUR - 1000)).toMatchObject({ ok: true });
  expect(checkAt(url, start + 2 * HOUR + 1000)).toMatchObject({ ok: false, reason: 'expired' });

  now = start + HOUR;
  const next = await urls.url('products/1/a.jpg');
  expect(next).not.toBe(url);
  expect(signed[1]!.options.signedAt).toEqual(new Date(start + HOUR));
});

test('concurrent requests for a key share one signature; a failed one is not remembered', async () => {
  let fail = true;
  const urls = new StableGetUrls(
    counting(() => fail),
    { validSeconds: 60, now: () => now },
  );
  const [a, b] = await Promise.allSettled([urls.url('k/a.jpg'), urls.url('k/a.jpg')]);
  expect(a.status).toBe('rejected');
  expect(b.status).toBe('rejected');
  expect(signed).toHaveLength(1);

  fail = false;
  await expect(urls.url('k/a.jpg')).resolves.toMatch(
    /^http:\/\/127\.0\.0\.1:3000\/api\/storage\/k\/a\.jpg\?/,
  );
  expect(signed).toHaveLength(2);
});

test('at most maxEntries URLs are remembered, those not asked for lately forgotten first', async () => {
  const urls = new StableGetUrls(counting(), { validSeconds: 60, maxEntries: 2, now: () => now });
  for (const key of ['k/1.jpg', 'k/2.jpg', 'k/3.jpg', 'k/3.jpg', 'k/2.jpg', 'k/1.jpg']) await urls.url(key);
  expect(signed.map((s) => s.key)).toEqual(['k/1.jpg', 'k/2.jpg', 'k/3.jpg', 'k/1.jpg']);
});

test('a key asked for again and again stays remembered while many others pass through', async () => {
  const urls = new StableGetUrls(counting(), { validSeconds: 60, maxEntries: 4, now: () => now });
  const others = Array.from({ length: 12 }, (_, i) => `k/${i}.jpg`);
  for (let i = 0; i < others.length; i += 2) {
    await urls.url('k/hot.jpg');
    await urls.url(others[i]!);
    await urls.url(others[i + 1]!);
  }
  expect(signed.filter((s) => s.key === 'k/hot.jpg')).toHaveLength(1);
  expect(signed).toHaveLength(1 + others.length);
});

test('objects shown together are one entry: their keys made and signed once, counted as URLs', async () => {
  const urls = new StableGetUrls(counting(), { validSeconds: 60, maxEntries: 8, now: () => now });
  let made = 0;
  const image = (id: string) => {
    made++;
    return [id, `${id}-thumb-200.webp`, `${id}-thumb-400.webp`];
  };
  const first = await urls.urls('k/a.jpg', image);
  expect(first).toHaveLength(3);
  expect(first[1]).toMatch(/^http:\/\/127\.0\.0\.1:3000\/api\/storage\/k\/a\.jpg-thumb-200\.webp\?/);
  expect(await urls.urls('k/a.jpg', image)).toEqual(first);
  expect(made).toBe(1);
  expect(signed).toHaveLength(3);

  // 8 URLs at most, 4 per generation: a second image of 3 starts a new generation, a third drops the first.
  await urls.urls('k/b.jpg', image);
  await urls.urls('k/c.jpg', image);
  await urls.urls('k/a.jpg', image);
  expect(made).toBe(4);
  expect(signed).toHaveLength(12);
});

test('refuses windows that are not whole seconds and validity past 7 days', () => {
  expect(() => new StableGetUrls(local, { validSeconds: 60, windowSeconds: 0.5 })).toThrow(RangeError);
  expect(
    () => new StableGetUrls(local, { validSeconds: 6 * 24 * 3600, windowSeconds: 2 * 24 * 3600 }),
  ).toThrow(RangeError);
});
