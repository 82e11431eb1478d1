import { randomUUID } from 'node:crypto';
import type { ObjectStorage, PutOptions } from '@market/adapters';
import {
  createImageActivities,
  imagePrefix,
  THUMBNAIL_WIDTHS,
  type ThumbnailName,
  thumbnailKey,
} from '@market/activities/images';
import type { Database } from '@market/db';
import { Op } from 'sequelize';
import sharp from 'sharp';

/** Generated demo pictures are square WebP images of this size (the large thumbnail's width, so both thumbnails exist). */
export const SEED_IMAGE_SIZE = 800;

export interface SeedProductImagesOptions {
  onProgress?: (done: number, total: number) => void;
  /** Products whose objects are written at the same time (3 objects each). */
  concurrency?: number;
}

export interface SeedProductImagesResult {
  /** Image rows created (one per product that had none). */
  images: number;
  /** Distinct pictures generated with sharp (one per leaf category met), whose bytes every product reuses. */
  generated: number;
}

/** The bytes of one generated picture: the original and its thumbnails, made once and written many times. */
interface BaseImage {
  original: Buffer;
  thumbnails: { name: ThumbnailName; body: Buffer; options: PutOptions }[];
}

const PAGE = 500;
const ORIGINAL_TYPE = 'image/webp';

/**
 * Gives every product that has no image one generated picture, stored exactly as an admin upload is:
 * `products/<id>/<uuid>/original` plus `thumb-200.webp` and `thumb-800.webp` beside it, and a ProductImage row
 * (800×800, position 0, alt = the title).
 *
 * Cheap: a picture is drawn once per leaf category (its colour and initials) and its thumbnails are made once, by
 * the same activity code as for uploads; each product then gets its own copy of those bytes under its own prefix.
 * Sharing one object between products would save space but is unsafe: deleting an image deletes its whole prefix,
 * which would take every other product's picture with it.
 *
 * Objects are written before the row, so an interrupted run leaves at most unreferenced objects, never a row
 * without its files; `npm run seed -- --images all` then fills in the products still without an image.
 */
export async function seedProductImages(
  db: Database,
  storage: Pick<ObjectStorage, 'put'>,
  options: SeedProductImagesOptions = {},
): Promise<SeedProductImagesResult> {
  const { Product, ProductImage, Category } = db.models;
  const concurrency = options.concurrency ?? 16;
  const categories = await Category.findAll({
    attributes: ['id', 'name', 'parentId'],
    order: [['id', 'ASC']],
    raw: true,
  });
  const categoryById = new Map(categories.map((c, index) => [c.id, { ...c, index }]));
  const bases = new Map<string, Promise<BaseImage>>();
  const baseFor = (categoryId: number | null): Promise<BaseImage> => {
    const category = categoryId === null ? undefined : categoryById.get(categoryId);
    const key = category ? String(category.id) : 'none';
    let base = bases.get(key);
    if (!base) {
      const hue = category ? Math.round((category.index * 137.508) % 360) : 0;
      base = drawBaseImage(hue, initials(category?.name ?? 'Market'));
      bases.set(key, base);
    }
    return base;
  };

  const total = (await Product.count()) - (await ProductImage.count({ distinct: true, col: 'productId' }));
  let done = 0;
  let created = 0;
  options.onProgress?.(0, Math.max(total, 0));
  for (let afterId = 0; ;) {
    const products = await Product.findAll({
      attributes: ['id', 'title', 'categoryId'],
      where: { id: { [Op.gt]: afterId } },
      order: [['id', 'ASC']],
      limit: PAGE,
      raw: true,
    });
    if (!products.length) break;
    afterId = products[products.length - 1]!.id;
    const withImages = new Set(
      (
        await ProductImage.findAll({
          attributes: ['productId'],
          where: { productId: { [Op.in]: products.map((p) => p.id) } },
          raw: true,
        })
      ).map((row) => row.productId),
    );
    const todo = products.filter((p) => !withImages.has(p.id));
    const rows: {
      productId: number;
      storageKey: string;
      contentType: string;
      width: number;
      height: number;
      position: number;
      alt: string;
    }[] = [];
    await forEachLimit(todo, concurrency, async (product) => {
      const base = await baseFor(product.categoryId);
      const originalKey = `${imagePrefix(product.id, randomUUID())}original`;
      await Promise.all([
        storage.put(originalKey, base.original, { contentType: ORIGINAL_TYPE }),
        ...base.thumbnails.map((thumbnail) =>
          storage.put(thumbnailKey(originalKey, thumbnail.name), thumbnail.body, thumbnail.options),
        ),
      ]);
      rows.push({
        productId: product.id,
        storageKey: originalKey,
        contentType: ORIGINAL_TYPE,
        width: SEED_IMAGE_SIZE,
        height: SEED_IMAGE_SIZE,
        position: 0,
        alt: product.title.slice(0, 255),
      });
      done++;
      if (done % 50 === 0) options.onProgress?.(done, total);
    });
    await ProductImage.bulkCreate(rows);
    created += rows.length;
    options.onProgress?.(done, total);
  }
  if (done !== total) options.onProgress?.(done, done);
  return { images: created, generated: bases.size };
}

/** "Phones & Accessories" → "PA", "Laptops" → "LA". */
export function initials(name: string): string {
  const words = name.split(/[^A-Za-z0-9]+/).filter(Boolean);
  const letters = words.length > 1 ? words[0]![0]! + words[1]![0]! : (words[0] ?? 'M').slice(0, 2);
  return letters.toUpperCase();
}

/**
 * An 800×800 WebP (a tenth of the PNG's size: gradients compress badly without loss): a diagonal gradient in the category's hue with its initials in a translucent disc (an SVG that
 * sharp rasterises; without fonts the letters are simply missing). Its thumbnails come from the upload path's own
 * activity, run against an in-memory store, so they are exactly what an uploaded picture would get.
 */
async function drawBaseImage(hue: number, letters: string): Promise<BaseImage> {
  const size = SEED_IMAGE_SIZE;
  const svg =
    `<svg xmlns="http://www.w3.org/2000/svg" width="${size}" height="${size}">` +
    `<defs><linearGradient id="g" x1="0" y1="0" x2="1" y2="1">` +
    `<stop offset="0" stop-color="hsl(${hue},65%,60%)"/><stop offset="1" stop-color="hsl(${(hue + 30) % 360},60%,35%)"/>` +
    `</linearGradient></defs><rect width="${size}" height="${size}" fill="url(#g)"/>` +
    `<circle cx="${size / 2}" cy="${size / 2}" r="${size * 0.33}" fill="#fff" fill-opacity="0.15"/>` +
    `<text x="${size / 2}" y="${size / 2}" font-family="sans-serif" font-size="${size * 0.32}" font-weight="700" ` +
    `fill="#fff" text-anchor="middle" dominant-baseline="central">${letters}</text></svg>`;
  const original = await sharp(Buffer.from(svg)).webp({ quality: 90, effort: 0 }).toBuffer();

  const memory = new Map<string, { body: Buffer; options: PutOptions }>();
  const scratch: Pick<ObjectStorage, 'get' | 'put'> = {
    async get(key) {
      const object = memory.get(key);
      return object ? { body: object.body, size: object.body.length, ...object.options } : null;
    },
    async put(key, body, options) {
      if (!Buffer.isBuffer(body)) throw new Error('seed images are buffers');
      memory.set(key, { body, options });
    },
  };
  const scratchKey = 'seed/base/original';
  await scratch.put(scratchKey, original, { contentType: ORIGINAL_TYPE });
  const activities = createImageActivities({ db: { ping: async () => undefined }, storage: scratch });
  const { thumbnails } = await activities.generateThumbnails({ originalKey: scratchKey });
  return {
    original,
    thumbnails: (Object.keys(THUMBNAIL_WIDTHS) as ThumbnailName[]).map((name) => {
      const stored = memory.get(thumbnails[name]!)!;
      return { name, body: stored.body, options: stored.options };
    }),
  };
}

export async function forEachLimit<T>(items: readonly T[], limit: number, work: (item: T) => Promise<void>) {
  let next = 0;
  const lanes = Array.from({ length: Math.min(limit, items.length) }, async () => {
    while (next < items.length) await work(items[next++]!);
  });
  await Promise.all(lanes);
}
