import { WorkflowExecutionAlreadyStartedError, WorkflowNotFoundError } from '@temporalio/client';
import {
  type ReindexProgress,
  reindexProgressQuery,
  type reindexWorkflow,
  reindexWorkflowId,
  workflowTypes,
} from '@market/workflows/definitions';
import type { z } from 'zod';
import type { AppDeps } from '../../../../deps';
import { ConflictError, NotFoundError, ServiceUnavailableError } from '../../../../errors';
import { defineRoute, type Route } from '../../../../openapi/route';
import { withDeadline } from '../../../../services/temporal';
import { emptyQuery, reindexProgressSchema, reindexStartedSchema, startReindexBody } from './schema';

const tags = ['Admin: search'];

function reindexTarget(deps: AppDeps): { workflowId: string } {
  if (!deps.search || !deps.config.search) {
    throw new ConflictError(
      'There is no search engine to reindex: this app searches the database directly.',
      'search_not_configured',
    );
  }
  return { workflowId: reindexWorkflowId(deps.config.search.index) };
}

function temporalUrl(deps: AppDeps, workflowId: string, runId: string): string {
  const { uiUrl, namespace } = deps.config.temporal;
  return `${uiUrl.replace(/\/$/, '')}/namespaces/${encodeURIComponent(namespace)}/workflows/${encodeURIComponent(workflowId)}/${encodeURIComponent(runId)}/history`;
}

export const startReindex = defineRoute({
  method: 'post',
  access: 'search.reindex',
  path: '/api/admin/search/reindex',
  summary: 'Rebuild the search index without downtime',
  description:
    'Starts the reindex workflow: a new index is filled beside the live one, then the alias moves to it in one ' +
    'atomic step and the old index is deleted. Searches keep answering throughout. One reindex at a time.',
  tags,
  status: 202,
  request: { body: startReindexBody },
  responses: {
    202: { description: 'The reindex started', schema: reindexStartedSchema },
    401: { description: 'Not signed in' },
    403: { description: 'Not an admin' },
    409: { description: 'A reindex is already running, or there is no search engine' },
    422: { description: 'Unknown fields or a batch size out of range' },
  },
  handler: async ({ input, deps }): Promise<z.output<typeof reindexStartedSchema>> => {
    const { workflowId } = reindexTarget(deps);
    try {
      const handle = await deps.temporal.client.workflow.start<typeof reindexWorkflow>(
        workflowTypes.reindex,
        {
          workflowId,
          taskQueue: deps.temporal.taskQueue,
          args: [{ batchSize: input.body.batchSize }],
          // Defaults spelled out: a finished reindex may be run again, a running one may not be started twice.
          workflowIdReusePolicy: 'ALLOW_DUPLICATE',
          workflowIdConflictPolicy: 'FAIL',
        },
      );
      const runId = handle.firstExecutionRunId;
      return { workflowId, runId, temporalUrl: temporalUrl(deps, workflowId, runId) };
    } catch (err) {
      if (err instanceof WorkflowExecutionAlreadyStartedError) {
        throw new ConflictError('A reindex is already running.', 'reindex_running');
      }
      throw err;
    }
  },
});

export const getReindex = defineRoute({
  method: 'get',
  access: 'search.reindex',
  path: '/api/admin/search/reindex',
  summary: 'Progress of the current or last reindex',
  tags,
  request: { query: emptyQuery },
  responses: {
    200: { description: 'Its phase and counts', schema: reindexProgressSchema },
    401: { description: 'Not signed in' },
    403: { description: 'Not an admin' },
    404: { description: 'No reindex ran yet' },
    409: { description: 'There is no search engine' },
  },
  handler: async ({ deps }): Promise<z.output<typeof reindexProgressSchema>> => {
    const { workflowId } = reindexTarget(deps);
    const handle = deps.temporal.client.workflow.getHandle<typeof reindexWorkflow>(workflowId);
    try {
      const description = await handle.describe();
      const status = description.status.name;
      const progress = await progressOf(deps, status, description.historyLength, handle);
      return {
        workflowId,
        runId: description.runId,
        status,
        ...progress,
        temporalUrl: temporalUrl(deps, workflowId, description.runId),
      };
    } catch (err) {
      if (err instanceof WorkflowNotFoundError)
        throw new NotFoundError('No reindex has run yet.', 'no_reindex');
      throw err;
    }
  },
});

type Handle = ReturnType<AppDeps['temporal']['client']['workflow']['getHandle']>;

/** How long a progress query may wait for the worker. */
const QUERY_TIMEOUT_MS = 5_000;

/**
 * A reindex no worker has picked up yet is `queued` (a query would wait for a worker); a running one answers the
 * query; a finished one returned its last progress as its result (read from the history, no worker needed).
 * Anything else (failed, cancelled, terminated) has no progress to read.
 */
async function progressOf(
  deps: AppDeps,
  status: string,
  historyLength: number,
  handle: Handle,
): Promise<ReindexProgress | QueuedProgress> {
  if (status === 'RUNNING' && historyLength <= 2) {
    return { phase: 'queued', index: null, indexed: 0, total: 0, deleted: [] };
  }
  if (status === 'RUNNING') {
    try {
      return await withDeadline(deps.temporal.client, Date.now() + QUERY_TIMEOUT_MS, () =>
        handle.query(reindexProgressQuery),
      );
    } catch (err) {
      deps.log.warn({ err }, 'reindex progress query failed');
      throw new ServiceUnavailableError(
        'The worker running the reindex does not answer.',
        'reindex_unreachable',
      );
    }
  }
  if (status === 'COMPLETED') return (await handle.result()) as ReindexProgress;
  return {
    phase: 'failed',
    index: null,
    indexed: 0,
    total: 0,
    deleted: [],
    error: `the reindex ${status.toLowerCase()}`,
  };
}

type QueuedProgress = Omit<ReindexProgress, 'phase'> & { phase: 'queued' };

export const reindexRoutes: Route[] = [startReindex, getReindex];
