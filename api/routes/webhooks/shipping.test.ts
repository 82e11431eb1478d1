import type { Express } from 'express';
import request from 'supertest';
import { createApp } from '../../app';
import { createTestDeps, type TestDeps } from '../../testing/deps';
import { uniqueTag } from '../admin/orders/testing';
import { signCarrierWebhook, verifyCarrierSignature } from './shipping';

/** The carrier webhook's signature and deduplication; its effect on a running order is in actions.test.ts. */

const SECRET = 'carrier-test-secret-0123456789abcdefghij';

let deps: TestDeps;
let app: Express;

beforeAll(async () => {
  deps = await createTestDeps({ CARRIER_WEBHOOK_SECRET: SECRET });
  app = createApp(deps);
});
afterAll(async () => {
  await deps.close();
});

const eventFor = (overrides: object = {}) => ({
  id: `evt_${uniqueTag()}`,
  type: 'shipped',
  orderNumber: `M-NONE-${uniqueTag()}`.slice(0, 32),
  carrier: 'DHL',
  trackingNumber: 'DHL-1',
  trackingUrl: 'https://dhl.example/t/DHL-1',
  occurredAt: '2026-11-23T10:00:00Z',
  ...overrides,
});

const send = (raw: string, signature?: string, to: Express = app) => {
  const req = request(to).post('/api/webhooks/shipping').set('Content-Type', 'application/json');
  return (signature === undefined ? req : req.set('X-Carrier-Signature', signature)).send(raw);
};

const rowsFor = (eventId: string) =>
  deps.db.models.WebhookEvent.count({ where: { provider: 'carrier', eventId } });

describe('the signature', () => {
  const now = Math.floor(Date.now() / 1000);

  test.each([
    ['missing', () => undefined],
    ['garbage', () => 'nonsense'],
    ['signed with another secret', (raw: string) => signCarrierWebhook('another-secret', raw)],
    ['over another body', () => signCarrierWebhook(SECRET, '{"id":"x"}')],
    ['six minutes old', (raw: string) => signCarrierWebhook(SECRET, raw, now - 6 * 60)],
    ['six minutes ahead', (raw: string) => signCarrierWebhook(SECRET, raw, now + 6 * 60)],
    ['without its timestamp', (raw: string) => signCarrierWebhook(SECRET, raw).replace(/^t=\d+,/, '')],
  ])('%s: 401 invalid_signature, nothing written', async (_label, sign) => {
    const event = eventFor();
    const raw = JSON.stringify(event);
    const res = await send(raw, sign(raw));
    expect(res.status).toBe(401);
    expect(res.body.code).toBe('invalid_signature');
    expect(await rowsFor(event.id)).toBe(0);
  });

  test('a signature within five minutes is accepted', async () => {
    const raw = JSON.stringify(eventFor());
    const res = await send(raw, signCarrierWebhook(SECRET, raw, now - 4 * 60));
    expect(res.status).toBe(200);
  });

  test('the header may carry the signatures of an old and a new secret (rotation)', () => {
    const raw = Buffer.from('{"a":1}');
    const old = signCarrierWebhook('old-secret', raw, now);
    const fresh = signCarrierWebhook(SECRET, raw, now);
    const both = `${old},v1=${fresh.split('v1=')[1]}`;
    expect(verifyCarrierSignature(SECRET, raw, both, now)).toBe(true);
    expect(verifyCarrierSignature(SECRET, raw, old, now)).toBe(false);
    expect(verifyCarrierSignature(SECRET, raw, `t=${now},v1=abc`, now)).toBe(false);
  });

  test('without a configured secret the webhook does not exist (404)', async () => {
    const closed = createApp({
      ...deps,
      config: { ...deps.config, fulfilment: { ...deps.config.fulfilment, carrierWebhookSecret: null } },
    });
    const raw = JSON.stringify(eventFor());
    const res = await send(raw, signCarrierWebhook(SECRET, raw), closed);
    expect(res.status).toBe(404);
  });
});

describe('signed events', () => {
  test('an unknown order is acknowledged as ignored, once; a repeat is a duplicate', async () => {
    const event = eventFor();
    const raw = JSON.stringify(event);
    const first = await send(raw, signCarrierWebhook(SECRET, raw));
    expect(first.status).toBe(200);
    expect(first.body).toEqual({ received: true, outcome: 'ignored' });

    const again = await send(raw, signCarrierWebhook(SECRET, raw));
    expect(again.body).toEqual({ received: true, outcome: 'duplicate' });
    const rows = await deps.db.models.WebhookEvent.findAll({
      where: { provider: 'carrier', eventId: event.id },
    });
    expect(rows).toHaveLength(1);
    expect(rows[0]!.type).toBe('shipped');
    expect(rows[0]!.processedAt).not.toBeNull();
  });

  test.each([
    ['an unknown type', { type: 'lost' }],
    ['a tracking number with spaces', { trackingNumber: 'A 1' }],
    ['an http tracking URL', { trackingUrl: 'http://dhl.example/t' }],
    ['no occurredAt', { occurredAt: undefined }],
    ['an unknown field', { note: 'x' }],
  ])('correctly signed but with %s: 422, nothing written', async (_label, overrides) => {
    const event = eventFor(overrides);
    const raw = JSON.stringify(event);
    const res = await send(raw, signCarrierWebhook(SECRET, raw));
    expect(res.status).toBe(422);
    expect(await rowsFor(event.id)).toBe(0);
  });
});
