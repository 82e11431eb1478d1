import { formatMoney } from '@market/activities/invoice-pdf';
import { pdfText } from '@market/activities/invoice-pdf.testing';
import { messageIdFor } from '@market/adapters/mail/message-id';
import { MailpitClient } from '@market/adapters/mail/testing';
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
 * An order's whole life against the real services: MariaDB, Temporal with the real workflow and activities, S3 for
 * the invoice, Mailpit for the emails. Each email is asserted exactly once, by the Message-ID its dedupe key gives,
 * and counted only once the order's run has ended (every email it sends is sent by then): with no refund window,
 * the run ends right after delivery or cancellation, so a late duplicate would be counted too.
 */

jest.setTimeout(120_000);

const ctx = useOrderApp({ env: { REFUND_WINDOW_DAYS: '0' } });
const mailpit = new MailpitClient();
let support: TestUser;

beforeAll(async () => {
  support = await createTestUser(ctx.deps, { role: 'support' });
});

const act = (id: number, verb: string, body: object = {}) =>
  request(ctx.app).post(`/api/admin/orders/${id}/${verb}`).set(support.auth).send(body);

/** The messages Mailpit holds for one of the order's emails (by the Message-ID of its dedupe key). */
const emailsOf = (number: string, template: string) =>
  mailpit.byMessageId(messageIdFor(`order-${number}:email:${template}`));

/** Waits for the order's run to end: it settles every email it queued before it completes. */
const runEnded = (number: string) => ctx.deps.temporal.client.workflow.getHandle(`order-${number}`).result();

async function paidOrder(quantity: number, stock: number) {
  const product = await createStockedProduct(ctx, stock, 1_999);
  const token = await guestCart(ctx, [{ productId: product.id, quantity }]);
  const placed = await checkoutAsGuest(ctx, token).expect(201);
  const { id, number, totalAmount, currency } = placed.body.order;
  await pay(ctx, token, id, 'pm_card_visa').expect(200);
  const read = () => request(ctx.app).get(`/api/orders/${id}`).set('Cart-Token', token).expect(200);
  let order = await read();
  for (let i = 0; i < 100 && order.body.status !== 'processing'; i += 1) {
    await new Promise((resolve) => setTimeout(resolve, 100));
    order = await read();
  }
  expect(order.body.status).toBe('processing');
  return { id, number, totalAmount, currency, token, productId: product.id, read };
}

test('paid → processing → shipped → delivered: each email once, the invoice in S3, the timeline', async () => {
  const order = await paidOrder(2, 5);

  // The invoice: a row numbered from the sequence, a PDF in S3 that names the order and its total.
  let invoice = await ctx.deps.db.models.Invoice.findOne({ where: { orderId: order.id } });
  for (let i = 0; i < 100 && !invoice?.storageKey; i += 1) {
    await new Promise((resolve) => setTimeout(resolve, 100));
    invoice = await ctx.deps.db.models.Invoice.findOne({ where: { orderId: order.id } });
  }
  expect(invoice!.number).toMatch(/^INV-\d{6,}$/);
  const stored = await ctx.deps.storage.get(invoice!.storageKey!);
  const { text } = await pdfText(stored!.body);
  expect(text.join('\n')).toContain(order.number);
  expect(text.join('\n')).toContain(formatMoney(order.totalAmount, order.currency));
  const download = await request(ctx.app)
    .get(`/api/orders/${order.id}/invoice`)
    .set('Cart-Token', order.token)
    .buffer(true)
    .parse((res, done) => {
      const chunks: Buffer[] = [];
      res.on('data', (chunk: Buffer) => chunks.push(chunk));
      res.on('end', () => done(null, Buffer.concat(chunks)));
    })
    .expect(200);
  expect(Buffer.compare(download.body as Buffer, stored!.body)).toBe(0);

  const shipped = await act(order.id, 'ship', {
    carrier: 'DHL',
    trackingNumber: 'DHL-LIFE-1',
    trackingUrl: 'https://dhl.example/t/DHL-LIFE-1',
  }).expect(200);
  expect(shipped.body.status).toBe('shipped');
  await act(order.id, 'deliver').expect(200);

  const seen = await order.read();
  expect(seen.body).toMatchObject({
    status: 'delivered',
    shipment: { carrier: 'DHL', trackingNumber: 'DHL-LIFE-1', status: 'delivered' },
    invoice: { number: invoice!.number, url: `/api/orders/${order.id}/invoice` },
  });
  const statuses = seen.body.timeline
    .filter((entry: { type: string }) => entry.type === 'status_changed')
    .map((entry: { toStatus: string }) => entry.toStatus);
  expect(statuses).toEqual(['awaiting_payment', 'paid', 'processing', 'shipped', 'delivered']);

  const ended = await runEnded(order.number);
  expect(ended.phase).toBe('delivered');
  const subjects: Record<string, string> = {
    order_confirmation: `order ${order.number} confirmed`,
    order_shipped: `order ${order.number} has shipped`,
    order_delivered: `order ${order.number} delivered`,
  };
  for (const [template, subject] of Object.entries(subjects)) {
    const found = await emailsOf(order.number, template);
    expect([template, found.length]).toEqual([template, 1]);
    expect(found[0]!.Subject).toContain(subject);
    expect(found[0]!.To.map((to) => to.Address)).toEqual(['guest@example.com']);
  }
  const shippedEmail = await mailpit.message((await emailsOf(order.number, 'order_shipped'))[0]!.ID);
  expect(shippedEmail.Text).toContain('DHL-LIFE-1');
  expect(shippedEmail.HTML).toContain('https://dhl.example/t/DHL-LIFE-1');
  // Nothing else was sent for this order.
  expect(await emailsOf(order.number, 'order_cancelled')).toEqual([]);
  expect((await mailpit.search(`subject:"${order.number}"`)).length).toBe(3);
});

test('cancel before shipping: refunded in full at the provider, stock restored, one cancellation email', async () => {
  const order = await paidOrder(3, 4);
  const inventory = () => ctx.deps.db.models.Inventory.findByPk(order.productId);
  expect(await inventory()).toMatchObject({ onHand: 1, reserved: 0 });

  const cancelled = await act(order.id, 'cancel', { reason: 'Customer called' }).expect(200);
  expect(cancelled.body).toMatchObject({ status: 'cancelled', refundedAmount: order.totalAmount });
  expect(await inventory()).toMatchObject({ onHand: 4, reserved: 0 });
  const payment = await ctx.deps.db.models.Payment.findOne({ where: { orderId: order.id } });
  expect(Number(payment!.refundedAmount)).toBe(order.totalAmount);
  const atProvider = await ctx.deps.db.models.TestPayment.findByPk(payment!.providerPaymentId!);
  expect(Number(atProvider!.refundedAmount)).toBe(order.totalAmount);

  const ended = await runEnded(order.number);
  expect(ended.phase).toBe('cancelled');
  const found = await emailsOf(order.number, 'order_cancelled');
  expect(found).toHaveLength(1);
  expect(found[0]!.Subject).toContain(`order ${order.number} cancelled`);
  // Nothing else was sent for this order: its confirmation and the cancellation.
  expect(await emailsOf(order.number, 'order_confirmation')).toHaveLength(1);
  expect((await mailpit.search(`subject:"${order.number}"`)).length).toBe(2);
  // The run is over: support's actions are refused as closed; the stock was put back once.
  const ship = await act(order.id, 'ship', { carrier: 'DHL', trackingNumber: 'DHL-2' });
  expect([ship.status, ship.body.code]).toEqual([409, 'order_closed']);
  expect(await inventory()).toMatchObject({ onHand: 4, reserved: 0 });
});
