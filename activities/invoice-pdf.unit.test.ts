import { formatMoney, type InvoiceView, renderInvoicePdf, taxRateBps } from './invoice-pdf';
import { pdfText } from './invoice-pdf.testing';

const view = (overrides: Partial<InvoiceView> = {}): InvoiceView => ({
  shop: { name: 'Unit Shop', supportEmail: 'help@unit.example' },
  invoiceNumber: 'INV-000042',
  issuedAt: new Date(Date.UTC(2026, 0, 15, 10, 30)),
  orderNumber: 'M-20260115-7K3Q9',
  orderDate: new Date(Date.UTC(2026, 0, 14, 9)),
  email: 'ada@example.test',
  address: {
    name: 'Ada Lovelace',
    line1: '12 Analytical Street',
    line2: 'Flat 3',
    city: 'London',
    region: 'Greater London',
    postalCode: 'N1 9GU',
    country: 'GB',
  },
  currency: 'EUR',
  lines: [{ title: 'Difference engine', quantity: 2, unitPriceAmount: 12_345, lineTotalAmount: 24_690 }],
  subtotalAmount: 24_690,
  shippingAmount: 500,
  taxAmount: 4_786,
  totalAmount: 29_976,
  ...overrides,
});

describe('formatMoney', () => {
  test('reads integer minor units with the currency’s own decimals', () => {
    expect(formatMoney(123_456, 'EUR')).toBe('€1,234.56');
    expect(formatMoney(5, 'USD')).toBe('$0.05');
    expect(formatMoney(1_500, 'JPY')).toBe('¥1,500');
    expect(formatMoney(1_234, 'KWD')).toBe('KWD\u00a01.234');
  });
});

describe('taxRateBps', () => {
  test('finds the roundest rate that reproduces the tax, or none', () => {
    // 25 190 × 19 % = 4 786.1 → 4 786; 19.0 % is preferred over the 19.0x % that also round to it.
    expect(taxRateBps(view())).toBe(1_900);
    expect(taxRateBps({ subtotalAmount: 10_000, shippingAmount: 0, taxAmount: 725 })).toBe(725);
    expect(taxRateBps({ subtotalAmount: 10_000, shippingAmount: 0, taxAmount: 0 })).toBeNull();
    expect(taxRateBps({ subtotalAmount: 0, shippingAmount: 0, taxAmount: 0 })).toBeNull();
  });
});

describe('renderInvoicePdf', () => {
  test('the same view gives the same bytes (the creation date is the invoice’s, not the clock’s)', async () => {
    const [a, b] = await Promise.all([renderInvoicePdf(view()), renderInvoicePdf(view())]);
    expect(a.subarray(0, 5).toString()).toBe('%PDF-');
    expect(a.equals(b)).toBe(true);
    const later = await renderInvoicePdf(view({ issuedAt: new Date(Date.UTC(2026, 0, 16)) }));
    expect(later.equals(a)).toBe(false);
  });

  test('one page shows the shop, numbers, dates, address, lines and totals', async () => {
    const { pages, text } = await pdfText(await renderInvoicePdf(view()));
    expect(pages).toBe(1);
    for (const expected of [
      'Unit Shop',
      'INV-000042',
      'M-20260115-7K3Q9',
      '15 January 2026',
      '14 January 2026',
      'Flat 3',
      'N1 9GU London',
      'Difference engine',
      '€123.45',
      '€246.90',
      'Shipping €5.00',
      'Tax (19 %) €47.86',
      'Total €299.76',
      'All amounts in EUR.',
      'help@unit.example',
    ]) {
      expect(text[0]).toContain(expected);
    }
  });

  test('a long order repeats the table header on each page and keeps the totals together', async () => {
    const lines = Array.from({ length: 80 }, (_, i) => ({
      title: `Item number ${i + 1} with a title long enough to wrap onto a second line of the table column`,
      quantity: 1,
      unitPriceAmount: 100,
      lineTotalAmount: 100,
    }));
    const { pages, text } = await pdfText(
      await renderInvoicePdf(
        view({ lines, subtotalAmount: 8_000, shippingAmount: 0, taxAmount: 0, totalAmount: 8_000 }),
      ),
    );
    expect(pages).toBeGreaterThan(2);
    for (const page of text) expect(page).toContain('Item Qty Unit price Amount');
    expect(text.join('\n')).toContain('Item number 80 with');
    expect(text[pages - 1]).toMatch(/Subtotal €80\.00[\s\S]*Total €80\.00/);
  });
});
