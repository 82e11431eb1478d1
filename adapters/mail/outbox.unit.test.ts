import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { createMailer } from './index';
import { messageIdFor } from './message-id';

let root: string;
beforeAll(async () => {
  root = await mkdtemp(path.join(tmpdir(), 'market-outbox-'));
});
afterAll(() => rm(root, { recursive: true, force: true }));

test('send writes one .eml per message into a folder it creates, named by time and Message-ID', async () => {
  const dir = path.join(root, 'nested', 'outbox');
  const mailer = createMailer({ kind: 'outbox', dir, from: 'Market <shop@market.test>' });
  expect(mailer.kind).toBe('outbox');
  const messageId = messageIdFor('order-7:email:order_confirmation');
  const sent = await mailer.send({
    to: 'buyer@example.com',
    subject: 'Thanks for your order',
    html: '<p>Order <b>7</b></p>',
    text: 'Order 7',
    messageId,
    headers: { 'X-Market-Template': 'order_confirmation' },
  });
  await mailer.close();
  expect(sent.messageId).toBe('<order-7.email.order_confirmation@market>');

  const files = await readdir(dir);
  expect(files).toHaveLength(1);
  expect(files[0]).toMatch(
    /^\d{4}-\d\d-\d\dT\d\d-\d\d-\d\d-\d{3}Z-order-7\.email\.order_confirmation@market\.eml$/,
  );
  const eml = await readFile(path.join(dir, files[0]!), 'utf8');
  expect(eml).toContain('Message-ID: <order-7.email.order_confirmation@market>\r\n');
  expect(eml).toContain('From: Market <shop@market.test>\r\n');
  expect(eml).toContain('To: buyer@example.com\r\n');
  expect(eml).toContain('Subject: Thanks for your order\r\n');
  expect(eml).toContain('X-Market-Template: order_confirmation\r\n');
  expect(eml).toContain('Content-Type: multipart/alternative');
  expect(eml).toContain('<p>Order <b>7</b></p>');
});

test('createMailer picks SMTP for an smtp config (no connection until a send)', async () => {
  const mailer = createMailer({ kind: 'smtp', url: 'smtp://127.0.0.1:9', from: 'shop@market.test' });
  expect(mailer.kind).toBe('smtp');
  await mailer.close();
});
