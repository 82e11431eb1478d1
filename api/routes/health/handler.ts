import { defineRoute } from '../../openapi/route';
import { checkReadiness } from './checks';
import { livenessSchema, readinessSchema } from './schema';

const startedAt = Date.now();

export const live = defineRoute({
  method: 'get',
  access: 'public',
  path: '/api/health/live',
  summary: 'Liveness: the process is up and serving HTTP',
  tags: ['Health'],
  responses: { 200: { description: 'Alive', schema: livenessSchema } },
  handler: () => ({ status: 'ok' as const, uptimeSeconds: Math.round((Date.now() - startedAt) / 1000) }),
});

export const ready = defineRoute({
  method: 'get',
  access: 'public',
  path: '/api/health/ready',
  summary:
    'Readiness: the database, the cache, Temporal, object storage and search (if configured) all answer',
  tags: ['Health'],
  responses: {
    200: { description: 'Every dependency answers', schema: readinessSchema },
    503: {
      description: 'At least one dependency is down',
      schema: readinessSchema,
      contentType: 'application/json',
    },
  },
  handler: async ({ deps, res }) => {
    const readiness = await checkReadiness(deps);
    res.setHeader('Cache-Control', 'no-store');
    res.status(readiness.status === 'ok' ? 200 : 503).json(readiness);
  },
});

export const healthRoutes = [live, ready];
