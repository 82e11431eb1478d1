import { Writable } from 'node:stream';
import request from 'supertest';
import { createApp } from './app';
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
