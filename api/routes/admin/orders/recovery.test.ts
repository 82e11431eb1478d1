import type { Activities } from '@market/activities';
import { messageIdFor } from '@market/adapters/mail/message-id';
import { type OwnMailpit, startMailpit } from '@market/adapters/mail/testing';
import request from 'supertest';
import {
  checkoutAsGuest,
  createStockedProduct,
  guestCart,
  pay,
  useOrderApp,
} from '../../../testing/order-app';
import { createTestUser, type TestUser } from '../../../testing/users';

/**
 * Orders recover from outages without losing or doubling anything: the mail server down during an order (the order
 * goes on; each email arrives once when it is back), and a step that ran out of retries (support retries it).
 * Real services throughout; the worker's SMTP server is a Mailpit of this suite's own so it can be stopped, and the
 * invoice step fails on purpose (an injected fault in front of the real activity) while `invoiceDown` is set.
 */

jest.setTimeout(150_000);

let mailpit: OwnMailpit;
let invoiceDown = false;
beforeAll(async () => {
  mailpit = await startMailpit();
}, 60_000);

const ctx = useOrderApp({
  smtpUrl: () => mailpit.smtpUrl,
  activities: (real: Activities) => ({
    generateInvoice: async (input) => {
      if (invoiceDown) throw new Error('storage unavailable (injected by the test)');
      return real.generateInvoice(input);
    },
  }),
});
afterAll(() => mailpit?.close());

let support: TestUser;
beforeAll(async () => {
  support = await createTestUser(ctx.deps, { role: 'support' });
});

const act = (id: number, verb: string, body: object = {}) =>
  request(ctx.app).post(`/api/admin/orders/${id}/${verb}`).set(support.auth).send(body);
const readAdmin = (id: number) =>
  request(ctx.app).get(`/api/admin/orders/${id}`).set(support.auth).expect(200);

async function until<T>(what: string, read: () => Promise<T>, done: (value: T) => boolean, ms = 60_000) {
  const deadline = Date.now() + ms;
  for (;;) {
    const value = await read();
    if (done(value)) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}: ${JSON.stringify(value)}`);
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}

async function processingOrder() {
  const product = await createStockedProduct(ctx, 3);
  const token = await guestCart(ctx, [{ productId: product.id, quantity: 1 }]);
  const placed = await checkoutAsGuest(ctx, token).expect(201);
  const { id, number } = placed.body.order;
  await pay(ctx, token, id, 'pm_card_visa').expect(200);
  await until(
    'processing',
    async () => (await readAdmin(id)).body.status,
    (s) => s === 'processing',
  );
  return { id, number: number as string };
}

const emailLog = (orderId: number, template: string) =>
  ctx.deps.db.models.EmailLog.findOne({ where: { orderId, template } });
const copiesOf = (number: string, template: string) =>
  mailpit.client.byMessageId(messageIdFor(`order-${number}:email:${template}`));

test('SMTP stopped during an order: the order goes on, and each email arrives exactly once when it is back', async () => {
  await mailpit.stop();
  const order = await processingOrder();
  // The confirmation fails and is recorded; the order is not blocked: it ships.
  const failed = await until(
    'a failed send',
    () => emailLog(order.id, 'order_confirmation'),
    (log) => Boolean(log?.status === 'failed' && log.error),
  );
  expect(failed!.error).toMatch(/ECONNREFUSED|connect/i);
  // Support sees it on the order: which email, to whom, failed and why.
  expect((await readAdmin(order.id)).body.emails).toContainEqual(
    expect.objectContaining({
      template: 'order_confirmation',
      to: 'guest@example.com',
      status: 'failed',
      error: expect.stringMatching(/ECONNREFUSED|connect/i),
      sentAt: null,
    }),
  );
  const shipped = await act(order.id, 'ship', { carrier: 'DHL', trackingNumber: 'DHL-DOWN-1' });
  expect([shipped.status, shipped.body.status]).toEqual([200, 'shipped']);

  await mailpit.start();
  for (const template of ['order_confirmation', 'order_shipped']) {
    await until(
      `${template} sent`,
      () => emailLog(order.id, template),
      (log) => log?.status === 'sent',
    );
  }
  for (const template of ['order_confirmation', 'order_shipped']) {
    const copies = await mailpit.client.waitFor(
      `message-id:"${messageIdFor(`order-${order.number}:email:${template}`).slice(1, -1)}"`,
    );
    expect([template, copies.length]).toEqual([template, 1]);
    expect([template, (await copiesOf(order.number, template)).length]).toEqual([template, 1]);
  }
  // Both logged once, in the order they were first tried, sent now and the failure gone.
  const { emails } = (await readAdmin(order.id)).body as {
    emails: { template: string; status: string; error: string | null; sentAt: string | null }[];
  };
  expect(emails.map(({ template, status, error }) => [template, status, error])).toEqual([
    ['order_confirmation', 'sent', null],
    ['order_shipped', 'sent', null],
  ]);
  expect(emails.every((email) => email.sentAt !== null)).toBe(true);
});

test('an invoice that ran out of retries waits for support; retry generates it once the cause is fixed', async () => {
  invoiceDown = true;
  const order = await processingOrder();
  // Five tries with backoff (about 30 s), then the step waits; the admin view shows it.
  const stuck = await until(
    'the invoice step to give up',
    async () => (await readAdmin(order.id)).body,
    (body) => body.process?.stuck === 'invoice',
    90_000,
  );
  expect(stuck).toMatchObject({ status: 'processing', invoice: null, process: { phase: 'processing' } });
  // Shipping goes on without the invoice.
  await act(order.id, 'ship', { carrier: 'DHL', trackingNumber: 'DHL-INV-1' }).expect(200);

  invoiceDown = false;
  const retried = await act(order.id, 'retry');
  expect(retried.status).toBe(200);
  expect(retried.body).toMatchObject({
    status: 'shipped',
    invoice: { number: expect.stringMatching(/^INV-/), url: `/api/admin/orders/${order.id}/invoice` },
    process: { phase: 'shipped', stuck: null },
  });
  expect(await ctx.deps.db.models.Invoice.count({ where: { orderId: order.id } })).toBe(1);
  const again = await act(order.id, 'retry');
  expect([again.status, again.body.code]).toEqual([409, 'nothing_to_retry']);
});
