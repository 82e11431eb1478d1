// Money and dates as emails and invoices print them. Each formatter is made once: making an Intl formatter costs far
// more than formatting with it (the worker's profile, docs/benchmarks.md issue 14 eleventh step).

/** Minor units → "€1,234.50" in the currency, with its own number of decimals (EUR 2, JPY 0, KWD 3). */
export function formatMoneyIn(locale: string, minor: number, currency: string): string {
  const key = `${locale}/${currency}`;
  let money = moneyFormats.get(key);
  if (!money) {
    const format = new Intl.NumberFormat(locale, { style: 'currency', currency });
    money = { format, scale: 10 ** (format.resolvedOptions().maximumFractionDigits ?? 2) };
    moneyFormats.set(key, money);
  }
  return money.format.format(minor / money.scale);
}
const moneyFormats = new Map<string, { format: Intl.NumberFormat; scale: number }>();

const longDate = new Intl.DateTimeFormat('en-GB', { dateStyle: 'long', timeZone: 'UTC' });

/** "7 December 2026" (UTC). */
export const formatDate = (date: Date): string => longDate.format(date);
