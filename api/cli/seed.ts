import { seedDemoCatalog } from '@market/db';
import { ConfigError, loadConfig } from '../config';
import { createLogger } from '../logger';
import { openDatabase } from '../platform';
import { progressBar } from './progress';

/** `npm run seed [-- --products 10000]`: migrates, then generates a demo catalog if the shop has none. */
async function main(): Promise<void> {
  const args = process.argv.slice(2);
  const at = args.indexOf('--products');
  const config = loadConfig();
  const products = at >= 0 ? Number(args[at + 1]) : config.seed.products;
  if (!Number.isInteger(products) || products < 0 || products > 1_000_000) {
    throw new Error('--products must be an integer between 0 and 1000000');
  }
  const db = openDatabase(config, createLogger({ level: config.log.level }));
  try {
    await db.migrate();
    const started = Date.now();
    const result = await seedDemoCatalog(db, { products, onProgress: progressBar('[seed] products') });
    console.log(`Seeded in ${((Date.now() - started) / 1000).toFixed(1)} s:`, result);
  } finally {
    await db.close();
  }
}

main().catch((err: unknown) => {
  console.error(err instanceof ConfigError ? err.message : err instanceof Error ? err.message : err);
  process.exit(1);
});
