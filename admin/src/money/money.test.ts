import { describe, expect, test } from 'vitest';
import { formatMoney, fractionDigits, parseMoney, toDecimal } from './money';

describe('fractionDigits', () => {
  test('follows ISO 4217', () => {
    expect(fractionDigits('EUR')).toBe(2);
    expect(fractionDigits('JPY')).toBe(0);
    expect(fractionDigits('BHD')).toBe(3);
  });
});

describe('toDecimal', () => {
  test.each([
    [1999, 'EUR', '19.99'],
    [5, 'EUR', '0.05'],
    [0, 'EUR', '0.00'],
    [-5, 'EUR', '-0.05'],
    [500, 'JPY', '500'],
    [1234, 'BHD', '1.234'],
    [Number.MAX_SAFE_INTEGER, 'EUR', '90071992547409.91'],
  ])('%i %s → %s', (minor, currency, text) => {
    expect(toDecimal(minor, currency)).toBe(text);
  });

  test('refuses fractions of a minor unit', () => {
    expect(() => toDecimal(19.5, 'EUR')).toThrow(RangeError);
  });
});

describe('formatMoney', () => {
  test('formats minor units in the currency, exactly', () => {
    expect(formatMoney(1999, 'EUR', 'en-US')).toBe('€19.99');
    expect(formatMoney(123456789, 'USD', 'en-US')).toBe('$1,234,567.89');
    expect(formatMoney(500, 'JPY', 'en-US')).toBe('¥500');
    // 0.1 + 0.2 territory: the float 0.29 * 100 is 28.999…, the string arithmetic is not fooled.
    expect(formatMoney(29, 'EUR', 'en-US')).toBe('€0.29');
    expect(formatMoney(Number.MAX_SAFE_INTEGER, 'EUR', 'en-US')).toBe('€90,071,992,547,409.91');
  });

  test('uses the locale’s separators', () => {
    expect(formatMoney(123456, 'EUR', 'de-DE')).toBe('1.234,56\u00a0€');
  });
});

describe('parseMoney', () => {
  test.each([
    ['19.99', 'EUR', 1999],
    ['19,99', 'EUR', 1999],
    ['19.9', 'EUR', 1990],
    ['19', 'EUR', 1900],
    ['19.', 'EUR', 1900],
    [' 0.29 ', 'EUR', 29],
    ['500', 'JPY', 500],
    ['1.234', 'BHD', 1234],
  ])('%j %s → %i', (text, currency, minor) => {
    expect(parseMoney(text, currency)).toBe(minor);
  });

  test.each([['19.999'], ['-1'], ['1,000.00'], ['abc'], [''], ['1e3'], ['99999999999999999']])(
    'refuses %j',
    (text) => {
      expect(parseMoney(text, 'EUR')).toBeNull();
    },
  );

  test('refuses decimals in a currency without minor units', () => {
    expect(parseMoney('5.5', 'JPY')).toBeNull();
  });

  test('round-trips with toDecimal', () => {
    for (const minor of [0, 1, 10, 99, 100, 1999, 123456789]) {
      expect(parseMoney(toDecimal(minor, 'EUR'), 'EUR')).toBe(minor);
    }
  });
});
