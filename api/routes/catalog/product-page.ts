import { QueryTypes } from 'sequelize';
import type { AppDeps } from '../../deps';
import { NotFoundError } from '../../errors';
import { liveParts } from '../../presenters/product';
import { JsonText } from '../../services/catalog-cache';
import { PAGE_FORMAT, pageVersion, readStoredPage, storePage } from '../../services/product-pages';
import { buildPageDocument, type StockById } from './page-document';
import { type PageTemplate, renderTemplate, storablePage } from './page-template';
import { productBySlug } from './rows';

type Deps = Pick<AppDeps, 'db' | 'log'>;

/**
 * One active product as its page shows it, as JSON text. A stored page (services/product-pages.ts) is one query
 * with the live stock, its template filled in. Without one, the page is built from the catalog tables
 * (page-document.ts), stored, and served.
 */
export async function loadProductPage(deps: AppDeps, slug: string): Promise<JsonText> {
  const stored = await readStoredPage(deps, slug);
  if (!stored.found) throw new NotFoundError('There is no product with this slug.');
  const page = stored.template ? stored : await buildAndStore(deps, slug, stored.productId, stored.version);
  if (!page) throw new NotFoundError('There is no product with this slug.');
  return new JsonText(await renderTemplate(page.template, page.stock, liveParts(deps.storage)));
}

/**
 * Builds the page of the product `productId` (found by `slug`) and stores it under the version read before the
 * build. Null when the slug no longer names an active product. A page that could not be stored is still returned;
 * the next reader tries again.
 */
async function buildAndStore(
  deps: Deps,
  slug: string,
  productId: number,
  knownVersion: number | null,
): Promise<{ template: PageTemplate; stock: StockById } | null> {
  const version = await pageVersion(deps, productId, knownVersion);
  const product = version === null ? null : await productBySlug(deps, slug);
  if (version === null || !product) return null;
  const { document, stock } = await buildPageDocument(deps, product);
  const storable = await storablePage(document);
  // A slug that moved to another product meanwhile: serve its page, store nothing under the other's version.
  if (product.id === productId) {
    await storePage(deps, productId, version, storable).catch((err: unknown) =>
      deps.log.warn({ err, productId }, 'could not store the product page'),
    );
  }
  return { template: storable.template, stock };
}

/**
 * Stores the page of every active product that has none (after a seed, an import, or a deploy that emptied them),
 * a few at a time, reporting progress. Pages are otherwise stored by their first reader.
 */
export async function precomputeProductPages(
  deps: Deps,
  onProgress: (done: number, total: number) => void = () => undefined,
  concurrency = 4,
): Promise<{ built: number }> {
  const missing = await deps.db.sequelize.query<{ id: number; slug: string; version: number | null }>(
    'SELECT p.id AS id, p.slug AS slug, pg.version AS version FROM products p ' +
      "LEFT JOIN product_pages pg ON pg.product_id = p.id WHERE p.status = 'active' " +
      `AND (pg.body IS NULL OR pg.format <> ${PAGE_FORMAT}) ORDER BY p.id`,
    { type: QueryTypes.SELECT },
  );
  let next = 0;
  let done = 0;
  onProgress(0, missing.length);
  const worker = async () => {
    while (next < missing.length) {
      const { id, slug, version } = missing[next++]!;
      await buildAndStore(deps, slug, Number(id), version === null ? null : Number(version));
      onProgress(++done, missing.length);
    }
  };
  await Promise.all(Array.from({ length: Math.min(concurrency, missing.length) }, worker));
  return { built: done };
}
