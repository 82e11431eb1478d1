import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import express from 'express';
import type { ApiAnswer } from './context';
import { apiDispatcher } from './dispatch';

// The storefront's in-process API calls go through a real Express chain (body parsing, headers, req.ip) and leave
// the outer request, which is still being served, untouched.
test('in-process calls see the body, headers and client address, and the outer response still streams', async () => {
  const app = express();
  app.set('trust proxy', false);
  app.use(express.json());
  app.get('/api/echo', (req, res) => {
    res
      .set('Cart-Token', 'tok')
      .json({ ip: req.ip, agent: req.get('user-agent'), auth: req.get('authorization') });
  });
  app.post('/api/things', (req, res) => {
    res.status(201).json({ got: req.body as unknown });
  });
  app.get('/api/pdf', (_req, res) => {
    res.type('application/pdf').send(Buffer.from([0x25, 0x50, 0x44, 0x46, 0xff, 0x00]));
  });
  app.get('/page', async (req, res) => {
    const api = apiDispatcher(app, req);
    const answers: ApiAnswer[] = [
      await api({ method: 'GET', path: '/api/echo', headers: { Authorization: 'Bearer x' } }),
      await api({
        method: 'POST',
        path: '/api/things',
        headers: { 'content-type': 'application/json' },
        body: '{"a":1}',
      }),
      await api({ method: 'GET', path: '/api/pdf', binary: true }),
    ];
    res.write('[');
    res.end(`${JSON.stringify(answers)}]`);
  });
  const server = createServer(app);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  try {
    const { port } = server.address() as AddressInfo;
    for (let round = 0; round < 2; round++) {
      const res = await fetch(`http://127.0.0.1:${port}/page`, {
        headers: { 'user-agent': 'shopper-agent' },
      });
      expect(res.status).toBe(200);
      const [[echo, created, pdf]] = (await res.json()) as [ApiAnswer[]];
      expect(echo!.status).toBe(200);
      expect(echo!.headers['cart-token']).toBe('tok');
      expect(JSON.parse(echo!.body)).toEqual({
        ip: expect.stringMatching(/127\.0\.0\.1$/),
        agent: 'shopper-agent',
        auth: 'Bearer x',
      });
      expect(created!.status).toBe(201);
      expect(JSON.parse(created!.body)).toEqual({ got: { a: 1 } });
      expect(Buffer.from(pdf!.body, 'base64')).toEqual(Buffer.from([0x25, 0x50, 0x44, 0x46, 0xff, 0x00]));
    }
  } finally {
    await new Promise((resolve) => server.close(resolve));
  }
});
