import type { AppDeps } from '../deps';
import { bumpCatalogGeneration } from './catalog-cache';
import { startCatalogSync } from './catalog-sync';

export interface CatalogChange {
  /** Products whose page, listing entry or search document may have changed. */
  productIds: readonly number[];
}

/**
 * Every write to the catalog (product, price, stock, category, tag, review approval, image) ends here, after its
 * transaction commits: cached pages and listings go stale at once, and the search index is brought in step.
 */
export async function catalogChanged(deps: AppDeps, change: CatalogChange): Promise<void> {
  await bumpCatalogGeneration(deps.cache);
  if (change.productIds.length) await startCatalogSync(deps, change.productIds);
}
