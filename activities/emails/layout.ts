import type { ShopBranding } from '../deps';
import { escapeHtml, formatMoney, safeColor, safeUrl } from './format';
import type { OrderEmailView } from './view';

/**
 * The frame every order email shares: a table layout with inline styles (mail clients drop <style> blocks and
 * ignore most CSS), the shop's logo or name in its brand colour, and a footer with the support address. Helpers
 * return HTML fragments; they escape what they are given, so callers pass plain text.
 */

const FONT = "font-family:-apple-system,'Segoe UI',Helvetica,Arial,sans-serif";
const TABLE = 'role="presentation" cellpadding="0" cellspacing="0"';

export function paragraph(text: string): string {
  return `<p style="margin:0 0 16px;${FONT};font-size:15px;line-height:1.5;color:#1f2937">${escapeHtml(text)}</p>`;
}

/** A call-to-action link styled as a button; nothing when the URL is not http(s). */
export function button(shop: ShopBranding, href: string | null, label: string): string {
  const url = safeUrl(href);
  if (!url) return '';
  const color = safeColor(shop.brandColor);
  return (
    `<p style="margin:24px 0"><a href="${escapeHtml(url)}" style="display:inline-block;padding:12px 20px;` +
    `background:${color};color:#ffffff;text-decoration:none;border-radius:6px;${FONT};font-size:15px;` +
    `font-weight:600">${escapeHtml(label)}</a></p>`
  );
}

/** Label/value rows (carrier, tracking number, amounts); values are text, or a link when `href` is set. */
export function facts(
  rows: { label: string; value: string; href?: string | null; strong?: boolean }[],
): string {
  const cell = `padding:6px 0;${FONT};font-size:15px;color:#1f2937`;
  const body = rows
    .map(({ label, value, href, strong }) => {
      const url = safeUrl(href);
      const shown = url
        ? `<a href="${escapeHtml(url)}" style="color:#1f2937">${escapeHtml(value)}</a>`
        : escapeHtml(value);
      const weight = strong ? 'font-weight:700;' : '';
      return (
        `<tr><td style="${cell};color:#6b7280;padding-right:24px">${escapeHtml(label)}</td>` +
        `<td style="${cell};${weight}text-align:right">${shown}</td></tr>`
      );
    })
    .join('');
  return `<table ${TABLE} style="width:100%;margin:0 0 16px">${body}</table>`;
}

/** The order's lines with quantity and line totals. */
export function itemsTable(view: OrderEmailView): string {
  const { currency } = view.order;
  return facts(
    view.items.map((item) => ({
      label: `${item.quantity} × ${item.title}`,
      value: formatMoney(item.lineTotalAmount, currency),
    })),
  );
}

export function totalsTable(view: OrderEmailView): string {
  const { subtotalAmount, shippingAmount, taxAmount, totalAmount, currency } = view.order;
  return facts([
    { label: 'Subtotal', value: formatMoney(subtotalAmount, currency) },
    { label: 'Shipping', value: formatMoney(shippingAmount, currency) },
    { label: 'Tax', value: formatMoney(taxAmount, currency) },
    { label: 'Total', value: formatMoney(totalAmount, currency), strong: true },
  ]);
}

export function addressLines(view: OrderEmailView): string[] {
  const a = view.order.shippingAddress;
  return [a.name, a.line1, a.line2, [a.postalCode, a.city].join(' '), a.region, a.country].filter(
    (line): line is string => Boolean(line),
  );
}

export function addressBlock(view: OrderEmailView): string {
  const lines = addressLines(view).map(escapeHtml).join('<br>');
  return `<p style="margin:0 0 16px;${FONT};font-size:15px;line-height:1.5;color:#1f2937">${lines}</p>`;
}

export function heading(text: string): string {
  return `<h2 style="margin:24px 0 8px;${FONT};font-size:16px;color:#1f2937">${escapeHtml(text)}</h2>`;
}

/** The whole document around `body` (HTML fragments from the helpers above). */
export function htmlDocument(shop: ShopBranding, title: string, body: string): string {
  const color = safeColor(shop.brandColor);
  const logo = safeUrl(shop.logoUrl);
  const brand = logo
    ? `<img src="${escapeHtml(logo)}" alt="${escapeHtml(shop.name)}" style="max-height:48px;border:0">`
    : `<span style="${FONT};font-size:22px;font-weight:700;color:#ffffff">${escapeHtml(shop.name)}</span>`;
  const home = safeUrl(shop.url);
  const support = shop.supportEmail
    ? ` Questions? Write to <a href="mailto:${escapeHtml(shop.supportEmail)}" style="color:#6b7280">` +
      `${escapeHtml(shop.supportEmail)}</a>.`
    : '';
  const shopLink = home
    ? `<a href="${escapeHtml(home)}" style="color:#6b7280">${escapeHtml(shop.name)}</a>`
    : escapeHtml(shop.name);
  const footerStyle = `padding:16px 32px;border-top:1px solid #e5e7eb;${FONT};font-size:13px;color:#6b7280`;
  return `<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width">
<title>${escapeHtml(title)}</title></head>
<body style="margin:0;padding:0;background:#f3f4f6">
<table ${TABLE} style="width:100%;background:#f3f4f6">
<tr><td align="center" style="padding:24px 12px">
<table ${TABLE} style="width:100%;max-width:600px;background:#ffffff;border-radius:8px;overflow:hidden">
<tr><td style="background:${color};padding:20px 32px">${brand}</td></tr>
<tr><td style="padding:32px">
<h1 style="margin:0 0 16px;${FONT};font-size:22px;color:#1f2937">${escapeHtml(title)}</h1>
${body}
</td></tr>
<tr><td style="${footerStyle}">Sent by ${shopLink}.${support}</td></tr>
</table></td></tr></table>
</body></html>
`;
}

/** The plain-text part: the same content, paragraphs separated by blank lines. */
export function textDocument(shop: ShopBranding, title: string, blocks: (string | null | false)[]): string {
  const footer = [`${shop.name} — ${shop.url}`, shop.supportEmail ? `Questions? ${shop.supportEmail}` : null]
    .filter(Boolean)
    .join('\n');
  return [title, ...blocks.filter((b): b is string => Boolean(b)), '--', footer].join('\n\n') + '\n';
}
