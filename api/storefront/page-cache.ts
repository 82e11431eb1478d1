import type { Request as ExpressRequest, Response as ExpressResponse } from 'express';
import { createRequestHandler, type ServerBuild } from 'react-router';
import { catalogGeneration, catalogKey } from '../services/catalog-cache';
import type { Cache } from '../services/cache';
import type { CookieJar, ShopContext } from './context';

/** Catalog pages a visitor without any session or cart sees exactly like every other such visitor. */
const CACHEABLE = /^\/(?:$|c\/[^/]+$|p\/[^/]+$|search$)/;
const SESSION_COOKIE = /(?:^|;\s*)mk_(?:at|rt|cart)=/;
/** As long as the API's own catalog cache: a catalog edit bumps the generation and retires every page at once. */
export const PAGE_TTL_SECONDS = 60;

interface CachedPage {
  html: string;
  /** The nonce the page was rendered with; each visitor gets the page with a fresh one. */
  nonce: string;
  contentType: string;
}

export function isCacheablePage(req: ExpressRequest): boolean {
  return (
    (req.method === 'GET' || req.method === 'HEAD') &&
    CACHEABLE.test(req.path) &&
    !SESSION_COOKIE.test(req.get('cookie') ?? '')
  );
}

/**
 * Server-side cache of rendered catalog pages for anonymous visitors (home, categories, search, products): what a
 * CDN would do, inside the app, so a crowd landing on one product page costs one render per minute instead of one
 * per visitor. The key carries the catalog generation, so an edit shows at once; the nonce in the cached HTML is
 * swapped for this request's, so the CSP stays per response. A page that sets a cookie or is not a 200 is never
 * stored.
 */
export function anonymousPageCache(build: ServerBuild, cache: Cache) {
  const render = createRequestHandler(build, 'production');
  const inflight = new Map<string, Promise<{ page: CachedPage; status: number; storable: boolean }>>();

  async function renderPage(url: string, req: ExpressRequest, shop: ShopContext) {
    let setsCookie = false;
    const cookies: CookieJar = {
      get: shop.cookies.get,
      set: (...args) => {
        setsCookie = true;
        shop.cookies.set(...args);
      },
      clear: (name) => {
        setsCookie = true;
        shop.cookies.clear(name);
      },
    };
    const headers = new Headers();
    for (const name of ['accept', 'accept-language', 'user-agent']) {
      const value = req.get(name);
      if (value) headers.set(name, value);
    }
    const response = await render(new Request(url, { headers }), { shop: { ...shop, cookies } });
    const page: CachedPage = {
      html: await response.text(),
      nonce: shop.nonce,
      contentType: response.headers.get('content-type') ?? 'text/html; charset=utf-8',
    };
    const storable = response.status === 200 && !setsCookie && !response.headers.has('set-cookie');
    return { page, status: response.status, storable };
  }

  return async (req: ExpressRequest, res: ExpressResponse, shop: ShopContext): Promise<void> => {
    const url = new URL(req.originalUrl, `${req.protocol}://${req.get('host') ?? 'localhost'}`).href;
    const generation = await catalogGeneration(cache).catch(() => null);
    const key = generation === null ? null : catalogKey(generation, 'page', req.originalUrl);
    const hit = key ? await cache.get(key).catch(() => null) : null;
    let page: CachedPage;
    let status = 200;
    if (hit) {
      page = JSON.parse(hit) as CachedPage;
      res.setHeader('X-Page-Cache', 'hit');
    } else {
      // Concurrent misses for one page in this process share one render (with the first visitor's nonce).
      let running = key ? inflight.get(key) : undefined;
      if (!running) {
        running = renderPage(url, req, shop);
        if (key) {
          inflight.set(key, running);
          void running.finally(() => inflight.delete(key));
        }
      }
      const rendered = await running;
      ({ page, status } = rendered);
      if (key && rendered.storable) {
        await cache.set(key, JSON.stringify(page), PAGE_TTL_SECONDS).catch(() => undefined);
      }
      res.setHeader('X-Page-Cache', 'miss');
    }
    const html = page.nonce === shop.nonce ? page.html : page.html.split(page.nonce).join(shop.nonce);
    res.setHeader('Cache-Control', 'private, no-cache');
    res.status(status).type(page.contentType).send(html);
  };
}
