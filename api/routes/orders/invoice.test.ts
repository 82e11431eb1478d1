import { randomBytes, randomUUID } from 'node:crypto';
import { formatMoney } from '@market/activities/invoice-pdf';
import { pdfText } from '@market/activities/invoice-pdf.testing';
import { createInvoiceActivities } from '@market/activities/invoices';
import request from 'supertest';
import { createApp } from '../../app';
import { hashCartToken } from '../../services/cart';
import { createTestDeps, type TestDeps } from '../../testing/deps';
import { createTestUser, type TestUser } from '../../testing/users';

let deps: TestDeps;
let app: ReturnType<typeof createApp>;
let generateInvoice: ReturnType<typeof createInvoiceActivities>['generateInvoice'];
let owner: TestUser;

beforeAll(async () => {
  deps = await createTestDeps();
  app = createApp(deps);
  ({ generateInvoice } = createInvoiceActivities({ db: deps.db, storage: deps.storage }));
  owner = await createTestUser(deps);
});
afterAll(async () => {
  await deps.close();
});

/** A paid order with one line, made with the models: the workflow is not under test here. */
async function paidOrder(by: { userId: number } | { guestToken: string }) {
  const product = await deps.db.models.Product.create({
    slug: `invoice-route-${randomUUID()}`,
    title: 'Invoiced thing',
    priceAmount: 4_200,
    currency: 'EUR',
    status: 'active',
  });
  const id = randomUUID();
  const order = await deps.db.models.Order.create({
    number: `M-INV-${id.slice(0, 8).toUpperCase()}`,
    userId: 'userId' in by ? by.userId : null,
    guestTokenHash: 'guestToken' in by ? hashCartToken(by.guestToken) : null,
    email: 'buyer@example.test',
    status: 'paid',
    subtotalAmount: 8_400,
    shippingAmount: 0,
    taxAmount: 0,
    totalAmount: 8_400,
    currency: 'EUR',
    shippingAddress: {
      name: 'Grace Hopper',
      line1: '1 Harbour Road',
      city: 'Hamburg',
      postalCode: '20095',
      country: 'DE',
    },
    workflowId: `order-${id}`,
  });
  await deps.db.models.OrderItem.create({
    orderId: order.id,
    productId: product.id,
    title: product.title,
    unitPriceAmount: 4_200,
    quantity: 2,
    lineTotalAmount: 8_400,
  });
  return order;
}

// supertest buffers only text and JSON by itself; a PDF is read as raw bytes.
const binary = (res: request.Response, done: (err: Error | null, body: Buffer) => void) => {
  const chunks: Buffer[] = [];
  // At parse time the response is still the incoming byte stream.
  const stream = res as unknown as NodeJS.ReadableStream;
  stream.on('data', (chunk: Buffer) => chunks.push(chunk));
  stream.on('end', () => done(null, Buffer.concat(chunks)));
};

const download = (path: string, headers: Record<string, string> = {}) =>
  request(app).get(path).set(headers).buffer(true).parse(binary);

describe('invoice downloads', () => {
  test('the owner downloads the PDF as an attachment named after the invoice number', async () => {
    const order = await paidOrder({ userId: owner.user.id });
    const { number } = await generateInvoice({ orderId: order.id });
    const res = await download(`/api/orders/${order.id}/invoice`, owner.auth);
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toBe('application/pdf');
    expect(res.headers['content-disposition']).toMatch(new RegExp(`^attachment; filename="${number}\\.pdf"`));
    expect(res.headers['cache-control']).toBe('private, no-store');
    const { text } = await pdfText(res.body as Buffer);
    expect(text[0]).toContain(order.number);
    expect(text[0]).toContain(number);
    expect(text[0]).toContain(formatMoney(8_400, 'EUR'));
  });

  test('another shopper, a guest without the token and an anonymous caller all get a 404', async () => {
    const order = await paidOrder({ userId: owner.user.id });
    await generateInvoice({ orderId: order.id });
    const stranger = await createTestUser(deps);
    const other = await request(app).get(`/api/orders/${order.id}/invoice`).set(stranger.auth);
    expect(other.status).toBe(404);
    expect(other.body.code).toBe('not_found');
    const guest = await request(app)
      .get(`/api/orders/${order.id}/invoice`)
      .set('Cart-Token', randomBytes(32).toString('base64url'));
    expect(guest.status).toBe(404);
    expect((await request(app).get(`/api/orders/${order.id}/invoice`)).status).toBe(404);
  });

  test('a guest downloads with the Cart-Token that placed the order', async () => {
    const token = randomBytes(32).toString('base64url');
    const order = await paidOrder({ guestToken: token });
    const { number } = await generateInvoice({ orderId: order.id });
    const res = await download(`/api/orders/${order.id}/invoice`, { 'Cart-Token': token });
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toBe('application/pdf');
    expect((await pdfText(res.body as Buffer)).text[0]).toContain(number);
  });

  test('before the invoice exists, or while its PDF is not stored yet: 404 invoice_not_ready', async () => {
    const order = await paidOrder({ userId: owner.user.id });
    const none = await request(app).get(`/api/orders/${order.id}/invoice`).set(owner.auth);
    expect(none.status).toBe(404);
    expect(none.body.code).toBe('invoice_not_ready');
    expect(none.headers['content-type']).toMatch(/^application\/problem\+json/);

    // Numbered but not stored: what a crash between the two steps leaves.
    await deps.db.models.Invoice.create({
      orderId: order.id,
      number: `INV-X${order.id}`,
      totalAmount: order.totalAmount,
      currency: 'EUR',
    });
    const pending = await request(app).get(`/api/orders/${order.id}/invoice`).set(owner.auth);
    expect(pending.status).toBe(404);
    expect(pending.body.code).toBe('invoice_not_ready');
  });

  test('staff download any order’s invoice; a customer on the admin route is refused', async () => {
    const order = await paidOrder({ userId: owner.user.id });
    const { number } = await generateInvoice({ orderId: order.id });
    for (const role of ['admin', 'support'] as const) {
      const staff = await createTestUser(deps, { role });
      const res = await download(`/api/admin/orders/${order.id}/invoice`, staff.auth);
      expect(res.status).toBe(200);
      expect(res.headers['content-type']).toBe('application/pdf');
      expect(res.headers['content-disposition']).toContain(`filename="${number}.pdf"`);
      expect((await pdfText(res.body as Buffer)).text[0]).toContain(order.number);
    }

    const customer = await request(app).get(`/api/admin/orders/${order.id}/invoice`).set(owner.auth);
    expect(customer.status).toBe(403);
    expect((await request(app).get(`/api/admin/orders/${order.id}/invoice`)).status).toBe(401);

    const admin = await createTestUser(deps, { role: 'admin' });
    const missing = await request(app).get('/api/admin/orders/999999999/invoice').set(admin.auth);
    expect(missing.status).toBe(404);
    expect(missing.body.code).toBe('not_found');
    const unpaid = await paidOrder({ userId: owner.user.id });
    const notReady = await request(app).get(`/api/admin/orders/${unpaid.id}/invoice`).set(admin.auth);
    expect(notReady.body.code).toBe('invoice_not_ready');
  });
});
