import { OpenAPIRegistry, OpenApiGeneratorV31 } from '@asteasolutions/zod-to-openapi';
import { z } from 'zod';
import {
  commonResponses,
  idempotencyKeyParameter,
  integerIdSchema,
  securityOf,
  securitySchemes,
} from './conventions';
import type { Route } from './route';

export const problemSchema = z
  .object({
    type: z.string(),
    title: z.string(),
    status: z.number().int(),
    detail: z.string(),
    instance: z.string(),
    code: z.string().meta({ description: 'Stable snake_case error code' }),
    requestId: z.string(),
    errors: z
      .array(z.object({ path: z.string(), message: z.string(), code: z.string() }))
      .optional()
      .meta({ description: 'Field errors (validation_failed only)' }),
  })
  .meta({ id: 'Problem' });

/** The 429 of a rate-limited route (api/middlewares/rate-limit.ts). */
export const rateLimited = {
  description: 'rate_limited: too many requests from this client; see Retry-After',
};

const toOpenApiPath = (path: string) => path.replace(/:([A-Za-z0-9_]+)/g, '{$1}');

/** Builds the OpenAPI 3.1 document from the same route definitions that Express mounts. */
export function buildOpenApiDocument(routes: Route[], info: { version: string; serverUrl: string }) {
  const registry = new OpenAPIRegistry();
  for (const route of routes) {
    const { params, query, body } = route.request ?? {};
    const responses = Object.fromEntries(
      Object.entries(route.responses).map(([status, spec]) => {
        const isError = Number(status) >= 400;
        const contentType = spec.contentType ?? (isError ? 'application/problem+json' : 'application/json');
        const schema = spec.schema ?? (isError ? problemSchema : undefined);
        return [
          status,
          { description: spec.description, ...(schema ? { content: { [contentType]: { schema } } } : {}) },
        ];
      }),
    );
    registry.registerPath({
      method: route.method,
      path: toOpenApiPath(route.path),
      summary: route.summary,
      description: route.description,
      tags: route.tags,
      request: {
        ...(params ? { params: params as never } : {}),
        ...(query ? { query: query as never } : {}),
        ...(body ? { body: { required: true, content: { 'application/json': { schema: body } } } } : {}),
      },
      responses,
    });
  }
  const document = new OpenApiGeneratorV31(registry.definitions).generateDocument({
    openapi: '3.1.0',
    info: {
      title: 'market API',
      version: info.version,
      description: 'Every order is a durable Temporal workflow. Errors are RFC 9457 problem+json.',
    },
    servers: [{ url: info.serverUrl }],
  });
  applyConventions(document as unknown as OpenApiDocument, routes);
  return document;
}

interface Operation {
  parameters?: { in: string; name: string; schema?: Record<string, unknown> }[];
  responses: Record<string, unknown>;
  security?: Record<string, string[]>[];
}
interface OpenApiDocument {
  paths: Record<string, Record<string, Operation>>;
  components?: { securitySchemes?: Record<string, unknown> } & Record<string, unknown>;
}

/** Adds what every operation shares (conventions.ts) to the generated document. */
function applyConventions(document: OpenApiDocument, routes: Route[]): void {
  document.components = { ...document.components, securitySchemes: { ...securitySchemes } };
  const problem = document.components['schemas'] ? { $ref: '#/components/schemas/Problem' } : undefined;
  for (const route of routes) {
    const operation = document.paths[toOpenApiPath(route.path)]?.[route.method];
    if (!operation) continue;
    for (const [status, spec] of Object.entries(commonResponses(route))) {
      operation.responses[status] ??= {
        ...spec,
        ...(problem ? { content: { 'application/problem+json': { schema: problem } } } : {}),
      };
    }
    operation.security = securityOf(route);
    for (const parameter of operation.parameters ?? []) {
      const integer = parameter.in === 'path' && parameter.schema ? integerIdSchema(parameter.schema) : null;
      if (integer) parameter.schema = integer;
    }
    const headers = idempotencyKeyParameter(route);
    if (headers.length) operation.parameters = [...(operation.parameters ?? []), ...headers];
  }
}
