import { formatDate, formatMoney, orderUrl, safeUrl } from './format';
import {
  addressBlock,
  addressLines,
  button,
  facts,
  heading,
  htmlDocument,
  itemsTable,
  paragraph,
  textDocument,
  totalsTable,
} from './layout';
import type { OrderEmailTemplate, OrderEmailView, RenderedEmail } from './view';

/** One pure function per email: the order as loaded → subject, HTML and text. */

const money = (view: OrderEmailView, minor: number) => formatMoney(minor, view.order.currency);
const greeting = (view: OrderEmailView) => `Hello ${view.order.shippingAddress.name},`;

function itemsText(view: OrderEmailView): string {
  const lines = view.items.map((i) => `${i.quantity} × ${i.title}: ${money(view, i.lineTotalAmount)}`);
  const o = view.order;
  return [
    ...lines,
    '',
    `Subtotal: ${money(view, o.subtotalAmount)}`,
    `Shipping: ${money(view, o.shippingAmount)}`,
    `Tax: ${money(view, o.taxAmount)}`,
    `Total: ${money(view, o.totalAmount)}`,
  ].join('\n');
}

export function orderConfirmation(view: OrderEmailView): RenderedEmail {
  const { shop, order } = view;
  const link = orderUrl(shop.url, order.id);
  const title = `Thank you for your order ${order.number}`;
  const intro =
    `We have received your order of ${formatDate(order.createdAt)} and are getting it ready. ` +
    'We will write again when it ships.';
  return {
    subject: `${shop.name}: order ${order.number} confirmed`,
    html: htmlDocument(
      shop,
      title,
      paragraph(greeting(view)) +
        paragraph(intro) +
        heading('Your order') +
        itemsTable(view) +
        totalsTable(view) +
        heading('Shipping to') +
        addressBlock(view) +
        button(shop, link, 'View your order'),
    ),
    text: textDocument(shop, title, [
      greeting(view),
      intro,
      itemsText(view),
      `Shipping to:\n${addressLines(view).join('\n')}`,
      `View your order: ${link}`,
    ]),
  };
}

export function orderShipped(view: OrderEmailView): RenderedEmail {
  const { shop, order, shipment } = view;
  const link = orderUrl(shop.url, order.id);
  const tracking = safeUrl(shipment?.trackingUrl);
  const title = `Your order ${order.number} is on its way`;
  const intro = shipment
    ? `Good news: your order has left our warehouse with ${shipment.carrier}.`
    : 'Good news: your order has left our warehouse.';
  const rows = shipment
    ? [
        { label: 'Carrier', value: shipment.carrier },
        ...(shipment.trackingNumber
          ? [{ label: 'Tracking number', value: shipment.trackingNumber, href: tracking }]
          : []),
      ]
    : [];
  return {
    subject: `${shop.name}: order ${order.number} has shipped`,
    html: htmlDocument(
      shop,
      title,
      paragraph(greeting(view)) +
        paragraph(intro) +
        (rows.length > 0 ? facts(rows) : '') +
        button(shop, tracking, 'Track your parcel') +
        paragraph('You can also follow your order in your account:') +
        button(shop, link, 'View your order'),
    ),
    text: textDocument(shop, title, [
      greeting(view),
      intro,
      shipment && `Carrier: ${shipment.carrier}`,
      shipment?.trackingNumber ? `Tracking number: ${shipment.trackingNumber}` : null,
      tracking && `Track your parcel: ${tracking}`,
      `View your order: ${link}`,
    ]),
  };
}

export function orderDelivered(view: OrderEmailView): RenderedEmail {
  const { shop, order } = view;
  const link = orderUrl(shop.url, order.id);
  const title = `Your order ${order.number} has been delivered`;
  const intro = 'Your parcel has arrived. We hope you enjoy your purchase!';
  const help = 'If something is wrong with it, reply to this email or contact us and we will sort it out.';
  return {
    subject: `${shop.name}: order ${order.number} delivered`,
    html: htmlDocument(
      shop,
      title,
      paragraph(greeting(view)) + paragraph(intro) + paragraph(help) + button(shop, link, 'View your order'),
    ),
    text: textDocument(shop, title, [greeting(view), intro, help, `View your order: ${link}`]),
  };
}

export function orderCancelled(view: OrderEmailView): RenderedEmail {
  const { shop, order, refunds } = view;
  const link = orderUrl(shop.url, order.id);
  const title = `Your order ${order.number} has been cancelled`;
  const intro = 'Your order has been cancelled and will not be shipped.';
  const refundNote =
    refunds.totalAmount > 0
      ? `We have refunded ${money(view, refunds.totalAmount)} to your original payment method; ` +
        'it may take a few days to appear.'
      : 'If a payment was authorised, the hold on it has been released and you will not be charged.';
  return {
    subject: `${shop.name}: order ${order.number} cancelled`,
    html: htmlDocument(
      shop,
      title,
      paragraph(greeting(view)) +
        paragraph(intro) +
        paragraph(refundNote) +
        button(shop, link, 'View your order'),
    ),
    text: textDocument(shop, title, [greeting(view), intro, refundNote, `View your order: ${link}`]),
  };
}

export function orderRefunded(view: OrderEmailView): RenderedEmail {
  const { shop, order, refunds } = view;
  const link = orderUrl(shop.url, order.id);
  const amount = refunds.latestAmount ?? refunds.totalAmount;
  const title = `We have refunded ${money(view, amount)}`;
  const intro =
    `A refund of ${money(view, amount)} for order ${order.number} is on its way to your original payment ` +
    'method; it may take a few days to appear.';
  const rows = [
    { label: 'Refunded now', value: money(view, amount), strong: true },
    { label: 'Refunded in total', value: money(view, refunds.totalAmount) },
    { label: 'Order total', value: money(view, order.totalAmount) },
  ];
  return {
    subject: `${shop.name}: refund of ${money(view, amount)} for order ${order.number}`,
    html: htmlDocument(
      shop,
      title,
      paragraph(greeting(view)) + paragraph(intro) + facts(rows) + button(shop, link, 'View your order'),
    ),
    text: textDocument(shop, title, [
      greeting(view),
      intro,
      rows.map((r) => `${r.label}: ${r.value}`).join('\n'),
      `View your order: ${link}`,
    ]),
  };
}

export function paymentFailed(view: OrderEmailView): RenderedEmail {
  const { shop, order } = view;
  const link = orderUrl(shop.url, order.id);
  const title = `We could not take payment for order ${order.number}`;
  const intro =
    `Your payment of ${money(view, order.totalAmount)} was declined or not completed in time, ` +
    'so the order has not been placed and nothing was charged.';
  const next = 'You are welcome to try again, with the same or another payment method, from our shop.';
  return {
    subject: `${shop.name}: payment for order ${order.number} did not go through`,
    html: htmlDocument(
      shop,
      title,
      paragraph(greeting(view)) +
        paragraph(intro) +
        paragraph(next) +
        button(shop, shop.url, `Back to ${shop.name}`) +
        paragraph('Order details:') +
        button(shop, link, 'View the order'),
    ),
    text: textDocument(shop, title, [
      greeting(view),
      intro,
      next,
      `Back to ${shop.name}: ${shop.url}`,
      `Order details: ${link}`,
    ]),
  };
}

export const ORDER_EMAILS: Record<OrderEmailTemplate, (view: OrderEmailView) => RenderedEmail> = {
  order_confirmation: orderConfirmation,
  order_shipped: orderShipped,
  order_delivered: orderDelivered,
  order_cancelled: orderCancelled,
  order_refunded: orderRefunded,
  payment_failed: paymentFailed,
};

export function renderOrderEmail(template: OrderEmailTemplate, view: OrderEmailView): RenderedEmail {
  return ORDER_EMAILS[template](view);
}
