import type { AddressSnapshot } from '@market/db';
import PDFDocument from 'pdfkit';
import { formatDate, formatMoneyIn } from './formats';

/** Everything an invoice shows, already read from the database: the layout below does no I/O. */
export interface InvoiceView {
  shop: { name: string; url?: string | null; supportEmail?: string | null; brandColor?: string | null };
  invoiceNumber: string;
  /** The invoice row's createdAt: printed, and the PDF's CreationDate, so a re-render gives the same bytes. */
  issuedAt: Date;
  orderNumber: string;
  orderDate: Date;
  email: string;
  address: AddressSnapshot;
  currency: string;
  lines: { title: string; quantity: number; unitPriceAmount: number; lineTotalAmount: number }[];
  subtotalAmount: number;
  shippingAmount: number;
  taxAmount: number;
  totalAmount: number;
}

const MARGIN = 50;
const PAGE = { width: 595.28, height: 841.89 }; // A4 in points
const RIGHT = PAGE.width - MARGIN;
const BOTTOM = PAGE.height - MARGIN;
// Table columns: title takes what the three money/quantity columns leave.
const COLS = { title: MARGIN, qty: 330, unit: 380, total: 465 };
const WIDTH = { title: COLS.qty - MARGIN - 10, qty: 40, unit: 80, total: RIGHT - COLS.total };

/** Formats integer minor units (1234 EUR → €12.34), with the currency's own number of decimals (JPY has none). */
export const formatMoney = (amount: number, currency: string): string =>
  formatMoneyIn('en', amount, currency);

/**
 * The tax rate, when the order's amounts give one: checkout adds `(subtotal + shipping) × rate`, rounded half up
 * to the minor unit. Several rates can round to the same tax, so the roundest that does is shown (19 % rather than
 * 19.01 %); null when none does.
 */
export function taxRateBps(view: Pick<InvoiceView, 'subtotalAmount' | 'shippingAmount' | 'taxAmount'>) {
  const base = view.subtotalAmount + view.shippingAmount;
  if (base <= 0 || view.taxAmount <= 0) return null;
  const exact = (view.taxAmount * 10_000) / base;
  for (const step of [100, 50, 10, 1]) {
    const bps = Math.round(exact / step) * step;
    if (bps > 0 && Math.floor((base * bps) / 10_000 + 0.5) === view.taxAmount) return bps;
  }
  return null;
}

const percent = (bps: number) => `${(bps / 100).toLocaleString('en', { maximumFractionDigits: 2 })} %`;

/** Renders the invoice as an A4 PDF in the standard Helvetica fonts (no font files); long orders flow onto more pages. */
export function renderInvoicePdf(view: InvoiceView): Promise<Buffer> {
  const doc = new PDFDocument({
    size: 'A4',
    margin: MARGIN,
    info: {
      Title: `Invoice ${view.invoiceNumber}`,
      Author: view.shop.name,
      // pdfkit stamps "now" by default, which would change the bytes on every re-render.
      CreationDate: view.issuedAt,
    },
  });
  const done = new Promise<Buffer>((resolve, reject) => {
    const chunks: Buffer[] = [];
    doc.on('data', (chunk: Buffer) => chunks.push(chunk));
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });
  const money = (amount: number) => formatMoney(amount, view.currency);
  const brand =
    view.shop.brandColor && /^#[0-9a-f]{6}$/i.test(view.shop.brandColor) ? view.shop.brandColor : '#000000';

  // Header: the shop on the left, the invoice facts on the right.
  doc
    .font('Helvetica-Bold')
    .fontSize(20)
    .fillColor(brand)
    .text(view.shop.name, MARGIN, MARGIN, { width: 280 });
  doc
    .fillColor('#000000')
    .fontSize(16)
    .text('Invoice', 330, MARGIN, { width: RIGHT - 330, align: 'right' });
  const facts: [string, string][] = [
    ['Invoice number', view.invoiceNumber],
    ['Invoice date', formatDate(view.issuedAt)],
    ['Order number', view.orderNumber],
    ['Order date', formatDate(view.orderDate)],
  ];
  let y = MARGIN + 28;
  for (const [label, value] of facts) {
    doc.font('Helvetica').fontSize(9).fillColor('#555555').text(label, 330, y, { width: 90 });
    doc.fillColor('#000000').text(value, 420, y, { width: RIGHT - 420, align: 'right' });
    y += 14;
  }

  // Addresses: an order has one address, which is both where it ships and whom it bills.
  y = Math.max(y, MARGIN + 40) + 20;
  const a = view.address;
  const addressLines = [
    a.name,
    a.line1,
    a.line2,
    [a.postalCode, a.city].join(' '),
    a.region,
    a.country,
    view.email,
  ].filter((line): line is string => Boolean(line));
  for (const [x, heading] of [
    [MARGIN, 'Bill to'],
    [300, 'Ship to'],
  ] as const) {
    doc.font('Helvetica-Bold').fontSize(10).text(heading, x, y, { width: 240 });
    doc
      .font('Helvetica')
      .fontSize(10)
      .text(addressLines.join('\n'), x, y + 14, { width: 240 });
  }
  y = doc.y + 24;

  const tableHeader = () => {
    doc.font('Helvetica-Bold').fontSize(10).fillColor('#000000');
    doc.text('Item', COLS.title, y, { width: WIDTH.title });
    doc.text('Qty', COLS.qty, y, { width: WIDTH.qty, align: 'right' });
    doc.text('Unit price', COLS.unit, y, { width: WIDTH.unit, align: 'right' });
    doc.text('Amount', COLS.total, y, { width: WIDTH.total, align: 'right' });
    y += 16;
    doc
      .moveTo(MARGIN, y - 3)
      .lineTo(RIGHT, y - 3)
      .lineWidth(0.5)
      .strokeColor('#999999')
      .stroke();
  };
  tableHeader();

  doc.font('Helvetica').fontSize(10);
  for (const line of view.lines) {
    const height = doc.heightOfString(line.title, { width: WIDTH.title });
    if (y + height > BOTTOM) {
      doc.addPage();
      y = MARGIN;
      tableHeader();
      doc.font('Helvetica').fontSize(10);
    }
    doc.text(line.title, COLS.title, y, { width: WIDTH.title });
    doc.text(String(line.quantity), COLS.qty, y, { width: WIDTH.qty, align: 'right' });
    doc.text(money(line.unitPriceAmount), COLS.unit, y, { width: WIDTH.unit, align: 'right' });
    doc.text(money(line.lineTotalAmount), COLS.total, y, { width: WIDTH.total, align: 'right' });
    y += height + 6;
  }

  // Totals stay together: move them to a new page rather than split them.
  const rate = taxRateBps(view);
  const totals: [string, string][] = [
    ['Subtotal', money(view.subtotalAmount)],
    ['Shipping', money(view.shippingAmount)],
    [rate === null ? 'Tax' : `Tax (${percent(rate)})`, money(view.taxAmount)],
  ];
  if (y + 16 * (totals.length + 1) + 40 > BOTTOM) {
    doc.addPage();
    y = MARGIN;
  }
  doc
    .moveTo(COLS.unit - 60, y)
    .lineTo(RIGHT, y)
    .lineWidth(0.5)
    .strokeColor('#999999')
    .stroke();
  y += 6;
  for (const [label, value] of totals) {
    doc
      .font('Helvetica')
      .fontSize(10)
      .text(label, COLS.unit - 60, y, { width: 140 });
    doc.text(value, COLS.total, y, { width: WIDTH.total, align: 'right' });
    y += 16;
  }
  doc
    .font('Helvetica-Bold')
    .fontSize(12)
    .text('Total', COLS.unit - 60, y, { width: 140 });
  doc.text(money(view.totalAmount), COLS.total - 40, y, { width: WIDTH.total + 40, align: 'right' });
  y += 20;
  doc
    .font('Helvetica')
    .fontSize(9)
    .fillColor('#555555')
    .text(`All amounts in ${view.currency}.`, COLS.unit - 60, y, { width: RIGHT - COLS.unit + 60 });

  const contact = [view.shop.supportEmail, view.shop.url].filter(Boolean).join('  ·  ');
  if (contact) {
    doc.text(`Questions? ${contact}`, MARGIN, doc.y + 24, { width: RIGHT - MARGIN });
  }
  doc.end();
  return done;
}
