import { randomUUID } from 'node:crypto';
import type { S3ObjectStorage } from '@market/adapters/storage/s3';
import { createTestBucket, type TestStorage } from '@market/adapters/storage/testing';
import type { Database, OrderStatus } from '@market/db';
import { createTestDatabase } from '@market/db/testing';
import { ApplicationFailure } from '@temporalio/activity';
import { formatMoney } from './invoice-pdf';
import { pdfText } from './invoice-pdf.testing';
import { createInvoiceActivities, type GeneratedInvoice } from './invoices';

let db: Database;
let bucket: TestStorage<S3ObjectStorage>;
let activities: ReturnType<typeof createInvoiceActivities>;
beforeAll(async () => {
  db = await createTestDatabase();
  bucket = await createTestBucket();
  activities = createInvoiceActivities({
    db,
    storage: bucket.storage,
    shop: {
      name: 'Invoice Test Shop',
      url: 'https://shop.example',
      brandColor: '#1f6feb',
      logoUrl: null,
      supportEmail: 'help@shop.example',
      from: 'shop@shop.example',
    },
  });
});
afterAll(async () => {
  await bucket.drop();
  await db.close();
});

/** A paid order with its lines, made directly with the models (the workflow is not under test here). */
async function paidOrder(options: { status?: OrderStatus; lines?: number; currency?: string } = {}) {
  const currency = options.currency ?? 'EUR';
  // One product per line: an order has one line per product.
  const lines = [];
  for (let i = 0; i < (options.lines ?? 2); i++) {
    const product = await db.models.Product.create({
      slug: `inv-${randomUUID()}`,
      title: 'Invoice product',
      priceAmount: 1_250,
      currency,
      status: 'active',
    });
    const unitPriceAmount = 1_250 + i * 100;
    const quantity = (i % 3) + 1;
    lines.push({
      productId: product.id,
      title: `Line ${i + 1}: a thing worth buying`,
      unitPriceAmount,
      quantity,
      lineTotalAmount: unitPriceAmount * quantity,
    });
  }
  const subtotal = lines.reduce((sum, l) => sum + l.lineTotalAmount, 0);
  const shipping = 495;
  const tax = Math.round(((subtotal + shipping) * 1_900) / 10_000);
  const id = randomUUID();
  const order = await db.models.Order.create({
    number: `M-TEST-${id.slice(0, 8).toUpperCase()}`,
    userId: null,
    email: 'buyer@example.test',
    status: options.status ?? 'paid',
    subtotalAmount: subtotal,
    shippingAmount: shipping,
    taxAmount: tax,
    totalAmount: subtotal + shipping + tax,
    currency,
    shippingAddress: {
      name: 'Ada Lovelace',
      line1: '12 Analytical Street',
      city: 'Berlin',
      postalCode: '10115',
      country: 'DE',
    },
    workflowId: `order-${id}`,
  });
  await db.models.OrderItem.bulkCreate(lines.map((l) => ({ ...l, orderId: order.id })));
  return order;
}

const failureType = async (promise: Promise<unknown>) => {
  const err = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  expect(err).toBeInstanceOf(ApplicationFailure);
  expect((err as ApplicationFailure).nonRetryable).toBe(true);
  return (err as ApplicationFailure).type;
};

describe('generateInvoice', () => {
  test('numbers the invoice once, stores the PDF, and a second run changes nothing but rewrites the same bytes', async () => {
    const order = await paidOrder();
    const first = await activities.generateInvoice({ orderId: order.id });
    const invoice = await db.models.Invoice.findOne({ where: { orderId: order.id } });
    expect(first.number).toBe(`INV-${String(invoice!.id).padStart(6, '0')}`);
    expect(first.storageKey).toBe(`invoices/${order.number}/${first.number}.pdf`);
    expect(invoice).toMatchObject({
      number: first.number,
      storageKey: first.storageKey,
      totalAmount: order.totalAmount,
      currency: 'EUR',
    });

    const stored = await bucket.storage.get(first.storageKey);
    expect(stored?.contentType).toBe('application/pdf');
    expect(stored!.body.subarray(0, 5).toString()).toBe('%PDF-');
    const { pages, text } = await pdfText(stored!.body);
    expect(pages).toBe(1);
    expect(text[0]).toContain(order.number);
    expect(text[0]).toContain(first.number);
    expect(text[0]).toContain(formatMoney(order.totalAmount, 'EUR'));
    expect(text[0]).toContain('Invoice Test Shop');
    expect(text[0]).toContain('Ada Lovelace');
    expect(text[0]).toContain('Line 2: a thing worth buying');
    expect(text[0]).toContain('Tax (19 %)');

    const second = await activities.generateInvoice({ orderId: order.id });
    expect(second).toEqual(first);
    expect(await db.models.Invoice.count({ where: { orderId: order.id } })).toBe(1);
    // The creation date is the row's, so the re-render is byte for byte the same.
    expect((await bucket.storage.get(first.storageKey))!.body.equals(stored!.body)).toBe(true);
  });

  test('concurrent runs make one invoice row and agree on its number', async () => {
    const order = await paidOrder();
    const results = await Promise.all(
      Array.from({ length: 4 }, () => activities.generateInvoice({ orderId: order.id })),
    );
    expect(new Set(results.map((r) => r.number)).size).toBe(1);
    const [first] = results as [GeneratedInvoice, ...GeneratedInvoice[]];
    const rows = await db.models.Invoice.findAll({ where: { orderId: order.id } });
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ number: first.number, storageKey: first.storageKey });
    expect(await bucket.storage.head(first.storageKey)).toMatchObject({
      contentType: 'application/pdf',
    });
  });

  test('a retry after a crash before the PDF was stored finishes the job under the same number', async () => {
    const order = await paidOrder({ status: 'processing' });
    // What a crash between numbering and storing leaves behind.
    const row = await db.models.Invoice.create({
      orderId: order.id,
      totalAmount: order.totalAmount,
      currency: 'EUR',
    });
    const result = await activities.generateInvoice({ orderId: order.id });
    expect(result.number).toBe(`INV-${String(row.id).padStart(6, '0')}`);
    expect(await bucket.storage.head(result.storageKey)).not.toBeNull();
    expect((await row.reload()).storageKey).toBe(result.storageKey);
  });

  test('later orders get higher numbers', async () => {
    const a = await activities.generateInvoice({ orderId: (await paidOrder()).id });
    const b = await activities.generateInvoice({ orderId: (await paidOrder({ status: 'shipped' })).id });
    expect(a.number).toMatch(/^INV-\d{6,}$/);
    expect(Number(b.number.slice(4))).toBeGreaterThan(Number(a.number.slice(4)));
  });

  test('a long order flows onto more pages, every line and the total included', async () => {
    const order = await paidOrder({ lines: 60 });
    const { storageKey } = await activities.generateInvoice({ orderId: order.id });
    const { pages, text } = await pdfText((await bucket.storage.get(storageKey))!.body);
    expect(pages).toBeGreaterThan(1);
    const all = text.join('\n');
    expect(all).toContain('Line 1: a thing worth buying');
    expect(all).toContain('Line 60: a thing worth buying');
    expect(text[pages - 1]).toContain(formatMoney(order.totalAmount, 'EUR'));
  });

  test('a cancelled order is invoiced only if it was paid; unpaid and failed orders are refused for good', async () => {
    const unpaid = await paidOrder({ status: 'awaiting_payment' });
    expect(await failureType(activities.generateInvoice({ orderId: unpaid.id }))).toBe('InvalidOrder');
    const failed = await paidOrder({ status: 'failed' });
    expect(await failureType(activities.generateInvoice({ orderId: failed.id }))).toBe('InvalidOrder');
    const cancelledUnpaid = await paidOrder({ status: 'cancelled' });
    expect(await failureType(activities.generateInvoice({ orderId: cancelledUnpaid.id }))).toBe(
      'InvalidOrder',
    );
    expect(await failureType(activities.generateInvoice({ orderId: 999_999_999 }))).toBe('InvalidOrder');
    expect(
      await db.models.Invoice.count({ where: { orderId: [unpaid.id, failed.id, cancelledUnpaid.id] } }),
    ).toBe(0);

    const cancelledPaid = await paidOrder({ status: 'cancelled' });
    await db.models.Payment.create({
      orderId: cancelledPaid.id,
      provider: 'test',
      amount: cancelledPaid.totalAmount,
      currency: 'EUR',
      status: 'refunded',
      refundedAmount: cancelledPaid.totalAmount,
      idempotencyKey: `${cancelledPaid.workflowId}:charge`,
    });
    expect((await activities.generateInvoice({ orderId: cancelledPaid.id })).number).toMatch(/^INV-/);
  });

  test('no object storage or no database: a non-retryable failure', async () => {
    const order = await paidOrder();
    const noStorage = createInvoiceActivities({ db });
    expect(await failureType(noStorage.generateInvoice({ orderId: order.id }))).toBe('StorageNotConfigured');
    const noDb = createInvoiceActivities({ db: { ping: async () => {} }, storage: bucket.storage });
    expect(await failureType(noDb.generateInvoice({ orderId: order.id }))).toBe('DatabaseNotConfigured');
  });

  test('without shop branding the invoice says market; currencies without decimals print whole', async () => {
    const plain = createInvoiceActivities({ db, storage: bucket.storage });
    const order = await paidOrder({ currency: 'JPY' });
    const { storageKey } = await plain.generateInvoice({ orderId: order.id });
    const { text } = await pdfText((await bucket.storage.get(storageKey))!.body);
    expect(text[0]).toContain('market');
    expect(formatMoney(order.totalAmount, 'JPY')).not.toContain('.');
    expect(text[0]).toContain(formatMoney(order.totalAmount, 'JPY'));
  });
});
