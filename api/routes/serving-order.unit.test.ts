import { match } from 'path-to-regexp';
import type { Route } from '../openapi/route';
import { routes } from './index';
import { servingOrder } from './serving-order';

const route = (method: Route['method'], path: string) => ({ method, path }) as Route;

/**
 * Whether some request path is answered by both patterns: as many segments, and at each one a parameter on either
 * side or the same text (Express matches paths case-insensitively). Only plain `:name` parameters are understood.
 */
function answerSame(a: string, b: string): boolean {
  const sa = a.split('/');
  const sb = b.split('/');
  if (sa.length !== sb.length) return false;
  return sa.every((part, i) => {
    const other = sb[i]!;
    return part.startsWith(':') || other.startsWith(':') || part.toLowerCase() === other.toLowerCase();
  });
}

describe('servingOrder', () => {
  test('the shop first, the back office after, each in the order of the table', () => {
    const table = [
      route('get', '/api/health/live'),
      route('get', '/api/admin/users'),
      route('get', '/api/products'),
      route('post', '/api/admin/products'),
      route('get', '/api/products/:slug'),
      route('get', '/api/admin'),
    ];
    expect(servingOrder(table).map((r) => `${r.method} ${r.path}`)).toEqual([
      'get /api/health/live',
      'get /api/products',
      'get /api/products/:slug',
      'get /api/admin',
      'get /api/admin/users',
      'post /api/admin/products',
    ]);
  });

  test('keeps every route once', () => {
    expect(new Set(servingOrder(routes))).toEqual(new Set(routes));
    expect(servingOrder(routes)).toHaveLength(routes.length);
  });

  // What makes the order free: were two routes to answer one request, the one tried first would win.
  test('no two routes of the API answer the same request', () => {
    // Only plain segments and `:name` parameters, which answerSame understands.
    for (const { path } of routes) expect(path).toMatch(/^(\/(:\w+|[\w.-]+))+$/);
    const overlaps: string[] = [];
    routes.forEach((a, i) => {
      for (const b of routes.slice(i + 1)) {
        if (a.method === b.method && answerSame(a.path, b.path))
          overlaps.push(`${a.method} ${a.path} ↔ ${b.path}`);
      }
    });
    expect(overlaps).toEqual([]);
  });

  test('the overlap check finds a shared request wherever the parameters sit', () => {
    const shared = [
      ['/api/products/featured', '/api/products/:slug'],
      ['/x/:id/items', '/x/new/:part'],
      ['/API/Orders/:id', '/api/orders/:orderId'],
    ] as const;
    for (const [a, b] of shared) {
      expect(answerSame(a, b)).toBe(true);
      // path-to-regexp, which Express 5 routes with, agrees: a request both answer.
      const request = a
        .split('/')
        .map((part, i) => (part.startsWith(':') ? b.split('/')[i]! : part))
        .map((part) => (part.startsWith(':') ? 'sample' : part))
        .join('/');
      expect(match(a, { sensitive: false })(request.toLowerCase())).toBeTruthy();
      expect(match(b, { sensitive: false })(request.toLowerCase())).toBeTruthy();
    }
    expect(answerSame('/api/products/:slug', '/api/products/:slug/reviews')).toBe(false);
    expect(answerSame('/api/orders/:id/pay', '/api/orders/:id/cancel')).toBe(false);
  });
});
