// Money and dates through Intl. Amounts are integers in minor units with an ISO 4217 currency.
const moneyFormats = new Map<string, Intl.NumberFormat>();

function minorDigits(currency: string): number {
  return (
    new Intl.NumberFormat('en', { style: 'currency', currency }).resolvedOptions().maximumFractionDigits ?? 2
  );
}

export function formatMoney(amount: number, currency: string, locale = 'en-US'): string {
  const key = `${locale}:${currency}`;
  let format = moneyFormats.get(key);
  if (!format) {
    format = new Intl.NumberFormat(locale, { style: 'currency', currency });
    moneyFormats.set(key, format);
  }
  return format.format(amount / 10 ** minorDigits(currency));
}

/** "12.50" → 1250 for a 2-digit currency; null when it is not a plain non-negative number. */
export function parseMoney(text: string, currency: string): number | null {
  const trimmed = text.trim();
  if (!/^\d+(\.\d+)?$/.test(trimmed)) return null;
  const digits = minorDigits(currency);
  const [whole, fraction = ''] = trimmed.split('.');
  if (fraction.length > digits) return null;
  return Number(whole) * 10 ** digits + Number(fraction.padEnd(digits, '0') || '0');
}

// One time zone on the server and in the browser, so hydration never meets a different text; the zone is shown.
export function formatDate(iso: string, locale = 'en-US'): string {
  return new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeZone: 'UTC' }).format(new Date(iso));
}

export function formatDateTime(iso: string, locale = 'en-US'): string {
  // dateStyle/timeStyle cannot be combined with timeZoneName: spell the parts out.
  return new Intl.DateTimeFormat(locale, {
    year: 'numeric',
    month: 'short',
    day: 'numeric',
    hour: 'numeric',
    minute: '2-digit',
    timeZone: 'UTC',
    timeZoneName: 'short',
  }).format(new Date(iso));
}
