import { describe, expect, test } from 'vitest';
import { formatDate, formatDateTime, formatMoney, parseMoney } from './format';

describe('format', () => {
  test('money is minor units in the currency’s own decimals', () => {
    expect(formatMoney(1999, 'USD')).toBe('$19.99');
    expect(formatMoney(500, 'JPY')).toBe('¥500');
    expect(formatMoney(0, 'EUR', 'de-DE')).toMatch(/^0,00\s€$/);
  });

  test('typed prices become minor units, or null when they are not plain amounts', () => {
    expect(parseMoney('12.5', 'USD')).toBe(1250);
    expect(parseMoney('12', 'USD')).toBe(1200);
    expect(parseMoney('12.345', 'USD')).toBeNull();
    expect(parseMoney('-1', 'USD')).toBeNull();
    expect(parseMoney('1e3', 'USD')).toBeNull();
    expect(parseMoney('500', 'JPY')).toBe(500);
  });

  test('dates read the same on the server and in any browser (UTC, named)', () => {
    expect(formatDate('2026-12-04T23:30:00Z')).toBe('Dec 4, 2026');
    expect(formatDateTime('2026-12-04T23:30:00Z')).toBe('Dec 4, 2026, 11:30 PM UTC');
  });
});
