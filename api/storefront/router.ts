import { randomBytes } from 'node:crypto';
import path from 'node:path';
import { createRequestHandler } from '@react-router/express';
import compression from 'compression';
import express, { type Express, type Request, type Response, type Router } from 'express';
import type { AppDeps } from '../deps';
import { ForbiddenError } from '../errors';
import type { ShopContext } from './context';
import { cookieJar } from './cookies';
import { storefrontCsp } from './csp';
import { apiDispatcher } from './dispatch';
import { anonymousPageCache, isCacheablePage } from './page-cache';
import type { StorefrontBuild } from './load';

/** Paths the shop never answers: they stay the API's (and its problem+json 404). */
const NOT_SHOP = /^\/(api|metrics)(\/|$)/;
const shopCompression = compression({ threshold: 1024 });

/**
 * Serves the server-rendered shop: hashed assets (cached for a year), then every other GET/POST through React
 * Router with the shopper's cookies, an in-process API client and a CSP nonce in its load context.
 */
export function storefrontRouter(build: StorefrontBuild, app: Express, deps: AppDeps): Router {
  const { config } = deps;
  const secure = config.http.publicUrl.startsWith('https:');
  const publicOrigin = new URL(config.http.publicUrl).origin;
  const settings: ShopContext['settings'] = {
    name: config.shop.name,
    currency: config.checkout.currency,
    brandColor: config.shop.brandColor,
    logoUrl: config.shop.logoUrl,
    supportEmail: config.shop.supportEmail,
    googleSignIn: config.auth.google !== null,
    publicUrl: config.http.publicUrl,
    payments:
      config.payments.provider === 'stripe'
        ? { provider: 'stripe', publishableKey: config.payments.publishableKey }
        : { provider: 'test' },
  };
  const shopContext = (req: Request, res: Response): ShopContext => ({
    api: apiDispatcher(app, req),
    cookies: cookieJar(req, res, secure),
    nonce: res.locals.cspNonce as string,
    settings,
  });
  const handle = createRequestHandler({
    build: build.server,
    mode: 'production',
    getLoadContext: (req, res) => ({ shop: shopContext(req, res) }),
  });
  const cachedPage = anonymousPageCache(build.server, deps.cache);

  const router = express.Router();
  // Pages, scripts and styles go out compressed (a phone on a slow network waits for bytes, not for our CPU).
  router.use((req, res, next) => (NOT_SHOP.test(req.path) ? next() : shopCompression(req, res, next)));
  router.use(
    '/assets',
    express.static(path.join(build.clientDir, 'assets'), { immutable: true, maxAge: '1y', index: false }),
  );
  router.use(express.static(build.clientDir, { index: false, maxAge: '1h' }));
  router.use((req, res, next) => {
    if (NOT_SHOP.test(req.path) || (req.method !== 'GET' && req.method !== 'HEAD' && req.method !== 'POST')) {
      return next();
    }
    // Forms post only from our own pages (SameSite=Lax cookies already keep other sites' posts anonymous).
    const origin = req.get('origin');
    if (
      req.method === 'POST' &&
      origin &&
      origin !== publicOrigin &&
      origin !== `${req.protocol}://${req.get('host')}`
    ) {
      return next(new ForbiddenError('Cross-site form posts are refused.'));
    }
    const nonce = randomBytes(16).toString('base64');
    res.locals.cspNonce = nonce;
    res.setHeader('Content-Security-Policy', storefrontCsp(config, nonce));
    // helmet's no-referrer makes browsers send `Origin: null` on the shop's own form posts (JavaScript off); same-origin
    // keeps the origin for our checks and still tells other sites nothing.
    res.setHeader('Referrer-Policy', 'same-origin');
    if (isCacheablePage(req)) return cachedPage(req, res, shopContext(req, res)).catch(next);
    return handle(req, res, next);
  });
  return router;
}
