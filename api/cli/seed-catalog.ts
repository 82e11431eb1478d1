import { S3ObjectStorage } from '@market/adapters';
import { type Database, seedDemoCatalog, type SeedDemoCatalogResult } from '@market/db';
import type { Config } from '../config';
import { createLogger } from '../logger';
import { precomputeProductPages } from '../routes/catalog/product-page';
import { invalidateAllProductPages } from '../services/product-pages';
import { openSearch, openStorage } from '../platform';
import { progressBar } from './progress';
import { seedProductImages, type SeedProductImagesResult } from './seed-images';
import { indexSeededProducts } from './seed-search';

export const SEED_IMAGE_MODES = ['all', 'none'] as const;
export type SeedImageMode = (typeof SEED_IMAGE_MODES)[number];

export interface SeedCatalogOptions {
  products: number;
  /** `all`: one generated picture per product; `none`: no images. */
  images: SeedImageMode;
  /**
   * Also give pictures to the products of a catalog seeded before (e.g. with `--images none`) that have none.
   * Off by default, so a restart never brings back a picture an admin deleted.
   */
  fillMissingImages?: boolean;
  /** Progress bar prefix, e.g. `[seed]`. */
  label: string;
}

export interface SeedCatalogReport {
  catalog: SeedDemoCatalogResult;
  images: SeedProductImagesResult | null;
  /** Documents written to the search engine; null without one (the embedded index builds itself) or when skipped. */
  indexed: number | null;
  /** Product pages stored (services/product-pages.ts): those the shop had none of. */
  pages: number;
  /** Seconds per phase. */
  seconds: { catalog: number; images: number; search: number; pages: number };
}

/**
 * The demo catalog with everything a fresh shop needs to look alive: products (db/seeds), a generated image per
 * product in object storage, and — when the configuration has a search engine — its documents, written directly
 * rather than through the reindex workflow because `npm run seed` has no Temporal worker — and the product pages
 * (api/services/product-pages.ts) of every active product that has none. Nothing else happens when products exist
 * (except filling missing images when asked).
 */
export async function seedCatalog(
  config: Config,
  db: Database,
  options: SeedCatalogOptions,
): Promise<SeedCatalogReport> {
  const seconds = { catalog: 0, images: 0, search: 0, pages: 0 };
  const timed = async <T>(phase: keyof typeof seconds, work: () => Promise<T>): Promise<T> => {
    const started = performance.now();
    try {
      return await work();
    } finally {
      seconds[phase] = Math.round(performance.now() - started) / 1000;
    }
  };

  const catalog = await timed('catalog', () =>
    seedDemoCatalog(db, {
      products: options.products,
      // Priced in the shop's currency: a product in any other cannot go in a cart.
      currency: config.checkout.currency,
      onProgress: progressBar(`${options.label} catalog`),
    }),
  );

  let images: SeedProductImagesResult | null = null;
  if (options.images === 'all' && (!catalog.skipped || options.fillMissingImages)) {
    const storage = openStorage(config);
    try {
      // Buckets are provisioned in production; creating a missing one makes a scratch S3 setup work too.
      if (storage instanceof S3ObjectStorage) await storage.ensureBucket();
      images = await timed('images', () =>
        seedProductImages(db, storage, { onProgress: progressBar(`${options.label} images`) }),
      );
      // Pages stored before these images (a catalog seeded without them) would not show them.
      if (images.images > 0) await invalidateAllProductPages({ db });
    } finally {
      await storage.close();
    }
  }

  let indexed: number | null = null;
  // The embedded in-process index is built by the process that serves it (api/services/embedded-search.ts).
  const search = catalog.skipped || config.search?.kind === 'memory' ? null : openSearch(config);
  if (search && config.search) {
    try {
      indexed = await timed('search', async () => {
        const result = await indexSeededProducts(db, search, config.search!.index, {
          onProgress: progressBar(`${options.label} search index`),
        });
        return result.indexed;
      });
    } finally {
      await search.close();
    }
  }
  const log = createLogger({ level: config.log.level });
  const pages = await timed('pages', async () => {
    const result = await precomputeProductPages({ db, log }, progressBar(`${options.label} product pages`));
    return result.built;
  });
  return { catalog, images, indexed, pages, seconds };
}
