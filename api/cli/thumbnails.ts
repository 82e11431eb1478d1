import { S3ObjectStorage } from '@market/adapters';
import { ConfigError, loadConfig } from '../config';
import { ensureSecrets } from '../embedded/secrets';
import { createLogger } from '../logger';
import { openDatabase, openStorage } from '../platform';
import { backfillThumbnails } from './backfill-thumbnails';
import { progressBar } from './progress';

/**
 * `npm run images:thumbnails`: makes every thumbnail size the stored product images lack (after an upgrade that
 * adds a size, e.g. the 400-pixel `medium`). Idempotent; run it once after such an upgrade, while the shop runs.
 */
async function main(): Promise<void> {
  if (process.argv.length > 2) throw new Error('usage: npm run images:thumbnails (no options)');
  const config = loadConfig();
  if (config.storage.kind === 'local') ensureSecrets(config);
  const db = openDatabase(config, createLogger({ level: config.log.level }));
  const storage = openStorage(config);
  try {
    if (storage instanceof S3ObjectStorage) await storage.ensureBucket();
    const started = Date.now();
    const report = await backfillThumbnails(db, storage, { onProgress: progressBar('[thumbnails]') });
    console.log(`Done in ${((Date.now() - started) / 1000).toFixed(1)} s:`, report);
  } finally {
    await storage.close();
    await db.close();
  }
}

main().catch((err: unknown) => {
  console.error(err instanceof ConfigError ? err.message : err instanceof Error ? err.message : err);
  process.exit(1);
});
