import {
  condition,
  continueAsNew,
  defineSignal,
  proxyActivities,
  setHandler,
  workflowInfo,
} from '@temporalio/workflow';
import type { Activities } from '@market/activities';

/** Sent (with signal-with-start) after every write that may change a product's search document. */
export const productChangedSignal = defineSignal('changed');

/**
 * One workflow per product and search alias: signal-with-start on this id coalesces a burst of changes to one
 * product into one or two syncs. The alias is part of the id so two shops (or two test suites) sharing a Temporal
 * namespace never signal each other's workflows.
 */
export const catalogSyncWorkflowId = (alias: string, productId: number): string =>
  `catalog-sync-${alias}-${productId}`;

export interface CatalogSyncOptions {
  /** Set by continue-as-new: changes arrived that the previous run did not sync yet. */
  pending?: boolean;
}

/** Changes closer together than this are synced once. */
const QUIET_MS = 1_000;
/** ...but a product that keeps changing is synced at least this often. */
const MAX_DELAY_MS = 5_000;
/** Syncs per run before continue-as-new keeps the history short. */
const SYNCS_PER_RUN = 50;

const { syncProductDocuments } = proxyActivities<Activities>({
  startToCloseTimeout: '30 seconds',
  // A search engine or database that is down is waited for: the sync must land eventually.
  retry: { initialInterval: '1 second', backoffCoefficient: 2, maximumInterval: '1 minute' },
});

/**
 * Keeps one product's search document in step with the database: wait until the changes stop for a moment, sync
 * (index the current state, or delete the document of a deleted product), and repeat while more changes arrived
 * during the sync; then complete. The next change starts a new run.
 */
export async function catalogSyncWorkflow(
  productId: number,
  options: CatalogSyncOptions = {},
): Promise<void> {
  let changes = options.pending ? 1 : 0;
  setHandler(productChangedSignal, () => {
    changes += 1;
  });

  for (let syncs = 0; ; syncs += 1) {
    // The signal of signal-with-start is delivered with the first workflow task, so this never waits long.
    await condition(() => changes > 0);
    await quietPeriod(() => changes);
    changes = 0;
    await syncProductDocuments([productId]);
    // Changes during the sync: their state may not be in the document yet, so go round again.
    if (changes === 0) return;
    if (syncs + 1 >= SYNCS_PER_RUN || workflowInfo().continueAsNewSuggested) {
      await continueAsNew<typeof catalogSyncWorkflow>(productId, { pending: true });
    }
  }
}

/** Waits until no change arrived for QUIET_MS, or MAX_DELAY_MS passed, whichever comes first. */
async function quietPeriod(count: () => number): Promise<void> {
  const deadline = Date.now() + MAX_DELAY_MS; // the workflow's deterministic clock
  for (;;) {
    const seen = count();
    const remaining = deadline - Date.now();
    if (remaining <= 0) return;
    const more = await condition(() => count() !== seen, Math.min(QUIET_MS, remaining));
    if (!more) return;
  }
}
