import { gzipSync } from 'node:zlib';
import request from 'supertest';
import { z } from 'zod';
import { createApp } from './app';
import { AppError } from './errors';
import { defineRoute } from './openapi/route';
import { routes } from './routes';
import { createTestDeps, type TestDeps } from './testing/deps';

// A write route that exists only in this test, so "nothing written" can be checked against a real table.
const createTag = defineRoute({
  method: 'post',
  path: '/api/test/tags',
  access: 'public',
  summary: 'test only',
  tags: ['Test'],
  status: 201,
  request: {
    body: z
      .object({
        slug: z
          .string()
          .regex(/^[a-z0-9-]+$/)
          .max(60),
        name: z.string().min(1).max(60),
      })
      .strict(),
  },
  responses: { 201: { description: 'created' } },
  handler: async ({ input, deps }) => {
    const tag = await deps.db.models.Tag.create(input.body);
    return { id: tag.id, slug: tag.slug };
  },
});
const crash = defineRoute({
  method: 'get',
  path: '/api/test/crash',
  access: 'public',
  summary: 'test only',
  tags: ['Test'],
  responses: {},
  handler: () => {
    throw new Error('secret internal detail');
  },
});
const teapot = defineRoute({
  method: 'get',
  path: '/api/test/teapot',
  access: 'public',
  summary: 'test only',
  tags: ['Test'],
  responses: {},
  handler: () => {
    throw new AppError(418, 'teapot', 'I am a teapot', 'Short and stout.');
  },
});

// A list route with a JSON `filter`, like the admin lists (ra-data-simple-rest).
const filtered = defineRoute({
  method: 'get',
  path: '/api/test/filtered',
  access: 'public',
  summary: 'test only',
  tags: ['Test'],
  request: {
    query: z
      .object({
        filter: z
          .string()
          .transform((text) => JSON.parse(text) as unknown)
          .pipe(z.object({ q: z.string().optional() }).strict())
          .optional(),
      })
      .strict(),
  },
  responses: { 200: { description: 'the filter as parsed' } },
  handler: ({ input }) => input.query,
});

let deps: TestDeps;
let app: ReturnType<typeof createApp>;
const unique = () => `t-${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 8)}`;
const tagCount = () => deps.db.models.Tag.count();

beforeAll(async () => {
  deps = await createTestDeps({ BODY_LIMIT: '1kb' });
  app = createApp(deps, { routes: [...routes, createTag, crash, teapot, filtered] });
});
afterAll(async () => {
  await deps.close();
});

/** superagent would serialize a Buffer as JSON under a JSON content type: send the bytes as they are. */
const asBytes = (body: unknown) => body as string;
const bytes = (buffer: Buffer) => buffer as unknown as string;

function expectProblem(res: request.Response, status: number, code: string) {
  expect(res.status).toBe(status);
  expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
  expect(res.body).toMatchObject({ status, code, type: `urn:market:problem:${code}` });
  expect(res.body.requestId).toBe(res.headers['x-request-id']);
}

describe('health', () => {
  test('live answers 200', async () => {
    const res = await request(app).get('/api/health/live');
    expect(res.status).toBe(200);
    expect(res.body.status).toBe('ok');
  });

  test('ready checks the real database, Redis and Temporal', async () => {
    const res = await request(app).get('/api/health/ready');
    expect(res.status).toBe(200);
    expect(res.body.status).toBe('ok');
    for (const name of ['database', 'cache', 'temporal']) expect(res.body.checks[name].status).toBe('ok');
  });

  test('ready answers 503 and names the dependency that is down', async () => {
    const down = {
      ...deps,
      cache: { ...deps.cache, ping: () => Promise.reject(new Error('connect ECONNREFUSED')) },
    };
    const res = await request(createApp(down)).get('/api/health/ready');
    expect(res.status).toBe(503);
    expect(res.body.checks.cache).toMatchObject({ status: 'error', error: 'connect ECONNREFUSED' });
    expect(res.body.checks.database.status).toBe('ok');
  });
});

describe('bad input is a 4xx problem and writes nothing', () => {
  const post = () => request(app).post('/api/test/tags');

  test('a valid request writes (so the checks below mean something)', async () => {
    const before = await tagCount();
    const res = await post().send({ slug: unique(), name: 'Garden' });
    expect(res.status).toBe(201);
    expect(await tagCount()).toBe(before + 1);
  });

  test.each([
    ['malformed JSON', '{"slug": "x", ', 'application/json', 400, 'malformed_json'],
    [
      'wrong content type',
      'slug=x&name=y',
      'application/x-www-form-urlencoded',
      415,
      'unsupported_media_type',
    ],
    ['text body', 'hello', 'text/plain', 415, 'unsupported_media_type'],
    [
      'oversized body',
      JSON.stringify({ slug: 'big', name: 'x'.repeat(2048) }),
      'application/json',
      413,
      'payload_too_large',
    ],
    ['JSON that is not an object', '[1,2]', 'application/json', 422, 'validation_failed'],
  ])('%s', async (_name, body, type, status, code) => {
    const before = await tagCount();
    const res = await post().set('Content-Type', type).send(body);
    expectProblem(res, status, code);
    expect(await tagCount()).toBe(before);
  });

  test.each(['gzip', 'deflate', 'br'])(
    'a corrupt %s body is a 400 malformed_body problem, not a 500',
    async (encoding) => {
      const before = await tagCount();
      const res = await post()
        .set('Content-Type', 'application/json')
        .set('Content-Encoding', encoding)
        .serialize(asBytes)
        .send(bytes(Buffer.from('definitely not a compressed stream')));
      expectProblem(res, 400, 'malformed_body');
      expect(await tagCount()).toBe(before);
    },
  );

  test('a truncated gzip body is a 400 too', async () => {
    const whole = gzipSync(JSON.stringify({ slug: unique(), name: 'Garden' }));
    const res = await post()
      .set('Content-Type', 'application/json')
      .set('Content-Encoding', 'gzip')
      .serialize(asBytes)
      .send(bytes(whole.subarray(0, whole.length - 8)));
    expectProblem(res, 400, 'malformed_body');
  });

  test('a whole gzip body is read', async () => {
    const res = await post()
      .set('Content-Type', 'application/json')
      .set('Content-Encoding', 'gzip')
      .serialize(asBytes)
      .send(bytes(gzipSync(JSON.stringify({ slug: unique(), name: 'Garden' }))));
    expect(res.status).toBe(201);
  });

  test('structured +json bodies (application/merge-patch+json…) are read as JSON, not dropped', async () => {
    const before = await tagCount();
    const res = await post()
      .set('Content-Type', 'application/merge-patch+json')
      .send(JSON.stringify({ slug: unique(), name: 'Garden' }));
    expect(res.status).toBe(201);
    expect(await tagCount()).toBe(before + 1);
  });

  test.each([
    ['a NUL in a search', '/api/products?q=%00', 'query.q'],
    ['an escape in a search', '/api/products?q=lamp%1B', 'query.q'],
    ['a newline in a slug', '/api/products/lamp%0A', 'params.slug'],
    [
      'a NUL inside a JSON filter',
      `/api/test/filtered?filter=${encodeURIComponent('{"q":"\\u0000"}')}`,
      'query.filter.q',
    ],
  ])('%s is a 422 naming it, not a 500', async (_name, url, path) => {
    const res = await request(app).get(url);
    expectProblem(res, 422, 'validation_failed');
    expect(res.body.errors).toContainEqual(expect.objectContaining({ path, code: 'control_character' }));
  });

  test('the same JSON filter without control characters is answered', async () => {
    const res = await request(app).get(`/api/test/filtered?filter=${encodeURIComponent('{"q":"lamp"}')}`);
    expect(res.status).toBe(200);
    expect(res.body).toEqual({ filter: { q: 'lamp' } });
  });

  test('unknown fields are named', async () => {
    const before = await tagCount();
    const res = await post().send({ slug: unique(), name: 'Garden', isAdmin: true });
    expectProblem(res, 422, 'validation_failed');
    expect(res.body.errors).toEqual([
      expect.objectContaining({ path: 'body.isAdmin', code: 'unrecognized_keys' }),
    ]);
    expect(await tagCount()).toBe(before);
  });

  test('wrong types and missing fields are named', async () => {
    const res = await post().send({ slug: 'Not A Slug!' });
    expectProblem(res, 422, 'validation_failed');
    expect(res.body.errors.map((e: { path: string }) => e.path).sort()).toEqual(['body.name', 'body.slug']);
  });

  test('a duplicate is a 409, not a 500', async () => {
    const slug = unique();
    expect((await post().send({ slug, name: 'One' })).status).toBe(201);
    expectProblem(await post().send({ slug, name: 'Two' }), 409, 'duplicate');
  });

  test('a body sent to a route that takes none is rejected', async () => {
    const res = await request(app)
      .get('/api/health/live')
      .set('Content-Type', 'application/json')
      .send('{"a":1}');
    expectProblem(res, 422, 'validation_failed');
  });

  test('unknown route', async () => {
    expectProblem(await request(app).get('/api/nope'), 404, 'route_not_found');
    expectProblem(await request(app).delete('/api/nope/42'), 404, 'route_not_found');
  });

  test('a known path with another method is a 405 naming the methods it takes', async () => {
    const live = await request(app).delete('/api/health/live');
    expectProblem(live, 405, 'method_not_allowed');
    expect(live.headers.allow).toBe('GET, HEAD');
    const product = await request(app).put('/api/products/some-lamp');
    expectProblem(product, 405, 'method_not_allowed');
    expect(product.headers.allow).toBe('GET, HEAD');
    const items = await request(app).get('/api/cart/items');
    expectProblem(items, 405, 'method_not_allowed');
    expect(items.headers.allow).toBe('POST');
  });
});

describe('Cache-Control', () => {
  test('API answers are no-store unless the route caches (the public catalog: public, no-cache)', async () => {
    expect((await request(app).get('/api/health/live')).headers['cache-control']).toBe('no-store');
    expect((await request(app).get('/api/nope')).headers['cache-control']).toBe('no-store');
    const created = await request(app).post('/api/test/tags').send({ slug: unique(), name: 'Garden' });
    expect(created.headers['cache-control']).toBe('no-store');
    const login = await request(app)
      .post('/api/auth/login')
      .send({ email: 'nobody@example.test', password: 'x' });
    expect(login.headers['cache-control']).toBe('no-store');
    expect((await request(app).get('/api/me')).headers['cache-control']).toBe('no-store');
    const tree = await request(app).get('/api/categories');
    expect(tree.status).toBe(200);
    expect(tree.headers['cache-control']).toBe('public, no-cache');
  });
});

describe('errors', () => {
  test('an unexpected error is a generic 500 that leaks nothing', async () => {
    const res = await request(app).get('/api/test/crash');
    expectProblem(res, 500, 'internal_error');
    expect(JSON.stringify(res.body)).not.toContain('secret');
  });

  test('an AppError keeps its status and code', async () => {
    expectProblem(await request(app).get('/api/test/teapot'), 418, 'teapot');
  });
});

describe('cross-cutting HTTP behaviour', () => {
  test('request ids are generated, or reused when well-formed', async () => {
    const generated = await request(app).get('/api/health/live');
    expect(generated.headers['x-request-id']).toMatch(/^[0-9a-f-]{36}$/);
    const reused = await request(app).get('/api/health/live').set('X-Request-Id', 'proxy-abc-12345');
    expect(reused.headers['x-request-id']).toBe('proxy-abc-12345');
    const unsafe = await request(app).get('/api/health/live').set('X-Request-Id', 'bad id <script>');
    expect(unsafe.headers['x-request-id']).not.toContain('script');
  });

  test('CORS allows only configured origins and exposes Content-Range', async () => {
    const allowed = await request(app).get('/api/health/live').set('Origin', 'https://shop.example');
    expect(allowed.headers['access-control-allow-origin']).toBe('https://shop.example');
    expect(allowed.headers['access-control-expose-headers']).toContain('Content-Range');
    const denied = await request(app).get('/api/health/live').set('Origin', 'https://evil.example');
    expect(denied.headers['access-control-allow-origin']).toBeUndefined();
  });

  test('security headers are set and the framework is not advertised', async () => {
    const res = await request(app).get('/api/health/live');
    expect(res.headers['x-content-type-options']).toBe('nosniff');
    expect(res.headers['content-security-policy']).toBeDefined();
    expect(res.headers['x-powered-by']).toBeUndefined();
  });

  test('metrics report request durations by route pattern', async () => {
    await request(app).get('/api/health/live');
    await request(app).get('/api/nope');
    await request(app).get('/api/products');
    // A route's own 404 (no such product) keeps its pattern: the label is never the raw path.
    await request(app).get('/api/products/no-such-product');
    const res = await request(app).get('/metrics');
    expect(res.status).toBe(200);
    expect(res.text).toContain('http_request_duration_seconds_bucket');
    expect(res.text).toMatch(/route="\/api\/health\/live",status_code="200"/);
    expect(res.text).toMatch(/route="unmatched",status_code="404"/);
    expect(res.text).toMatch(/route="\/api\/products",status_code="200"/);
    expect(res.text).toMatch(/route="\/api\/products\/:slug",status_code="404"/);
    expect(res.text).not.toContain('no-such-product');
  });

  test('metrics can require a token', async () => {
    const guarded = createApp({
      ...deps,
      config: { ...deps.config, metricsToken: 'a-very-long-metrics-token' },
    });
    expectProblem(await request(guarded).get('/metrics'), 401, 'unauthorized');
    const ok = await request(guarded)
      .get('/metrics')
      .set('Authorization', 'Bearer a-very-long-metrics-token');
    expect(ok.status).toBe(200);
  });
});

describe('OpenAPI', () => {
  test('the document is generated from the route schemas', async () => {
    const res = await request(app).get('/api/openapi.json');
    expect(res.status).toBe(200);
    expect(res.body.openapi).toBe('3.1.0');
    expect(res.body.paths['/api/health/ready'].get.responses['503']).toBeDefined();
    const body = res.body.paths['/api/test/tags'].post.requestBody.content['application/json'].schema;
    expect(body.additionalProperties).toBe(false);
    expect(body.required).toEqual(['slug', 'name']);
  });

  test('Swagger UI is served', async () => {
    const res = await request(app).get('/api/docs/');
    expect(res.status).toBe(200);
    expect(res.text).toContain('swagger-ui');
  });
});
