import { randomUUID } from 'node:crypto';
import { type AddressInfo, createServer, type Server } from 'node:net';
import { createMailer, type Mailer } from '@market/adapters/mail/index';
import { MailpitClient, type OwnMailpit, startMailpit, testSmtpUrl } from '@market/adapters/mail/testing';
import type { Database } from '@market/db';
import { createTestDatabase } from '@market/db/testing';
import { ApplicationFailure } from '@temporalio/activity';
import { createEmailActivities, type OrderEmailTemplate } from './email';
import { testShop } from './email.testing';
import { ORDER_EMAIL_TEMPLATES } from './emails';

// Order emails through real SMTP (Mailpit) with the dedupe log in real MariaDB: each key delivers one message,
// whatever retries or concurrent duplicates of the activity do.
const shop = testShop;
const mailpit = new MailpitClient();
let db: Database;
let mailer: Mailer;
let activities: ReturnType<typeof createEmailActivities>;
beforeAll(async () => {
  db = await createTestDatabase();
  mailer = createMailer({ kind: 'smtp', url: testSmtpUrl(), from: shop.from });
  activities = createEmailActivities({ db, mailer, shop });
});
afterAll(async () => {
  await mailer.close();
  await db.close();
});

/** A shipped, partly refunded order for a unique recipient (Mailpit is shared: tests search by recipient). */
async function order() {
  const id = randomUUID();
  const email = `buyer-${id}@example.com`;
  const product = await db.models.Product.create({
    slug: `mail-${id}`,
    title: 'Mail product',
    priceAmount: 2_500,
    currency: 'EUR',
    status: 'active',
  });
  const row = await db.models.Order.create({
    number: `E-${id.slice(0, 20)}`,
    email,
    status: 'shipped',
    subtotalAmount: 5_000,
    shippingAmount: 500,
    taxAmount: 0,
    totalAmount: 5_500,
    currency: 'EUR',
    shippingAddress: {
      name: 'Ada <b>Lovelace</b>',
      line1: '1 Loop',
      city: 'London',
      postalCode: 'N1',
      country: 'GB',
    },
    workflowId: `order-${id}`,
  });
  await db.models.OrderItem.create({
    orderId: row.id,
    productId: product.id,
    title: 'Mail product',
    unitPriceAmount: 2_500,
    quantity: 2,
    lineTotalAmount: 5_000,
  });
  await db.models.Shipment.create({
    orderId: row.id,
    carrier: 'DHL',
    trackingNumber: `TRK${id.slice(0, 8)}`,
    trackingUrl: `https://track.test/${id.slice(0, 8)}`,
    status: 'shipped',
    shippedAt: new Date(),
  });
  const payment = await db.models.Payment.create({
    orderId: row.id,
    provider: 'test',
    amount: 5_500,
    currency: 'EUR',
    status: 'captured',
    idempotencyKey: `pay-${id}`,
  });
  await db.models.Refund.create({
    orderId: row.id,
    paymentId: payment.id,
    amount: 1_250,
    currency: 'EUR',
    status: 'succeeded',
    idempotencyKey: `refund-${id}`,
  });
  return { id: row.id, email, workflowId: row.workflowId };
}

const keyOf = (workflowId: string, template: OrderEmailTemplate) => `${workflowId}:email:${template}`;
const logOf = (dedupeKey: string) => db.models.EmailLog.findOne({ where: { dedupeKey } });

test('each template is sent once, with its Message-ID, template header and log row', async () => {
  const o = await order();
  for (const template of ORDER_EMAIL_TEMPLATES) {
    const dedupeKey = keyOf(o.workflowId, template);
    await expect(activities.sendOrderEmail({ orderId: o.id, template, dedupeKey })).resolves.toEqual({
      status: 'sent',
    });
    const log = await logOf(dedupeKey);
    expect(log).toMatchObject({ status: 'sent', template, recipient: o.email, orderId: o.id, error: null });
    expect(log!.sentAt).toBeInstanceOf(Date);
    expect(log!.providerMessageId).toBe(`<${o.workflowId}.email.${template}@market>`);
  }
  const received = await mailpit.waitFor(`to:${o.email}`, ORDER_EMAIL_TEMPLATES.length);
  expect(received).toHaveLength(ORDER_EMAIL_TEMPLATES.length);
  const templates = await Promise.all(
    received.map(async (m) => (await mailpit.headers(m.ID))['X-Market-Template']?.[0]),
  );
  expect(templates.sort()).toEqual([...ORDER_EMAIL_TEMPLATES].sort());

  const [shipped] = await mailpit.byMessageId(`<${o.workflowId}.email.order_shipped@market>`);
  const message = await mailpit.message(shipped!.ID);
  expect(message.From).toEqual({ Name: 'Test Shop', Address: 'shop@shop.test' });
  expect(message.HTML).toContain('Ada &lt;b&gt;Lovelace&lt;/b&gt;');
  expect(message.HTML).toContain(`href="https://shop.test/orders/${o.id}"`);
  expect(message.Text).toContain('Carrier: DHL');
  const [refunded] = await mailpit.byMessageId(`<${o.workflowId}.email.order_refunded@market>`);
  expect(refunded!.Subject).toContain('€12.50');
});

test('sending one key twice, in sequence and concurrently, delivers one message', async () => {
  const o = await order();
  const dedupeKey = keyOf(o.workflowId, 'order_confirmation');
  const input = { orderId: o.id, template: 'order_confirmation' as const, dedupeKey };
  const results = await Promise.all([1, 2, 3].map(() => activities.sendOrderEmail(input)));
  expect(results.map((r) => r.status).sort()).toEqual(['already_sent', 'already_sent', 'sent']);
  await expect(activities.sendOrderEmail(input)).resolves.toEqual({ status: 'already_sent' });

  await mailpit.waitFor(`to:${o.email}`);
  await new Promise((resolve) => setTimeout(resolve, 300)); // would a late duplicate land?
  expect(await mailpit.search(`to:${o.email}`)).toHaveLength(1);
  expect(await db.models.EmailLog.count({ where: { dedupeKey } })).toBe(1);
});

describe('SMTP down', () => {
  let own: OwnMailpit;
  let ownMailer: Mailer;
  beforeAll(async () => {
    own = await startMailpit();
    ownMailer = createMailer({ kind: 'smtp', url: own.smtpUrl, from: shop.from });
  });
  afterAll(async () => {
    await ownMailer.close();
    await own.close();
  });

  test('the activity fails and logs the error; the retry after a restart delivers exactly once', async () => {
    const o = await order();
    const local = createEmailActivities({ db, mailer: ownMailer, shop });
    const dedupeKey = keyOf(o.workflowId, 'order_delivered');
    const input = { orderId: o.id, template: 'order_delivered' as const, dedupeKey };

    await own.stop();
    const failure = await local.sendOrderEmail(input).catch((err: unknown) => err);
    expect(failure).toMatchObject({ message: expect.stringMatching(/ECONNREFUSED/) });
    expect(failure).not.toBeInstanceOf(ApplicationFailure); // an ordinary error: Temporal retries it
    const failed = await logOf(dedupeKey);
    expect(failed).toMatchObject({ status: 'failed', sentAt: null });
    expect(failed!.error).toMatch(/ECONNREFUSED|ESOCKET|ECONNECTION/);
    expect(failed!.error!.length).toBeLessThanOrEqual(500);

    await own.start();
    await expect(local.sendOrderEmail(input)).resolves.toEqual({ status: 'sent' });
    await expect(local.sendOrderEmail(input)).resolves.toEqual({ status: 'already_sent' });
    expect(await logOf(dedupeKey)).toMatchObject({ status: 'sent' });
    await own.client.waitFor(`to:${o.email}`);
    expect(await own.client.messages()).toHaveLength(1);
    expect(await mailpit.search(`to:${o.email}`)).toHaveLength(0);
  });
});

test('a worker without a mailer fails for good; an unknown order too', async () => {
  const o = await order();
  const input = {
    orderId: o.id,
    template: 'order_shipped' as const,
    dedupeKey: keyOf(o.workflowId, 'order_shipped'),
  };
  const unconfigured = await createEmailActivities({ db, shop })
    .sendOrderEmail(input)
    .catch((err: unknown) => err);
  expect(unconfigured).toBeInstanceOf(ApplicationFailure);
  expect(unconfigured).toMatchObject({ type: 'MailNotConfigured', nonRetryable: true });
  expect(await logOf(input.dedupeKey)).toBeNull();

  const missing = await activities
    .sendOrderEmail({ ...input, orderId: 2_000_000_000, dedupeKey: `missing-${randomUUID()}` })
    .catch((err: unknown) => err);
  expect(missing).toMatchObject({ type: 'OrderNotFound', nonRetryable: true });
});

describe('a message the mail server refuses', () => {
  /** A mailer that fails as nodemailer does: `code` and, for an SMTP reply, `responseCode`. */
  const failing = (fields: { message: string; code?: string; responseCode?: number }): Mailer => ({
    kind: 'smtp',
    send: () => Promise.reject(Object.assign(new Error(fields.message), fields)),
    close: () => Promise.resolve(),
  });

  async function attempt(mailer: Mailer) {
    const o = await order();
    const dedupeKey = keyOf(o.workflowId, 'order_confirmation');
    const failure = await createEmailActivities({ db, mailer, shop })
      .sendOrderEmail({ orderId: o.id, template: 'order_confirmation', dedupeKey })
      .catch((err: unknown) => err);
    return { failure, log: await logOf(dedupeKey) };
  }

  test('for good (5xx) fails the activity for good as MailRejected, with the reply in the log', async () => {
    const { failure, log } = await attempt(
      failing({
        message: "Can't send mail - all recipients were rejected: 550 5.1.1 User unknown",
        code: 'EENVELOPE',
        responseCode: 550,
      }),
    );
    expect(failure).toBeInstanceOf(ApplicationFailure);
    expect(failure).toMatchObject({ type: 'MailRejected', nonRetryable: true });
    expect((failure as Error).message).toContain('550');
    expect(log).toMatchObject({ status: 'failed', sentAt: null });
    expect(log!.error).toBe(
      "EENVELOPE 550: Can't send mail - all recipients were rejected: 550 5.1.1 User unknown",
    );
  });

  test.each([
    [
      'a 4xx reply (try later)',
      { message: '421 4.7.0 Try again later', code: 'EENVELOPE', responseCode: 421 },
    ],
    ['a refused connection', { message: 'connect ECONNREFUSED 127.0.0.1:25', code: 'ESOCKET' }],
    [
      'a refused login (the server’s configuration)',
      { message: '535 5.7.8 Bad credentials', code: 'EAUTH', responseCode: 535 },
    ],
  ])('for now (%s) stays retryable, logged as failed', async (_name, fields) => {
    const { failure, log } = await attempt(failing(fields));
    expect(failure).not.toBeInstanceOf(ApplicationFailure); // an ordinary error: Temporal retries it
    expect(failure).toMatchObject({ message: fields.message });
    expect(log).toMatchObject({ status: 'failed', sentAt: null });
    expect(log!.error).toContain(fields.message);
  });

  describe('through nodemailer, from a server that answers RCPT TO with a scripted reply', () => {
    let server: Server;
    let rcptReply = '550 5.1.1 No such user';
    beforeAll(async () => {
      server = createServer((socket) => {
        socket.write('220 scripted ESMTP\r\n');
        let buffered = '';
        socket.on('data', (chunk: Buffer) => {
          buffered += chunk.toString();
          let at: number;
          while ((at = buffered.indexOf('\r\n')) >= 0) {
            const line = buffered.slice(0, at).toUpperCase();
            buffered = buffered.slice(at + 2);
            if (line.startsWith('EHLO') || line.startsWith('HELO')) socket.write('250 scripted\r\n');
            else if (line.startsWith('MAIL FROM')) socket.write('250 2.1.0 Ok\r\n');
            else if (line.startsWith('RCPT TO')) socket.write(`${rcptReply}\r\n`);
            else if (line.startsWith('QUIT')) socket.end('221 Bye\r\n');
            else socket.write('250 Ok\r\n');
          }
        });
        socket.on('error', () => undefined);
      });
      await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    });
    afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

    const smtp = () =>
      createMailer({
        kind: 'smtp',
        url: `smtp://127.0.0.1:${(server.address() as AddressInfo).port}`,
        from: shop.from,
      });

    test('550 is MailRejected; 450 is retried', async () => {
      const rejecting = smtp();
      try {
        rcptReply = '550 5.1.1 No such user';
        const rejected = await attempt(rejecting);
        expect(rejected.failure).toMatchObject({ type: 'MailRejected', nonRetryable: true });
        expect(rejected.log!.error).toMatch(/^EENVELOPE 550: .*No such user/);

        rcptReply = '450 4.2.1 Mailbox busy, try later';
        const busy = await attempt(rejecting);
        expect(busy.failure).not.toBeInstanceOf(ApplicationFailure);
        expect(busy.failure).toMatchObject({ responseCode: 450 });
        expect(busy.log).toMatchObject({ status: 'failed' });
      } finally {
        await rejecting.close();
      }
    });
  });
});
