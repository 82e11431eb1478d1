import { match } from 'path-to-regexp';
import type { Route } from '../openapi/route';
import { routes } from './index';
import { servingOrder } from './serving-order';

const route = (method: Route['method'], path: string) => ({ method, path }) as Route;

/** A request path the route answers: each parameter given a value no static segment has. */
const samplePath = (path: string) => path.replace(/:(\w+)/g, (_all, name: string) => `sample-${name}`);

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
    const overlaps: string[] = [];
    for (const a of routes) {
      for (const b of routes) {
        if (a === b || a.method !== b.method) continue;
        if (match(b.path)(samplePath(a.path))) overlaps.push(`${a.method} ${a.path} ↔ ${b.path}`);
      }
    }
    expect(overlaps).toEqual([]);
  });

  test('the overlap check finds a parameter that takes a static segment', () => {
    const a = route('get', '/api/products/featured');
    const b = route('get', '/api/products/:slug');
    expect(match(b.path)(samplePath(a.path))).toBeTruthy();
  });
});
