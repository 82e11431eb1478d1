import { randomBytes } from 'node:crypto';
import type { SearchEngine } from '@market/adapters';
import { thumbnailKey } from '@market/activities/images';
import { createTestBucket, type TestStorage } from '@market/adapters/storage/testing';
import type { S3ObjectStorage } from '@market/adapters';
import { createScratchMysqlDatabase, type ScratchDatabase } from '@market/db/testing';
import type { Database } from '@market/db';
import sharp from 'sharp';
import { QueryTypes } from 'sequelize';
import type { Config } from '../config';
import { openSearch } from '../platform';
import { stackEnv, testConfig, testS3Env } from '../testing/deps';
import { seedCatalog } from './seed-catalog';

// The demo seed against the real stack: MariaDB (its own database: "nothing when products exist" needs a catalog
// no other test touches), an S3 bucket and an OpenSearch alias of its own.
describe('seedCatalog (products, generated images, search index)', () => {
  let scratch: ScratchDatabase;
  let bucket: TestStorage<S3ObjectStorage>;
  let config: Config;
  let search: SearchEngine;
  let alias: string;
  const stderr = jest.spyOn(process.stderr, 'write').mockImplementation(() => true); // the progress bars

  beforeAll(async () => {
    scratch = await createScratchMysqlDatabase('market_seed_cli');
    await scratch.db.migrate();
    bucket = await createTestBucket();
    alias = `test-seed-${process.pid}-${randomBytes(4).toString('hex')}`;
    config = testConfig({
      ...testS3Env(bucket.storage.bucket),
      SEARCH_URL: stackEnv('MARKET_TEST_OPENSEARCH_URL'),
      SEARCH_ENGINE: 'opensearch',
      SEARCH_INDEX: alias,
    });
    search = openSearch(config)!;
  });

  afterAll(async () => {
    stderr.mockRestore();
    if (search) {
      for (const index of await search.aliasTargets(alias)) await search.deleteIndex(index);
      await search.close();
    }
    await bucket?.drop();
    await scratch?.drop();
  });

  it('gives every product its own stored image with its thumbnails, indexes the catalog, and runs once', async () => {
    const { db } = scratch;
    const report = await seedCatalog(config, db, { products: 30, images: 'all', label: '[test]' });
    expect(report).toMatchObject({
      catalog: { skipped: false, products: 30 },
      images: { images: 30, generated: expect.any(Number) },
      indexed: 30,
    });
    expect(report.images!.generated).toBeLessThanOrEqual(30);
    // Every active product's page is stored, with its image.
    const activeCount = await db.models.Product.count({ where: { status: 'active' } });
    expect(report.pages).toBe(activeCount);
    expect(await storedPageCount(db)).toBe(activeCount);

    const { Product, ProductImage } = db.models;
    const products = await Product.findAll({ include: ['images'] });
    expect(products).toHaveLength(30);
    const prefixes = new Set<string>();
    for (const product of products) {
      expect(product.images).toHaveLength(1);
      const image = product.images![0]!;
      expect(image).toMatchObject({ width: 800, height: 800, position: 0, alt: product.title });
      expect(image.storageKey).toMatch(new RegExp(`^products/${product.id}/[0-9a-f-]{36}/original$`));
      prefixes.add(image.storageKey.replace(/original$/, ''));
      const original = await bucket.storage.head(image.storageKey);
      expect(original).toMatchObject({ contentType: image.contentType });
      for (const name of ['small', 'medium', 'large'] as const) {
        expect(await bucket.storage.head(thumbnailKey(image.storageKey, name))).toMatchObject({
          contentType: 'image/webp',
        });
      }
    }
    // One prefix per image: deleting an image (its whole prefix) can never take another product's picture.
    expect(prefixes.size).toBe(30);

    const sample = products[0]!.images![0]!;
    const stored = await bucket.storage.get(sample.storageKey);
    expect(await sharp(stored!.body).metadata()).toMatchObject({ width: 800, height: 800 });
    const small = await bucket.storage.get(thumbnailKey(sample.storageKey, 'small'));
    expect(await sharp(small!.body).metadata()).toMatchObject({ format: 'webp', width: 200 });

    // Searchable at once, through the alias the API reads.
    const active = products.find((p) => p.status === 'active')!;
    const found = await search.search(alias, { q: active.title, sort: 'relevance', page: 1, pageSize: 5 });
    expect(found.hits.map((hit) => hit.id)).toContain(String(active.id));
    const all = await search.search(alias, {
      statuses: ['active', 'draft'],
      sort: 'newest',
      page: 1,
      pageSize: 1,
    });
    expect(all.total).toBe(30);

    // A second run changes nothing.
    const again = await seedCatalog(config, db, { products: 30, images: 'all', label: '[test]' });
    expect(again).toMatchObject({ catalog: { skipped: true }, images: null, indexed: null, pages: 0 });
    expect(await ProductImage.count()).toBe(30);
    expect(await Product.count()).toBe(30);
  });

  it('fills in the images of a catalog seeded without them only when asked', async () => {
    const { db } = scratch;
    const { ProductImage } = db.models;
    await ProductImage.destroy({
      where: { id: (await ProductImage.findAll({ limit: 3 })).map((i) => i.id) },
    });
    const restart = await seedCatalog(config, db, { products: 30, images: 'all', label: '[test]' });
    expect(restart.images).toBeNull(); // a restart never brings back pictures an admin deleted
    expect(await ProductImage.count()).toBe(27);
    const filled = await seedCatalog(config, db, {
      products: 30,
      images: 'all',
      fillMissingImages: true,
      label: '[test]',
    });
    expect(filled.images).toMatchObject({ images: 3 });
    expect(await ProductImage.count()).toBe(30);
    // The stored pages were built without those images: emptied, and stored again with them.
    const activeCount = await db.models.Product.count({ where: { status: 'active' } });
    expect(filled.pages).toBe(activeCount);
    expect(await storedPageCount(db)).toBe(activeCount);
  });
});

async function storedPageCount(db: Database): Promise<number> {
  const [row] = await db.sequelize.query<{ n: number | string }>(
    'SELECT COUNT(*) AS n FROM product_pages WHERE body IS NOT NULL',
    { type: QueryTypes.SELECT },
  );
  return Number(row?.n);
}
