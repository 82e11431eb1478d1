import { ConfigError, loadConfig } from '../config';
import { ensureSecrets } from '../embedded/secrets';
import { createLogger } from '../logger';
import { openDatabase } from '../platform';
import { SEED_IMAGE_MODES, type SeedImageMode, seedCatalog } from './seed-catalog';

const USAGE = 'usage: npm run seed -- [--products N] [--images all|none]';

/** The value after `--name` (or in `--name=value`), or undefined when the flag is absent. */
function flag(args: readonly string[], name: string): string | undefined {
  const inline = args.find((arg) => arg.startsWith(`--${name}=`));
  if (inline) return inline.slice(name.length + 3);
  const at = args.indexOf(`--${name}`);
  if (at < 0) return undefined;
  const value = args[at + 1];
  if (value === undefined || value.startsWith('--')) throw new Error(`--${name} needs a value\n${USAGE}`);
  return value;
}

/**
 * `npm run seed [-- --products 10000] [--images all|none]`: migrates, then generates a demo catalog if the shop
 * has none — products, one generated image per product (default `all`; `--images all` on an existing catalog
 * also gives an image to the products without one), and the search index when SEARCH_URL is set.
 */
async function main(): Promise<void> {
  const args = process.argv.slice(2);
  const known = new Set(['--products', '--images']);
  const unknown = args.find((arg) => arg.startsWith('--') && !known.has(arg.replace(/=.*/, '')));
  if (unknown) throw new Error(`unknown option ${unknown}\n${USAGE}`);
  const config = loadConfig();
  const productsFlag = flag(args, 'products');
  const products = productsFlag === undefined ? config.seed.products : Number(productsFlag);
  if (!Number.isInteger(products) || products < 0 || products > 1_000_000) {
    throw new Error('--products must be an integer between 0 and 1000000');
  }
  const imagesFlag = flag(args, 'images');
  if (imagesFlag !== undefined && !(SEED_IMAGE_MODES as readonly string[]).includes(imagesFlag)) {
    throw new Error(`--images must be one of ${SEED_IMAGE_MODES.join(', ')}`);
  }
  const images = (imagesFlag ?? 'all') as SeedImageMode;
  // The local storage signs its URLs with a secret kept in DATA_DIR, created as npm start does.
  if (config.storage.kind === 'local') ensureSecrets(config);
  const db = openDatabase(config, createLogger({ level: config.log.level }));
  try {
    await db.migrate();
    const started = Date.now();
    const report = await seedCatalog(config, db, {
      products,
      images,
      fillMissingImages: imagesFlag === 'all',
      label: '[seed]',
    });
    console.log(`Seeded in ${((Date.now() - started) / 1000).toFixed(1)} s:`, report);
  } finally {
    await db.close();
  }
}

main().catch((err: unknown) => {
  console.error(err instanceof ConfigError ? err.message : err instanceof Error ? err.message : err);
  process.exit(1);
});
