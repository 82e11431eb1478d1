import { Op } from 'sequelize';
import {
  addIndex,
  binaryString,
  createTable,
  currency,
  datetime,
  dropTables,
  id,
  type MigrationParams,
  money,
  references,
  string,
  timestamps,
} from './helpers';

/**
 * After payment: invoices (numbered by their id, a database sequence), refunds (each with the idempotency key the
 * workflow gave the provider), how much of a payment was refunded, and the test provider's own refund total.
 */
export async function up({ context: qi }: MigrationParams): Promise<void> {
  await createTable(
    qi,
    'invoices',
    {
      id: id(),
      order_id: { ...references('orders', 'RESTRICT'), unique: true },
      number: { ...string(32, true), unique: true },
      storage_key: string(255, true),
      total_amount: money(),
      currency: currency(),
      ...timestamps(),
    },
    [{ name: 'invoices_total_non_negative', where: { total_amount: { [Op.gte]: 0 } } }],
  );

  await createTable(
    qi,
    'refunds',
    {
      id: id(),
      order_id: references('orders', 'RESTRICT'),
      payment_id: references('payments', 'RESTRICT'),
      amount: money(),
      currency: currency(),
      status: { ...string(16), defaultValue: 'pending' },
      reason: string(64, true),
      provider_refund_id: string(191, true),
      idempotency_key: { ...binaryString(191), unique: true },
      ...timestamps(),
    },
    [{ name: 'refunds_amount_positive', where: { amount: { [Op.gt]: 0 } } }],
  );
  await addIndex(qi, 'refunds', ['order_id']);
  await addIndex(qi, 'refunds', ['payment_id']);

  // The test provider's refunds (it plays Stripe, so its records stay apart from ours).
  await createTable(qi, 'test_refunds', {
    id: { ...string(64), primaryKey: true },
    payment_id: string(64),
    amount: money(),
    idempotency_key: { ...string(191), unique: true },
    created_at: datetime(),
    updated_at: datetime(),
  });

  await qi.addColumn('payments', 'refunded_amount', { ...money(), defaultValue: 0 });
  await qi.addColumn('test_payments', 'refunded_amount', { ...money(), defaultValue: 0 });
  await qi.addColumn('orders', 'cancel_reason', string(255, true));
  await qi.addColumn('shipments', 'tracking_url', string(512, true));
  await qi.addColumn('shipments', 'last_event_at', datetime(true));
}

export async function down({ context: qi }: MigrationParams): Promise<void> {
  await qi.removeColumn('shipments', 'last_event_at');
  await qi.removeColumn('shipments', 'tracking_url');
  await qi.removeColumn('orders', 'cancel_reason');
  await qi.removeColumn('test_payments', 'refunded_amount');
  await qi.removeColumn('payments', 'refunded_amount');
  await dropTables(qi, ['test_refunds', 'refunds', 'invoices']);
}
