import type { PutOptions, StoredObject } from '@market/adapters';
import { ApplicationFailure } from '@temporalio/common';
import { MockActivityEnvironment } from '@temporalio/testing';
import { DefaultLogger } from '@temporalio/worker';
import sharp from 'sharp';
import { type GenerateThumbnailsResult, prefixOfImage, thumbnailKey } from './images';
import { createActivities } from './index';

const quiet = { logger: new DefaultLogger('ERROR') };
const key = 'products/7/0b8f7c2e-8a38-4a43-9f0e-4c1c1c5b1e10/original';

/** Object storage in a Map: enough for get and put. */
function memoryStorage() {
  const objects = new Map<string, StoredObject>();
  return {
    objects,
    get: async (k: string) => objects.get(k) ?? null,
    put: async (k: string, body: Buffer, options: PutOptions) => {
      objects.set(k, { body, size: body.length, ...options });
    },
  };
}

const photo = (width: number, height: number) =>
  sharp({ create: { width, height, channels: 3, background: '#3a6' } })
    .jpeg()
    .toBuffer();

describe('generateThumbnails', () => {
  test('writes 200, 400 and 800 pixel wide WebPs beside the original, cacheable for good', async () => {
    const storage = memoryStorage();
    await storage.put(key, await photo(1600, 1000), { contentType: 'image/jpeg' });
    const { generateThumbnails } = createActivities({ db: { ping: async () => undefined }, storage });

    const result = (await new MockActivityEnvironment(undefined, quiet).run(generateThumbnails, {
      originalKey: key,
    })) as GenerateThumbnailsResult;
    expect(result.thumbnails).toEqual({
      small: thumbnailKey(key, 'small'),
      medium: thumbnailKey(key, 'medium'),
      large: thumbnailKey(key, 'large'),
    });
    expect(thumbnailKey(key, 'small')).toBe(`${prefixOfImage(key)}thumb-200.webp`);
    for (const [name, width] of [
      ['small', 200],
      ['medium', 400],
      ['large', 800],
    ] as const) {
      const stored = storage.objects.get(thumbnailKey(key, name))!;
      expect(stored).toMatchObject({
        contentType: 'image/webp',
        cacheControl: expect.stringContaining('immutable'),
      });
      expect(await sharp(stored.body).metadata()).toMatchObject({
        format: 'webp',
        width,
        height: width * 0.625,
      });
    }

    // Idempotent: a retry writes the same keys again.
    await new MockActivityEnvironment(undefined, quiet).run(generateThumbnails, { originalKey: key });
    expect(storage.objects.size).toBe(4);
  });

  test('never enlarges a small image', async () => {
    const storage = memoryStorage();
    await storage.put(key, await photo(120, 90), { contentType: 'image/jpeg' });
    const { generateThumbnails } = createActivities({ db: { ping: async () => undefined }, storage });
    await new MockActivityEnvironment(undefined, quiet).run(generateThumbnails, { originalKey: key });
    const large = storage.objects.get(thumbnailKey(key, 'large'))!;
    expect(await sharp(large.body).metadata()).toMatchObject({ width: 120, height: 90 });
  });

  test('does nothing when the original was deleted in the meantime', async () => {
    const storage = memoryStorage();
    const { generateThumbnails } = createActivities({ db: { ping: async () => undefined }, storage });
    const result = await new MockActivityEnvironment(undefined, quiet).run(generateThumbnails, {
      originalKey: key,
    });
    expect(result).toEqual({ thumbnails: {} });
    expect(storage.objects.size).toBe(0);
  });

  test('a file sharp cannot read fails for good (no retries)', async () => {
    const storage = memoryStorage();
    await storage.put(key, Buffer.from('#!/bin/sh\n'), { contentType: 'image/png' });
    const { generateThumbnails } = createActivities({ db: { ping: async () => undefined }, storage });
    const error = await new MockActivityEnvironment(undefined, quiet)
      .run(generateThumbnails, { originalKey: key })
      .catch((err: unknown) => err);
    expect(error).toBeInstanceOf(ApplicationFailure);
    expect(error).toMatchObject({ type: 'UnreadableImage', nonRetryable: true });
  });

  test('a worker without storage fails for good', async () => {
    const { generateThumbnails } = createActivities({ db: { ping: async () => undefined } });
    const error = await new MockActivityEnvironment(undefined, quiet)
      .run(generateThumbnails, { originalKey: key })
      .catch((err: unknown) => err);
    expect(error).toMatchObject({ type: 'StorageNotConfigured', nonRetryable: true });
  });
});
