import { Writable } from 'node:stream';
import express from 'express';
import request from 'supertest';
import { createLogger } from '../logger';
import { accessLog } from './access-log';
import { requestId } from './request-id';

interface Line {
  level: number;
  msg: string;
  req?: { id: string; method: string; url: string };
  res?: { statusCode: number };
  responseTime?: number;
  step?: string;
}

function appLoggingAt(level: string) {
  const lines: Line[] = [];
  const sink = new Writable({
    write(chunk: Buffer, _encoding, done) {
      lines.push(JSON.parse(chunk.toString()) as Line);
      done();
    },
  });
  const app = express();
  app.use(requestId());
  app.use(accessLog(createLogger({ level }, sink), (req) => req.url.startsWith('/health')));
  app.get('/ok', (_req, res) => {
    res.json({ ok: true });
  });
  app.get('/boom', (_req, res) => {
    res.status(503).json({ down: true });
  });
  app.get('/health', (_req, res) => {
    res.send('up');
  });
  app.get('/slow', (_req, res) => {
    setTimeout(() => res.end(), 1_000);
  });
  app.get('/step', (req, res) => {
    req.log.warn({ step: 'checked' }, 'a handler line');
    res.status(204).end();
  });
  return { app, lines };
}

test('one info line per answered request, error for a 5xx, none for ignored paths', async () => {
  const { app, lines } = appLoggingAt('info');
  await request(app).get('/ok?page=2').set('X-Request-Id', 'req-000-ok');
  await request(app).get('/boom');
  await request(app).get('/health');

  expect(lines).toHaveLength(2);
  expect(lines[0]).toMatchObject({
    level: 30,
    msg: 'request completed',
    req: { id: 'req-000-ok', method: 'GET', url: '/ok?page=2' },
    res: { statusCode: 200 },
  });
  expect(lines[0]!.responseTime).toBeGreaterThanOrEqual(0);
  expect(lines[1]).toMatchObject({ level: 50, msg: 'request completed', res: { statusCode: 503 } });
});

test("a handler's req.log carries the request, and lines below the level are not written", async () => {
  const { app, lines } = appLoggingAt('warn');
  await request(app).get('/ok');
  await request(app).get('/step').set('X-Request-Id', 'req-000-step');
  await request(app).get('/boom');

  expect(lines.map((line) => line.msg)).toEqual(['a handler line', 'request completed']);
  expect(lines[0]).toMatchObject({ level: 40, step: 'checked', req: { id: 'req-000-step', url: '/step' } });
  expect(lines[1]).toMatchObject({ level: 50, res: { statusCode: 503 } });
});

test('a request the client left before the answer is logged as aborted', async () => {
  const { app, lines } = appLoggingAt('info');
  await expect(request(app).get('/slow').timeout(50)).rejects.toThrow(/timeout/i);
  await new Promise((resolve) => setTimeout(resolve, 100));

  expect(lines).toHaveLength(1);
  expect(lines[0]).toMatchObject({ level: 30, msg: 'request aborted', req: { url: '/slow' } });
});
