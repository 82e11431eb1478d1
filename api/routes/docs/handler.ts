import { type Router, Router as createRouter } from 'express';
import swaggerUi from 'swagger-ui-express';
import { buildOpenApiDocument } from '../../openapi/document';
import type { Route } from '../../openapi/route';

/** GET /api/openapi.json (generated from the route schemas) and Swagger UI at /api/docs. */
export function docsRouter(routes: Route[], serverUrl: string): Router {
  const document = buildOpenApiDocument(routes, { version: '0.1.0', serverUrl });
  const router = createRouter();
  router.get('/api/openapi.json', (_req, res) => {
    res.json(document);
  });
  router.use('/api/docs', swaggerUi.serve, swaggerUi.setup(document, { customSiteTitle: 'market API' }));
  return router;
}
