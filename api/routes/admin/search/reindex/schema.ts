import { z } from 'zod';

/** `queued`: no worker has picked the reindex up yet; the others are the workflow's own (ReindexPhase). */
export const REINDEX_PHASES = [
  'queued',
  'starting',
  'indexing',
  'swapping',
  'cleaning',
  'done',
  'failed',
] as const;

/** `POST /api/admin/search/reindex`: an empty body starts a reindex with the default batch size. */
export const startReindexBody = z
  .object({
    batchSize: z
      .number()
      .int()
      .min(1)
      .max(5_000)
      .optional()
      .meta({ description: 'Products per batch (500)' }),
  })
  .strict();

export const emptyQuery = z.object({}).strict();

export const reindexStartedSchema = z
  .object({
    workflowId: z.string(),
    runId: z.string(),
    temporalUrl: z.string().meta({ description: 'The reindex workflow in Temporal Web' }),
  })
  .meta({ id: 'ReindexStarted' });

export const reindexProgressSchema = z
  .object({
    workflowId: z.string(),
    runId: z.string(),
    status: z.string().meta({ description: 'Temporal’s: RUNNING, COMPLETED, FAILED, TERMINATED…' }),
    phase: z.enum(REINDEX_PHASES),
    index: z.string().nullable().meta({ description: 'The index being built (the live one once done)' }),
    indexed: z.number().int(),
    total: z.number().int(),
    deleted: z.array(z.string()).meta({ description: 'Old indices deleted after the swap' }),
    error: z.string().optional(),
    temporalUrl: z.string(),
  })
  .meta({ id: 'ReindexProgress' });
