import type { Database, Invoice, Order } from '@market/db';
import { ApplicationFailure } from '@temporalio/activity';
import { UniqueConstraintError } from 'sequelize';
import { requireDatabase } from './database';
import type { ActivityDeps } from './deps';
import { type InvoiceView, renderInvoicePdf } from './invoice-pdf';

export interface GenerateInvoiceInput {
  orderId: number;
}

export interface GeneratedInvoice {
  /** INV-000042 */
  number: string;
  /** Where the PDF is in object storage. */
  storageKey: string;
}

/** The invoice number: the row id, a database sequence, so numbers are unique and increase with time. */
export const invoiceNumber = (id: number) => `INV-${String(id).padStart(6, '0')}`;

/** Where an invoice's PDF is stored: one folder per order, the file named by the invoice number. */
export const invoiceStorageKey = (orderNumber: string, number: string) =>
  `invoices/${orderNumber}/${number}.pdf`;

// An order is invoiced once money was taken: these statuses all come after capture.
const INVOICEABLE = new Set(['paid', 'processing', 'shipped', 'delivered', 'refunded']);

/** A cancelled order gets an invoice only if it had been paid (the refund then follows it). */
async function invoiceable(db: Database, order: Order): Promise<boolean> {
  if (INVOICEABLE.has(order.status)) return true;
  if (order.status !== 'cancelled') return false;
  const captured = await db.models.Payment.count({
    where: { orderId: order.id, status: ['captured', 'refunded'] },
  });
  return captured > 0;
}

/**
 * The order's one invoice row. Two runs at once (a retry overlapping a slow first attempt) both try to insert;
 * the unique order_id lets one win and the other read the winner's row. Not Sequelize's findOrCreate: its re-read
 * inside the failed transaction's snapshot can miss the row the other run just committed.
 */
async function findOrCreateInvoice(db: Database, order: Order): Promise<Invoice> {
  const { Invoice } = db.models;
  const existing = await Invoice.findOne({ where: { orderId: order.id } });
  if (existing) return existing;
  try {
    return await Invoice.create({
      orderId: order.id,
      totalAmount: order.totalAmount,
      currency: order.currency,
    });
  } catch (err) {
    if (!(err instanceof UniqueConstraintError)) throw err;
  }
  return (await Invoice.findOne({ where: { orderId: order.id } }))!;
}

/** Builds what the PDF shows from the order as stored (titles and prices were copied at checkout). */
async function invoiceView(
  deps: ActivityDeps,
  db: Database,
  order: Order,
  invoice: Invoice,
): Promise<InvoiceView> {
  const items = await db.models.OrderItem.findAll({ where: { orderId: order.id }, order: [['id', 'ASC']] });
  return {
    shop: deps.shop ?? { name: 'market' },
    invoiceNumber: invoice.number!,
    issuedAt: invoice.createdAt,
    orderNumber: order.number,
    orderDate: order.createdAt,
    email: order.email,
    address: order.shippingAddress,
    currency: order.currency,
    lines: items.map((i) => ({
      title: i.title,
      quantity: i.quantity,
      unitPriceAmount: i.unitPriceAmount,
      lineTotalAmount: i.lineTotalAmount,
    })),
    subtotalAmount: order.subtotalAmount,
    shippingAmount: order.shippingAmount,
    taxAmount: order.taxAmount,
    totalAmount: order.totalAmount,
  };
}

/** The invoice activity: numbers the order's invoice once and stores its PDF; safe to run again at any step. */
export function createInvoiceActivities(deps: ActivityDeps) {
  return {
    /**
     * Creates the invoice row (once), gives it its number (once), renders the PDF and stores it, then records
     * where. A retry after a crash anywhere re-renders the same bytes (the creation date is the row's) over the
     * same key, so the stored object and the row always agree.
     */
    async generateInvoice(input: GenerateInvoiceInput): Promise<GeneratedInvoice> {
      const storage = deps.storage;
      if (!storage) {
        throw ApplicationFailure.nonRetryable('the worker has no object storage', 'StorageNotConfigured');
      }
      const db = requireDatabase(deps);
      const { Invoice, Order } = db.models;
      const order = await Order.findByPk(input.orderId);
      if (!order) {
        throw ApplicationFailure.nonRetryable(`order ${input.orderId} does not exist`, 'InvalidOrder');
      }
      if (!(await invoiceable(db, order))) {
        throw ApplicationFailure.nonRetryable(
          `order ${order.number} is ${order.status}: only paid orders are invoiced`,
          'InvalidOrder',
        );
      }

      const created = await findOrCreateInvoice(db, order);
      // Conditional: a concurrent run may have numbered it already, and a number never changes once given.
      await Invoice.update(
        { number: invoiceNumber(created.id) },
        { where: { id: created.id, number: null } },
      );
      // Read back as stored, so every run renders from the same values (the database rounds timestamps).
      const invoice = (await Invoice.findByPk(created.id))!;
      const number = invoice.number!;

      const storageKey = invoiceStorageKey(order.number, number);
      const pdf = await renderInvoicePdf(await invoiceView(deps, db, order, invoice));
      await storage.put(storageKey, pdf, { contentType: 'application/pdf' });
      if (invoice.storageKey !== storageKey) {
        await Invoice.update({ storageKey }, { where: { id: invoice.id } });
      }
      return { number, storageKey };
    },
  };
}

export type InvoiceActivities = ReturnType<typeof createInvoiceActivities>;
