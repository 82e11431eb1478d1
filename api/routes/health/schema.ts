import { z } from 'zod';

export const checkSchema = z.object({
  status: z.enum(['ok', 'error']),
  latencyMs: z.number().int(),
  error: z.string().optional(),
});

export const readinessSchema = z
  .object({
    status: z.enum(['ok', 'error']),
    checks: z.object({
      database: checkSchema,
      cache: checkSchema,
      temporal: checkSchema,
      storage: checkSchema,
      /** Absent on the embedded default, whose index is in-process (built before the server listens). */
      search: checkSchema.optional(),
    }),
  })
  .meta({ id: 'Readiness' });

export const livenessSchema = z
  .object({ status: z.literal('ok'), uptimeSeconds: z.number() })
  .meta({ id: 'Liveness' });
