import { CancellationScope, defineQuery, log, proxyActivities, setHandler } from '@temporalio/workflow';
import type { Activities } from '@market/activities';

/**
 * One reindex at a time per alias: the API starts it under this id and refuses a second while it runs. (The alias
 * is in the id for the same reason as catalogSyncWorkflowId's.)
 */
export const reindexWorkflowId = (alias: string): string => `catalog-reindex-${alias}`;

export interface ReindexInput {
  /** Products per batch (default 500). */
  batchSize?: number;
}

export type ReindexPhase = 'starting' | 'indexing' | 'swapping' | 'cleaning' | 'done' | 'failed';

export interface ReindexProgress {
  phase: ReindexPhase;
  /** The index being built (`<alias>-<timestamp>`); null until created. */
  index: string | null;
  /** Products written to the new index so far. */
  indexed: number;
  /** Products in the catalog when the reindex started (the count may move while it runs). */
  total: number;
  /** Old indices deleted after the swap. */
  deleted: string[];
  error?: string;
}

export const reindexProgressQuery = defineQuery<ReindexProgress>('reindexProgress');

const DEFAULT_BATCH_SIZE = 500;

const activities = proxyActivities<Activities>({
  startToCloseTimeout: '2 minutes',
  retry: {
    initialInterval: '1 second',
    backoffCoefficient: 2,
    maximumInterval: '30 seconds',
    maximumAttempts: 10,
  },
});

/**
 * A full reindex that never takes search down: build a new index `<alias>-<timestamp>` beside the live one, fill
 * it batch by batch, move the alias to it in one atomic step, then delete the old index. Searches read the old
 * index until the swap and the new one after it.
 *
 * Changes made meanwhile are not lost: the new index is also the target of the `<alias>-building` alias, and every
 * product sync writes to it as well as to the live alias (see syncProductDocuments); products not yet reached by
 * a batch are read fresh from the database when their batch comes.
 */
export async function reindexWorkflow(input: ReindexInput = {}): Promise<ReindexProgress> {
  const batchSize = input.batchSize ?? DEFAULT_BATCH_SIZE;
  const progress: ReindexProgress = { phase: 'starting', index: null, indexed: 0, total: 0, deleted: [] };
  setHandler(reindexProgressQuery, () => progress);

  const compensations: (() => Promise<void>)[] = [];
  try {
    progress.total = await activities.countProducts();
    // The workflow's clock (the time of this workflow task): the same name on replay.
    const stamp = new Date().toISOString().replace(/[-:.]/g, '').toLowerCase();
    const index = await activities.createReindexTarget(stamp);
    progress.index = index;
    compensations.push(() => activities.deleteSearchIndices([index]));

    progress.phase = 'indexing';
    for (let afterId = 0; ;) {
      const ids = await activities.listProductIds(afterId, batchSize);
      if (ids.length === 0) break;
      progress.indexed += await activities.indexProducts(index, ids);
      afterId = ids[ids.length - 1]!;
    }

    progress.phase = 'swapping';
    const old = await activities.swapSearchAlias(index);
    compensations.length = 0; // the new index is live now: never delete it

    progress.phase = 'cleaning';
    await activities.deleteSearchIndices(old);
    progress.deleted = old;
    progress.phase = 'done';
    return progress;
  } catch (err) {
    progress.phase = 'failed';
    progress.error = err instanceof Error ? err.message : String(err);
    log.warn('reindex failed: undoing', { error: progress.error });
    // Also when the reindex was cancelled: the half-built index must go.
    await CancellationScope.nonCancellable(async () => {
      for (const undo of compensations.reverse()) await undo();
    });
    throw err;
  }
}
