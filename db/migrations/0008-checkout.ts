import {
  addIndex,
  createTable,
  datetime,
  dropTables,
  integer,
  type MigrationParams,
  money,
  string,
} from './helpers';
import { DataTypes } from 'sequelize';

/**
 * What checkout and payment need beyond 0005: the request fingerprint and guest owner of an order, why an order
 * failed, the payment's 3-D Secure client secret and decline, the webhook events already seen, and the built-in
 * test payment provider's own records (it plays an outside system, so it keeps its state apart from ours).
 */
export async function up({ context: qi }: MigrationParams): Promise<void> {
  // A hash of the checkout body: the same Idempotency-Key with another body is a 422, not a second order.
  await qi.addColumn('orders', 'request_hash', string(64, true));
  // Guest orders are readable with the cart token that placed them; only its SHA-256 is kept.
  await qi.addColumn('orders', 'guest_token_hash', string(64, true));
  await qi.addColumn('orders', 'failure_reason', string(64, true));
  await addIndex(qi, 'orders', ['guest_token_hash']);

  await qi.addColumn('payments', 'client_secret', string(255, true));
  await qi.addColumn('payments', 'failure_code', string(64, true));
  await qi.addColumn('payments', 'failure_message', string(255, true));

  await createTable(qi, 'webhook_events', {
    id: { type: DataTypes.INTEGER, primaryKey: true, autoIncrement: true, allowNull: false },
    provider: string(32),
    event_id: string(191),
    type: string(128),
    received_at: datetime(),
    processed_at: datetime(true),
  });
  await addIndex(qi, 'webhook_events', ['provider', 'event_id'], { unique: true });

  await createTable(qi, 'test_payments', {
    id: { ...string(64), primaryKey: true },
    amount: money(),
    currency: string(3),
    status: string(32),
    payment_method: string(64, true),
    failure_code: string(64, true),
    capture_count: integer(0),
    idempotency_key: { ...string(191), unique: true },
    created_at: datetime(),
    updated_at: datetime(),
  });
}

export async function down({ context: qi }: MigrationParams): Promise<void> {
  await dropTables(qi, ['test_payments', 'webhook_events']);
  for (const column of ['failure_message', 'failure_code', 'client_secret'])
    await qi.removeColumn('payments', column);
  await qi.removeIndex('orders', ['guest_token_hash']);
  for (const column of ['failure_reason', 'guest_token_hash', 'request_hash'])
    await qi.removeColumn('orders', column);
}
