import { describe, expect, it } from 'vitest';
import { declineCodeOf, pollDelay } from './order-status';
import { orderSteps, upcomingSteps } from './order-steps';
import type { TimelineEntry } from './types';

const at = (n: number) => new Date(Date.UTC(2026, 0, 1, 12, n)).toISOString();
const entry = (type: string, extra: Partial<TimelineEntry> = {}, n = 0): TimelineEntry => ({
  type,
  fromStatus: null,
  toStatus: null,
  data: null,
  occurredAt: at(n),
  ...extra,
});

describe('orderSteps', () => {
  it('tells the paid path in plain words, leaving out bookkeeping', () => {
    const steps = orderSteps(
      [
        entry('order_placed', {
          toStatus: 'pending',
          data: { totalAmount: 1000, currency: 'USD', lines: 1 },
        }),
        entry('stock_reserved', { data: { expiresAt: at(30) } }, 1),
        entry('payment_created', { data: { amount: 1000 } }, 2),
        entry('status_changed', { fromStatus: 'pending', toStatus: 'awaiting_payment' }, 3),
        entry('payment_authorized', { data: { amount: 1000 } }, 4),
        entry('payment_captured', { data: { amount: 1000 } }, 5),
        entry('status_changed', { fromStatus: 'awaiting_payment', toStatus: 'paid' }, 6),
        entry('status_changed', { fromStatus: 'paid', toStatus: 'processing' }, 7),
      ],
      'USD',
    );
    expect(steps.map((s) => s.label)).toEqual([
      'Order placed',
      'Stock reserved',
      'Payment authorized',
      'Payment captured',
      'Paid',
      'Processing',
    ]);
    expect(steps[3]?.detail).toBe('$10.00');
  });

  it('shows shipping once, with the carrier and a tracking link', () => {
    const steps = orderSteps(
      [
        entry('status_changed', { toStatus: 'shipped' }, 1),
        entry(
          'shipment_shipped',
          { data: { carrier: 'DHL', trackingNumber: 'JD0001', trackingUrl: 'https://dhl.example/JD0001' } },
          1,
        ),
      ],
      'EUR',
    );
    expect(steps).toHaveLength(1);
    expect(steps[0]).toMatchObject({
      label: 'Shipped',
      detail: 'DHL, tracking number JD0001',
      link: { href: 'https://dhl.example/JD0001', label: 'Track your parcel' },
    });
  });

  it('explains failures, declines and cancellations', () => {
    const steps = orderSteps(
      [
        entry('payment_declined', { data: { code: 'insufficient_funds' } }),
        entry('status_changed', { toStatus: 'failed', data: { reason: 'payment_declined' } }, 1),
        entry('status_changed', { toStatus: 'cancelled', data: { by: 'customer', reason: 'Too slow' } }, 2),
      ],
      'USD',
    );
    expect(steps.map((s) => [s.label, s.detail, s.tone])).toEqual([
      ['Payment declined', 'Reason: insufficient funds.', 'problem'],
      ['Failed', 'Because the payment was declined.', 'problem'],
      ['Cancelled', 'Cancelled by you. Reason: Too slow', 'problem'],
    ]);
  });

  it('lists each refund with its amount', () => {
    const steps = orderSteps(
      [
        entry('payment_refunded', { data: { amount: 250, by: 'shop' } }, 1),
        entry('payment_refunded', { data: { amount: 750, by: 'shop' } }, 2),
        entry('status_changed', { toStatus: 'refunded' }, 2),
      ],
      'USD',
    );
    expect(steps.map((s) => s.detail)).toEqual([
      '$2.50 returned to your card.',
      '$7.50 returned to your card.',
      null,
    ]);
  });

  it('ignores types it does not know', () => {
    expect(orderSteps([entry('something_new')], 'USD')).toEqual([]);
  });
});

describe('upcomingSteps and pollDelay', () => {
  it('knows what is still ahead', () => {
    expect(upcomingSteps('awaiting_payment')).toEqual(['Paid', 'Shipped', 'Delivered']);
    expect(upcomingSteps('delivered')).toEqual([]);
  });

  it('polls fast at first, then slowly, and stops when nothing more happens on its own', () => {
    expect(pollDelay('awaiting_payment', 5_000)).toBe(2_000);
    expect(pollDelay('processing', 61_000)).toBe(15_000);
    expect(pollDelay('shipped', 0)).toBeNull();
    expect(pollDelay('failed', 0)).toBeNull();
  });
});

describe('declineCodeOf', () => {
  const failed = { failureReason: 'payment_declined', payment: null };
  it('reads the decline, or recognises a failed bank check', () => {
    expect(declineCodeOf({ ...failed, payment: { decline: { code: 'expired_card' } }, timeline: [] })).toBe(
      'expired_card',
    );
    expect(
      declineCodeOf({
        ...failed,
        timeline: [entry('payment_declined', { data: { code: 'incorrect_cvc' } })],
      }),
    ).toBe('incorrect_cvc');
    expect(declineCodeOf({ ...failed, timeline: [entry('payment_requires_action')] })).toBe(
      'authentication_failed',
    );
    expect(declineCodeOf({ ...failed, timeline: [] })).toBe('card_declined');
    expect(declineCodeOf({ failureReason: 'out_of_stock', payment: null, timeline: [] })).toBeNull();
  });
});
