/**
 * Escaping and formatting for email templates. Everything that comes from a customer, the catalog or a carrier
 * (names, titles, tracking numbers and URLs) goes through escapeHtml or safeUrl before it reaches the HTML.
 */

import { formatMoneyIn } from '../formats';

export { formatDate } from '../formats';

const ENTITIES: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;',
};

/** Text for an HTML element or a double- or single-quoted attribute. */
export function escapeHtml(value: string): string {
  return value.replace(/[&<>"']/g, (c) => ENTITIES[c]!);
}

/** The URL if it is absolute http(s) (never `javascript:` or `data:`), else null; escape it when you use it. */
export function safeUrl(value: string | null | undefined): string | null {
  if (!value) return null;
  try {
    const url = new URL(value);
    return url.protocol === 'https:' || url.protocol === 'http:' ? url.href : null;
  } catch {
    return null;
  }
}

/** A CSS colour we accept in a style attribute: #rgb, #rrggbb or #rrggbbaa; anything else gets the fallback. */
export function safeColor(value: string, fallback = '#1f2937'): string {
  return /^#(?:[0-9a-f]{3}|[0-9a-f]{6}|[0-9a-f]{8})$/i.test(value) ? value : fallback;
}

// Emails are in English for now; the currency decides symbol and decimals (EUR 2, JPY 0, KWD 3).
const LOCALE = 'en-GB';

/** Minor units → "€1,234.50" in the order's currency. */
export const formatMoney = (minor: number, currency: string): string =>
  formatMoneyIn(LOCALE, minor, currency);

/** `${shop.url}/orders/${id}`, whatever trailing slash the shop URL has. */
export function orderUrl(shopUrl: string, orderId: number): string {
  return `${shopUrl.replace(/\/+$/, '')}/orders/${orderId}`;
}
