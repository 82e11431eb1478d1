/**
 * Money is an integer of minor units plus an ISO 4217 currency (CONVENTIONS.md, 3). These helpers convert between
 * that and the decimal text people read and type, with string arithmetic only: no float ever holds a price.
 */

/** How many minor-unit digits a currency has: 2 for EUR, 0 for JPY, 3 for BHD. */
export function fractionDigits(currency: string): number {
  try {
    return (
      new Intl.NumberFormat('en', { style: 'currency', currency }).resolvedOptions().maximumFractionDigits ??
      2
    );
  } catch {
    return 2; // an unknown code: the common case
  }
}

/** 1999 EUR → "19.99"; -5 EUR → "-0.05"; 500 JPY → "500". Exact for every safe integer. */
export function toDecimal(minor: number, currency: string): string {
  if (!Number.isSafeInteger(minor)) throw new RangeError(`Not a whole number of minor units: ${minor}`);
  const digits = fractionDigits(currency);
  const sign = minor < 0 ? '-' : '';
  const text = String(Math.abs(minor)).padStart(digits + 1, '0');
  if (digits === 0) return sign + text;
  return `${sign}${text.slice(0, -digits)}.${text.slice(-digits)}`;
}

/** 1999, 'EUR' → "€19.99" (in the reader's locale by default). */
export function formatMoney(minor: number, currency: string, locale?: string): string {
  const format = new Intl.NumberFormat(locale, { style: 'currency', currency });
  // Intl formats a decimal string exactly (ES2023); the type definitions still say number.
  return format.format(toDecimal(minor, currency) as unknown as number);
}

/**
 * "19.99" (or "19,99", "19.9", "19", " 19.99 ") EUR → 1999. Null for anything else: more decimals than the
 * currency has, a sign, thousands separators, letters, an empty string, or an amount past the safe-integer range.
 */
export function parseMoney(text: string, currency: string): number | null {
  const digits = fractionDigits(currency);
  const match = /^(\d+)(?:[.,](\d*))?$/.exec(text.trim());
  if (!match) return null;
  const whole = match[1]!;
  const fraction = match[2] ?? '';
  if (fraction.length > digits) return null;
  const minor = Number(whole + fraction.padEnd(digits, '0'));
  return Number.isSafeInteger(minor) ? minor : null;
}
