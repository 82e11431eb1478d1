import { catalogSyncWorkflowId, productChangedSignal, workflowTypes } from '@market/workflows/definitions';
import type { AppDeps } from '../deps';

/**
 * Brings the search index in step with changed products: one signal-with-start per product on the product's
 * catalog-sync workflow (see workflows/catalog-sync.ts), which coalesces bursts and retries until the document
 * lands — in the engine's index, or in the embedded default's in-process one (services/embedded-search.ts).
 * Deps without any search engine have nothing to sync.
 *
 * Called after the write committed: a Temporal that does not answer is logged, not thrown, so the caller's
 * request still succeeds; the document then catches up with the product's next change or the next reindex.
 */
export async function startCatalogSync(deps: AppDeps, productIds: readonly number[]): Promise<void> {
  if (!deps.search || !deps.config.search) return;
  const alias = deps.config.search.index;
  const { client, taskQueue } = deps.temporal;
  const ids = [...new Set(productIds)];
  const results = await Promise.allSettled(
    ids.map((productId) =>
      client.workflow.signalWithStart(workflowTypes.catalogSync, {
        workflowId: catalogSyncWorkflowId(alias, productId),
        taskQueue,
        args: [productId],
        signal: productChangedSignal,
      }),
    ),
  );
  results.forEach((result, i) => {
    if (result.status === 'rejected') {
      deps.log.error({ err: result.reason, productId: ids[i] }, 'could not start the catalog sync');
    }
  });
}
