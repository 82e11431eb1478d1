import type { ShopBranding } from '../deps';
import { escapeHtml, formatMoney, safeUrl } from './format';
import { ORDER_EMAIL_TEMPLATES, type OrderEmailView, renderOrderEmail, TEMPLATE_SHOWS } from './index';

const shop: ShopBranding = {
  name: 'Corner Shop',
  url: 'https://shop.example/',
  brandColor: '#0a7f5a',
  logoUrl: 'https://cdn.example/logo.png',
  supportEmail: 'help@shop.example',
  from: 'Corner Shop <shop@shop.example>',
};
const EVIL = '<script>alert("x")</script> & \'co\'';

function view(overrides: Partial<OrderEmailView> = {}): OrderEmailView {
  return {
    shop,
    order: {
      id: 42,
      number: 'M-20261123-ABC12',
      email: 'buyer@example.com',
      currency: 'EUR',
      subtotalAmount: 123_450,
      shippingAmount: 499,
      taxAmount: 0,
      totalAmount: 123_949,
      createdAt: new Date('2026-11-23T10:00:00Z'),
      shippingAddress: { name: EVIL, line1: '1 Main St', city: 'Berlin', postalCode: '10115', country: 'DE' },
    },
    items: [{ title: `Mug ${EVIL}`, quantity: 2, unitPriceAmount: 61_725, lineTotalAmount: 123_450 }],
    shipment: {
      carrier: 'DHL',
      trackingNumber: 'JD0001<b>',
      trackingUrl: 'https://track.example/?id=JD0001&lang=en',
    },
    refunds: { totalAmount: 1_500, latestAmount: 1_000 },
    ...overrides,
  };
}

describe.each(ORDER_EMAIL_TEMPLATES)('%s', (template) => {
  const email = renderOrderEmail(template, view());

  test('escapes a malicious name and title in the HTML, keeps them readable in the text', () => {
    expect(email.html).not.toContain('<script>');
    expect(email.html).toContain('&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; &#39;co&#39;');
    expect(email.text).toContain(`Hello ${EVIL},`);
  });

  test('links to the order page and carries the branding', () => {
    const link = 'https://shop.example/orders/42';
    expect(email.html).toContain(`href="${link}"`);
    expect(email.text).toContain(link);
    expect(email.html).toContain('background:#0a7f5a');
    expect(email.html).toContain('<img src="https://cdn.example/logo.png" alt="Corner Shop"');
    expect(email.html).toContain('mailto:help@shop.example');
    expect(email.subject).toContain('M-20261123-ABC12');
    expect(email.subject.startsWith('Corner Shop: ')).toBe(true);
  });
});

test('the confirmation lists items and totals in the order currency', () => {
  const email = renderOrderEmail('order_confirmation', view());
  for (const part of [email.html, email.text]) {
    expect(part).toContain('€1,234.50');
    expect(part).toContain('€4.99');
    expect(part).toContain('€1,239.49');
    expect(part).toContain('10115 Berlin');
  }
  expect(email.text).toContain(`2 × Mug ${EVIL}: €1,234.50`);
});

test('the shipped email shows carrier, tracking number and an escaped tracking link', () => {
  const email = renderOrderEmail('order_shipped', view());
  expect(email.html).toContain('DHL');
  expect(email.html).toContain('JD0001&lt;b&gt;');
  expect(email.html).toContain('href="https://track.example/?id=JD0001&amp;lang=en"');
  expect(email.html).toContain('Track your parcel');
  expect(email.text).toContain('Carrier: DHL');
  expect(email.text).toContain('Tracking number: JD0001<b>');
  expect(email.text).toContain('Track your parcel: https://track.example/?id=JD0001&lang=en');
});

test('the shipped email drops a tracking URL that is not http(s)', () => {
  const email = renderOrderEmail(
    'order_shipped',
    view({ shipment: { carrier: 'UPS', trackingNumber: '1Z', trackingUrl: 'javascript:alert(1)' } }),
  );
  expect(email.html).not.toContain('javascript:');
  expect(email.html).not.toContain('Track your parcel');
  expect(email.text).toContain('Tracking number: 1Z');
});

test('the refunded email states the amount refunded now and in total', () => {
  const email = renderOrderEmail('order_refunded', view());
  expect(email.subject).toBe('Corner Shop: refund of €10.00 for order M-20261123-ABC12');
  expect(email.html).toContain('€10.00');
  expect(email.html).toContain('€15.00');
  expect(email.text).toContain('Refunded now: €10.00');
  expect(email.text).toContain('Refunded in total: €15.00');
});

test('the payment-failed email explains and links back to the shop', () => {
  const email = renderOrderEmail('payment_failed', view());
  expect(email.text).toContain('nothing was charged');
  expect(email.html).toContain('href="https://shop.example/"');
  expect(email.text).toContain('Back to Corner Shop: https://shop.example/');
});

test('the cancelled email mentions a refund only when there was one', () => {
  expect(renderOrderEmail('order_cancelled', view()).text).toContain('We have refunded €15.00');
  const unpaid = renderOrderEmail(
    'order_cancelled',
    view({ refunds: { totalAmount: 0, latestAmount: null } }),
  );
  expect(unpaid.text).toContain('you will not be charged');
});

test('without a logo the shop name heads the email; a bad brand colour falls back', () => {
  const email = renderOrderEmail(
    'order_delivered',
    view({ shop: { ...shop, logoUrl: null, brandColor: 'red;background:url(x)', supportEmail: null } }),
  );
  expect(email.html).not.toContain('<img');
  expect(email.html).toContain('>Corner Shop</span>');
  expect(email.html).not.toContain('url(x)');
  expect(email.html).not.toContain('mailto:');
});

test('formatMoney uses the currency minor units', () => {
  expect(formatMoney(123_450, 'EUR')).toBe('€1,234.50');
  expect(formatMoney(5, 'USD')).toBe('US$0.05');
  expect(formatMoney(1_234, 'JPY')).toBe('JP¥1,234');
  expect(formatMoney(1_234, 'KWD')).toBe('KWD\u00a01.234');
  expect(formatMoney(-250, 'GBP')).toBe('-£2.50');
});

test('escapeHtml and safeUrl', () => {
  expect(escapeHtml(`<a href="x">'&'</a>`)).toBe('&lt;a href=&quot;x&quot;&gt;&#39;&amp;&#39;&lt;/a&gt;');
  expect(safeUrl('https://a.example/x?y=1')).toBe('https://a.example/x?y=1');
  expect(safeUrl('javascript:alert(1)')).toBeNull();
  expect(safeUrl('data:text/html,hi')).toBeNull();
  expect(safeUrl('not a url')).toBeNull();
  expect(safeUrl(null)).toBeNull();
});

test('a template renders the same without the parts it does not show (the email activity does not read them)', () => {
  const none = { shipment: null, refunds: { totalAmount: 0, latestAmount: null } };
  for (const template of ORDER_EMAIL_TEMPLATES) {
    const shows = TEMPLATE_SHOWS[template];
    const without = view({
      ...(shows.shipment ? {} : { shipment: none.shipment }),
      ...(shows.refunds ? {} : { refunds: none.refunds }),
    });
    expect({ template, email: renderOrderEmail(template, without) }).toEqual({
      template,
      email: renderOrderEmail(template, view()),
    });
  }
  // And the parts a template shows do change it: the table is not simply "nothing".
  expect(renderOrderEmail('order_shipped', view(none)).html).not.toBe(
    renderOrderEmail('order_shipped', view()).html,
  );
  expect(renderOrderEmail('order_refunded', view(none)).text).not.toBe(
    renderOrderEmail('order_refunded', view()).text,
  );
});
