import { thumbnailKey } from '@market/activities/images';
import type { S3ObjectStorage } from '@market/adapters';
import { createTestBucket, type TestStorage } from '@market/adapters/storage/testing';
import { seedDemoCatalog } from '@market/db/seeds/demo-catalog';
import { createScratchMysqlDatabase, type ScratchDatabase } from '@market/db/testing';
import sharp from 'sharp';
import { backfillThumbnails } from './backfill-thumbnails';
import { seedProductImages } from './seed-images';

// Images stored before a thumbnail size existed get it, on the real stack: MariaDB and an S3 bucket of its own.
describe('backfillThumbnails', () => {
  let scratch: ScratchDatabase;
  let bucket: TestStorage<S3ObjectStorage>;

  beforeAll(async () => {
    scratch = await createScratchMysqlDatabase('market_thumbs_cli');
    await scratch.db.migrate();
    bucket = await createTestBucket();
  });

  afterAll(async () => {
    await bucket?.drop();
    await scratch?.drop();
  });

  it('makes the sizes an image lacks, leaves complete ones and lost originals alone, and runs once', async () => {
    const { db } = scratch;
    await seedDemoCatalog(db, { products: 6, currency: 'EUR' });
    await seedProductImages(db, bucket.storage);
    const images = await db.models.ProductImage.findAll({ order: [['id', 'ASC']] });
    expect(images).toHaveLength(6);
    // Two images as if stored before `medium` existed; one whose original (and thumbnails) are gone.
    const [old1, old2, lost] = images.map((image) => image.storageKey);
    await bucket.storage.delete(thumbnailKey(old1!, 'medium'));
    await bucket.storage.delete(thumbnailKey(old2!, 'medium'));
    await bucket.storage.deletePrefix(lost!.replace(/original$/, ''));

    const progress: number[] = [];
    const report = await backfillThumbnails(db, bucket.storage, {
      onProgress: (done) => progress.push(done),
    });
    expect(report).toEqual({ images: 6, made: 2, missingOriginals: 1 });
    expect(progress.at(-1)).toBe(6);
    for (const key of [old1!, old2!]) {
      const medium = await bucket.storage.get(thumbnailKey(key, 'medium'));
      expect(await sharp(medium!.body).metadata()).toMatchObject({ format: 'webp', width: 400 });
    }
    expect(await bucket.storage.head(thumbnailKey(lost!, 'medium'))).toBeNull();

    expect(await backfillThumbnails(db, bucket.storage)).toEqual({ images: 6, made: 0, missingOriginals: 1 });
  });
});
