import cors from 'cors';
import express, { type Express } from 'express';
import helmet from 'helmet';
import type { AppDeps } from './deps';
import { UnauthorizedError } from './errors';
import { createPassport } from './middlewares/authenticate';
import { errorHandler, notFound } from './middlewares/error-handler';
import { guard } from './middlewares/guard';
import { accessLog } from './middlewares/access-log';
import { measureRequests } from './middlewares/metrics';
import { requestId } from './middlewares/request-id';
import { methodNotAllowed } from './middlewares/method-not-allowed';
import { noStore } from './middlewares/no-store';
import { JSON_TYPES, requireJson } from './middlewares/require-json';
import { validate } from './middlewares/validate';
import { type Route, runHandler } from './openapi/route';
import { docsRouter } from './routes/docs/handler';
import { routes as apiRoutes } from './routes';
import { servingOrder } from './routes/serving-order';
import { STORAGE_MOUNT, storageRouter } from './routes/storage/handler';
import type { RawBodyRequest } from './routes/webhooks/handler';
import { createMetrics, type Metrics } from './services/metrics';
import type { AdminBuild } from './admin-ui/build';
import { adminRouter } from './admin-ui/router';
import type { StorefrontBuild } from './storefront/load';
import { storefrontRouter } from './storefront/router';

export interface AppOptions {
  /** Replaces the route table (tests mount extra routes this way). */
  routes?: Route[];
  metrics?: Metrics;
  /** The built shop, served at `/` after the API (api/storefront/); none: the API alone. */
  storefront?: StorefrontBuild | null;
  /** The built back office, served at `/admin` (api/admin-ui/); none: no /admin. */
  admin?: AdminBuild | null;
}

/** Builds the Express app. No listen(): main.ts serves it, tests call it in-process. */
export function createApp(deps: AppDeps, options: AppOptions = {}): Express {
  const { config, log } = deps;
  const routes = options.routes ?? apiRoutes;
  const metrics = options.metrics ?? createMetrics();
  const app = express();

  app.disable('x-powered-by');
  app.set('trust proxy', config.http.trustProxy);
  app.use(requestId());
  app.use(accessLog(log, (req) => req.url === '/metrics' || req.url.startsWith('/api/health/')));
  app.use(helmet());
  app.use(
    cors({
      origin: (origin, done) => done(null, !origin || config.http.corsOrigins.includes(origin)),
      credentials: true,
      exposedHeaders: ['Content-Range', 'X-Total-Count', 'X-Request-Id', 'ETag', 'Cart-Token'],
    }),
  );
  app.use(measureRequests(metrics));

  app.get('/metrics', async (req, res, next) => {
    if (config.metricsToken && req.get('authorization') !== `Bearer ${config.metricsToken}`) {
      return next(new UnauthorizedError('A metrics token is required.'));
    }
    res.type(metrics.registry.contentType).send(await metrics.registry.metrics());
  });

  // Before the JSON-only body handling: uploads to the local storage route are image bytes.
  app.use(STORAGE_MOUNT, storageRouter(deps));
  app.use(
    '/api',
    noStore(),
    requireJson(),
    express.json({
      limit: config.http.bodyLimit,
      strict: true,
      // What requireJson lets through: application/json and the structured +json types (merge-patch, problem…).
      type: JSON_TYPES,
      // Webhook signatures are over the exact bytes received: keep them for those routes only.
      verify: (req, _res, buf) => {
        if (req.url?.startsWith('/webhooks/')) (req as unknown as RawBodyRequest).rawBody = Buffer.from(buf);
      },
    }),
  );
  if (!config.auth.jwtSecret && routes.some((r) => r.access !== 'public')) {
    throw new Error('JWT_SECRET is not configured: protected routes cannot verify tokens');
  }
  const passport = createPassport(deps);
  for (const route of servingOrder(routes)) {
    const before = typeof route.before === 'function' ? route.before(deps) : (route.before ?? []);
    const chain = [...guard(route, passport), ...before, validate(route), runHandler(route, deps)];
    app[route.method](route.path, ...chain);
  }
  app.use(docsRouter(routes, config.http.publicUrl));
  if (options.admin) app.use('/admin', adminRouter(options.admin, deps));
  if (options.storefront) app.use(storefrontRouter(options.storefront, app, deps));

  app.use(methodNotAllowed(routes));
  app.use(notFound());
  app.use(errorHandler(log));
  return app;
}
