import path from 'node:path';
import compression from 'compression';
import express, { type Router } from 'express';
import type { AppDeps } from '../deps';
import { NotFoundError } from '../errors';
import type { AdminBuild } from './build';
import { adminCsp } from './csp';

/**
 * Serves the built back office at /admin: hashed assets cached for a year, the page itself revalidated on every
 * visit (a deploy shows at once). react-admin routes with the URL hash (`/admin/#/orders`), so the server only ever
 * answers `/admin/`. The data comes from /api/admin, whose policies refuse what the UI hides.
 */
export function adminRouter(build: AdminBuild, deps: AppDeps): Router {
  const csp = adminCsp(deps.config);
  const index = path.join(build.dir, 'index.html');
  const router = express.Router();
  router.use(compression({ threshold: 1024 }));
  router.use((_req, res, next) => {
    res.setHeader('Content-Security-Policy', csp);
    res.setHeader('Referrer-Policy', 'same-origin');
    next();
  });
  router.get('/', (req, res, next) => {
    // `/admin` → `/admin/`, so the page's relative world (and the hash router) starts from the folder.
    if (!req.originalUrl.split('?')[0]!.endsWith('/')) return res.redirect(301, `${req.baseUrl}/`);
    res.setHeader('Cache-Control', 'no-cache');
    res.sendFile(index, (err) => err && next(err));
  });
  router.use(
    '/assets',
    express.static(path.join(build.dir, 'assets'), { immutable: true, maxAge: '1y', index: false }),
  );
  router.use(express.static(build.dir, { index: false, maxAge: '1h' }));
  // Nothing else lives under /admin: a stale asset link gets a 404 problem, not the shop's page.
  router.use((req, _res, next) =>
    next(new NotFoundError(`No file ${req.baseUrl}${req.path} in the back office.`)),
  );
  return router;
}
