import type { AppDeps } from '../deps';

/**
 * Brings the search index in step with changed products. Placeholder until the catalog-sync workflow lands:
 * it will start (or signal) one Temporal workflow per product so the index follows every product, stock or rating
 * change durably.
 */
export async function startCatalogSync(_deps: AppDeps, _productIds: readonly number[]): Promise<void> {}
