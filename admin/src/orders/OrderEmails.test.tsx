import { cleanup, render, screen, within } from '@testing-library/react';
import { afterEach, describe, expect, test } from 'vitest';
import { RecordContextProvider } from 'react-admin';
import type { AdminOrder } from '../data/types';
import { adminOrder } from '../testing/orders';
import { OrderEmails } from './OrderEmails';

afterEach(cleanup);

const renderEmails = (order: AdminOrder) =>
  render(
    <RecordContextProvider value={order}>
      <OrderEmails />
    </RecordContextProvider>,
  );

describe('OrderEmails', () => {
  test('none yet', () => {
    renderEmails(adminOrder());
    expect(screen.getByText('No emails yet.')).toBeTruthy();
  });

  test('one row per email in the order given: template, recipient, status, and why a send failed', () => {
    renderEmails(
      adminOrder({
        emails: [
          {
            id: 1,
            template: 'order_confirmation',
            to: 'ada@example.com',
            status: 'sent',
            error: null,
            createdAt: '2026-01-01T09:00:00.000Z',
            sentAt: '2026-01-01T09:00:05.000Z',
          },
          {
            id: 2,
            template: 'order_shipped',
            to: 'ada@example.com',
            status: 'failed',
            error: '421: try again later',
            createdAt: '2026-01-02T09:00:00.000Z',
            sentAt: null,
          },
        ],
      }),
    );
    const rows = screen.getAllByRole('row').slice(1);
    expect(rows.map((row) => within(row).getAllByRole('cell')[0]!.textContent)).toEqual([
      'order confirmation',
      'order shipped',
    ]);
    expect(within(rows[0]!).getByText('ada@example.com')).toBeTruthy();
    expect(within(rows[0]!).getByText('sent')).toBeTruthy();
    expect(within(rows[1]!).getByText('failed')).toBeTruthy();
    expect(within(rows[1]!).getByText('421: try again later')).toBeTruthy();
    expect(within(rows[1]!).getAllByRole('cell')[4]!.textContent).toBe('—');
  });
});
