import type { AppDeps } from '../deps';
import { bumpCatalogGeneration } from './catalog-cache';
import { startCatalogSync } from './catalog-sync';
import { invalidateProductPages } from './product-pages';

export interface CatalogChange {
  /** Products whose page, listing entry or search document may have changed. */
  productIds: readonly number[];
  /**
   * Categories the products were in before the write, when it moved them: the pages of those categories showed
   * them among their related products, or could have been built while they were still there.
   */
  formerCategoryIds?: readonly (number | null)[];
}

/**
 * Every write to the catalog (product, price, stock, category, tag, review approval, image) ends here, after its
 * transaction commits: cached pages and listings go stale at once, and the search index is brought in step.
 *
 * The stored product pages are emptied before the generation moves on. A page built in between reads the committed
 * change and is cached under the old generation, which nobody reads after the bump; in the other order, a reader
 * could cache a stored page that is about to be emptied under the new generation.
 */
export async function catalogChanged(deps: AppDeps, change: CatalogChange): Promise<void> {
  await invalidateProductPages(deps, change.productIds, change.formerCategoryIds);
  await bumpCatalogGeneration(deps.cache);
  if (change.productIds.length) await startCatalogSync(deps, change.productIds);
}
