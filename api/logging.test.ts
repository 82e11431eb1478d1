import { Writable } from 'node:stream';
import request from 'supertest';
import { createApp } from './app';
import { CART_TEST_ENV, createCartProduct } from './routes/cart/testing';
import { createLogger } from './logger';
import { createTestDeps, type TestDeps } from './testing/deps';

// Request logs must never carry secrets: bearer tokens, cookies, OAuth codes and states, or our one-time codes.
let deps: TestDeps;
let lines: string[];

beforeAll(async () => {
  deps = await createTestDeps({
    GOOGLE_CLIENT_ID: 'client-id',
    GOOGLE_CLIENT_SECRET: 'client-secret',
    STOREFRONT_URL: 'https://shop.example',
    ...CART_TEST_ENV,
  });
});
afterAll(() => deps.close());

function appWithCapturedLogs() {
  lines = [];
  const sink = new Writable({
    write(chunk: Buffer, _encoding, done) {
      lines.push(chunk.toString());
      done();
    },
  });
  return createApp({ ...deps, log: createLogger({ level: 'info' }, sink) });
}

test('auth secrets stay out of the request log', async () => {
  const app = appWithCapturedLogs();
  await request(app)
    .get('/api/auth/google/callback?code=GOOGLE-CODE-SECRET&state=STATE-SECRET')
    .set('Cookie', 'market_oauth_state=COOKIE-SECRET');
  await request(app).get('/api/me').set('Authorization', 'Bearer ACCESS-TOKEN-SECRET');
  await request(app).post('/api/auth/login').send({ email: 'a@example.test', password: 'PASSWORD-SECRET' });

  const log = lines.join('');
  expect(lines.length).toBeGreaterThanOrEqual(3);
  expect(log).toContain('/api/auth/google/callback');
  for (const secret of ['GOOGLE-CODE', 'STATE-SECRET', 'COOKIE-SECRET', 'ACCESS-TOKEN', 'PASSWORD-SECRET']) {
    expect(log).not.toContain(secret);
  }
});

test('no token of any kind reaches a log line: guest cart tokens, refresh tokens, API keys', async () => {
  const app = appWithCapturedLogs();
  // A guest cart: the API answers its token in the Cart-Token header (and body), the client sends it back.
  const product = await createCartProduct(deps);
  const added = await request(app).post('/api/cart/items').send({ productId: product.id, quantity: 1 });
  expect(added.status).toBe(200);
  const cartToken = added.headers['cart-token'] as string;
  expect(cartToken).toBeTruthy();
  await request(app).get('/api/cart').set('Cart-Token', cartToken);
  await request(app).get('/api/cart').set('Cart-Token', 'CART-TOKEN-SECRET');
  await request(app).post('/api/auth/refresh').send({ refreshToken: 'REFRESH-TOKEN-SECRET' });
  await request(app)
    .get('/api/health/live')
    .set('X-Api-Key', 'API-KEY-SECRET')
    .set('Proxy-Authorization', 'Basic PROXY-SECRET');
  await request(app)
    .get('/api/products')
    .set('X-Api-Key', 'API-KEY-SECRET')
    .set('Proxy-Authorization', 'PROXY-SECRET');

  const log = lines.join('');
  expect(lines.length).toBeGreaterThanOrEqual(5);
  expect(log).toContain('"url":"/api/cart"');
  for (const secret of [cartToken, 'CART-TOKEN-SECRET', 'REFRESH-TOKEN', 'API-KEY-SECRET', 'PROXY-SECRET']) {
    expect(log).not.toContain(secret);
  }
  // The access log keeps an allow-list of headers (logger.ts): a credential header is not even named.
  for (const header of [
    'cart-token',
    'authorization',
    'proxy-authorization',
    'x-api-key',
    'cookie',
    'set-cookie',
  ]) {
    expect(log.toLowerCase()).not.toContain(`"${header}"`);
  }
});

test('the access log keeps the request line, the peer, the allowed headers and the status', async () => {
  const app = appWithCapturedLogs();
  await request(app).get('/api/products?page=1').set('User-Agent', 'market-test/1.0');

  const entry = JSON.parse(lines.find((line) => line.includes('/api/products'))!) as {
    req: { id: string; method: string; url: string; remoteAddress: string; headers: Record<string, string> };
    res: { statusCode: number };
    responseTime: number;
  };
  expect(entry.req).toMatchObject({ method: 'GET', url: '/api/products?page=1' });
  expect(entry.req.id).toMatch(/^[\w-]{8,}$/);
  expect(entry.req.remoteAddress).toMatch(/127\.0\.0\.1/);
  expect(entry.req.headers['user-agent']).toBe('market-test/1.0');
  expect(entry.res.statusCode).toBe(200);
  expect(entry.responseTime).toBeGreaterThanOrEqual(0);
});

test('other log lines are still redacted: secret fields and credential headers', () => {
  lines = [];
  const sink = new Writable({
    write(chunk: Buffer, _encoding, done) {
      lines.push(chunk.toString());
      done();
    },
  });
  createLogger({ level: 'info' }, sink).info(
    {
      user: { email: 'a@example.test', password: 'PASSWORD-SECRET', refreshToken: 'REFRESH-SECRET' },
      req: { headers: { authorization: 'Bearer ACCESS-SECRET', cookie: 'COOKIE-SECRET' } },
    },
    'something happened',
  );
  const log = lines.join('');
  expect(log).toContain('a@example.test');
  expect(log).toContain('[redacted]');
  for (const secret of ['PASSWORD-SECRET', 'REFRESH-SECRET', 'ACCESS-SECRET', 'COOKIE-SECRET']) {
    expect(log).not.toContain(secret);
  }
});
