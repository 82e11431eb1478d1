import type { ObjectStorage } from '@market/adapters';
import {
  createImageActivities,
  THUMBNAIL_WIDTHS,
  type ThumbnailName,
  thumbnailKey,
} from '@market/activities/images';
import type { Database } from '@market/db';
import { Op } from 'sequelize';
import { forEachLimit } from './seed-images';

export interface BackfillThumbnailsOptions {
  onProgress?: (done: number, total: number) => void;
  /** Images processed at the same time (sharp uses a thread per image). */
  concurrency?: number;
}

export interface BackfillThumbnailsResult {
  /** Image rows looked at. */
  images: number;
  /** Images that lacked a thumbnail size and got all of them made again. */
  made: number;
  /** Rows whose original is gone from storage (left alone: an admin deletes the row). */
  missingOriginals: number;
}

const PAGE = 200;

/**
 * Makes the thumbnails an image lacks, e.g. a size added to THUMBNAIL_WIDTHS after it was uploaded. Uses the
 * upload workflow's own activity code, which writes every size (idempotent: same keys, same bytes). Safe to run
 * while the shop serves: it only adds objects.
 */
export async function backfillThumbnails(
  db: Database,
  storage: Pick<ObjectStorage, 'get' | 'put' | 'head'>,
  options: BackfillThumbnailsOptions = {},
): Promise<BackfillThumbnailsResult> {
  const { ProductImage } = db.models;
  const names = Object.keys(THUMBNAIL_WIDTHS) as ThumbnailName[];
  const { generateThumbnails } = createImageActivities({
    db: { ping: async () => undefined },
    storage: storage as ObjectStorage,
  });
  const total = await ProductImage.count();
  const result: BackfillThumbnailsResult = { images: 0, made: 0, missingOriginals: 0 };
  options.onProgress?.(0, total);
  for (let afterId = 0; ;) {
    const rows = await ProductImage.findAll({
      attributes: ['id', 'storageKey'],
      where: { id: { [Op.gt]: afterId } },
      order: [['id', 'ASC']],
      limit: PAGE,
      raw: true,
    });
    if (!rows.length) break;
    afterId = rows[rows.length - 1]!.id;
    await forEachLimit(rows, options.concurrency ?? 4, async ({ storageKey }) => {
      const present = await Promise.all(names.map((name) => storage.head(thumbnailKey(storageKey, name))));
      if (present.some((head) => head === null)) {
        if ((await storage.head(storageKey)) === null) result.missingOriginals++;
        else {
          await generateThumbnails({ originalKey: storageKey });
          result.made++;
        }
      }
      result.images++;
    });
    options.onProgress?.(result.images, total);
  }
  return result;
}
