import { describe, expect, test } from 'vitest';
import type { AdminOrder, OrderStatus } from '../data/types';
import { allowedActions, refundableAmount } from './allowedActions';

const captured = (amount: number) => ({
  status: 'captured',
  provider: 'test',
  amount,
  currency: 'EUR',
  decline: null,
});

const order = (
  status: OrderStatus,
  more: Partial<Pick<AdminOrder, 'payment' | 'refundedAmount' | 'process'>> = {},
) => ({
  status,
  payment: captured(5000),
  refundedAmount: 0,
  process: { phase: status, stuck: null },
  ...more,
});

describe('allowedActions', () => {
  test.each<[OrderStatus, string[]]>([
    ['awaiting_payment', ['cancel']],
    ['paid', ['ship', 'cancel', 'refund']],
    ['processing', ['ship', 'cancel', 'refund']],
    ['shipped', ['deliver', 'refund']],
    ['delivered', ['refund']],
    ['cancelled', []],
    ['refunded', []],
    ['failed', []],
  ])('%s → %j', (status, actions) => {
    const payment = status === 'awaiting_payment' ? { ...captured(5000), status: 'pending' } : captured(5000);
    expect(allowedActions(order(status, { payment }))).toEqual(actions);
  });

  test('no refund once everything captured was refunded', () => {
    expect(allowedActions(order('delivered', { refundedAmount: 5000 }))).toEqual([]);
  });

  test('a stuck step offers retry, and a stuck capture also cancel', () => {
    expect(allowedActions(order('delivered', { process: { phase: 'delivered', stuck: 'invoice' } }))).toEqual(
      ['refund', 'retry'],
    );
    expect(
      allowedActions(order('pending', { payment: null, process: { phase: 'capturing', stuck: 'capture' } })),
    ).toEqual(['cancel', 'retry']);
  });
});

describe('refundableAmount', () => {
  test('is what was captured less the succeeded refunds', () => {
    expect(refundableAmount({ payment: captured(5000), refundedAmount: 1200 })).toBe(3800);
  });
  test('is zero without a captured payment', () => {
    expect(refundableAmount({ payment: null, refundedAmount: 0 })).toBe(0);
    expect(
      refundableAmount({ payment: { ...captured(5000), status: 'authorized' }, refundedAmount: 0 }),
    ).toBe(0);
  });
});
