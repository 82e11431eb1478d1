import { describe, expect, test } from 'vitest';
import { formatMoney } from '../money/money';
import { timelineDetails } from './timelineDetails';

describe('timelineDetails', () => {
  test('amounts as money in the order currency, labels in words, the currency not repeated', () => {
    expect(timelineDetails({ totalAmount: 37195, currency: 'USD', lines: 1 }, 'USD')).toEqual([
      `Total amount: ${formatMoney(37195, 'USD')}`,
      'Lines: 1',
    ]);
  });

  test('an event in another currency says so and formats in it', () => {
    expect(timelineDetails({ amount: 500, currency: 'JPY' }, 'EUR')).toEqual([
      `Amount: ${formatMoney(500, 'JPY')}`,
      'Currency: JPY',
    ]);
  });

  test('timestamps in local time, empty values left out, nested values as JSON', () => {
    const at = '2026-12-05T05:43:59.179Z';
    expect(
      timelineDetails({ expiresAt: at, trackingUrl: null, carrier: 'DHL', meta: { a: 1 } }, 'EUR'),
    ).toEqual([`Expires at: ${new Date(at).toLocaleString()}`, 'Carrier: DHL', 'Meta: {"a":1}']);
  });

  test('no data, no lines', () => {
    expect(timelineDetails(null, 'EUR')).toEqual([]);
  });
});
