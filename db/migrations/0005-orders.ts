import { DataTypes, Op } from 'sequelize';
import {
  addIndex,
  binaryString,
  createTable,
  currency,
  datetime,
  dropTables,
  id,
  integer,
  type MigrationParams,
  money,
  references,
  string,
  timestamps,
} from './helpers';

const nonNegative = (table: string, columns: string[]) =>
  columns.map((column) => ({
    name: `${table}_${column}_non_negative`,
    where: { [column]: { [Op.gte]: 0 } },
  }));

/** Orders and everything hanging off them: lines, stock reservations, payments, shipments, the timeline. */
export async function up({ context: qi }: MigrationParams): Promise<void> {
  await createTable(
    qi,
    'orders',
    {
      id: id(),
      number: { ...string(32), unique: true },
      // SET NULL: deleting an account must not delete the order history the business has to keep.
      user_id: references('users', 'SET NULL'),
      email: string(255),
      status: { ...string(32), defaultValue: 'pending' },
      subtotal_amount: money(),
      shipping_amount: money(),
      tax_amount: money(),
      total_amount: money(),
      currency: currency(),
      shipping_address: { type: DataTypes.JSON, allowNull: false },
      workflow_id: { ...string(191), unique: true },
      idempotency_key: { ...binaryString(191, true), unique: true },
      ...timestamps(),
    },
    nonNegative('orders', ['subtotal_amount', 'shipping_amount', 'tax_amount', 'total_amount']),
  );
  await addIndex(qi, 'orders', ['user_id', 'created_at']);
  await addIndex(qi, 'orders', ['status', 'created_at']);
  await addIndex(qi, 'orders', ['email']);

  await createTable(
    qi,
    'order_items',
    {
      id: id(),
      order_id: references('orders', 'CASCADE'),
      // RESTRICT: a product that was sold can be archived, never deleted.
      product_id: references('products', 'RESTRICT'),
      title: string(200),
      unit_price_amount: money(),
      quantity: integer(),
      line_total_amount: money(),
      ...timestamps(),
    },
    [
      { name: 'order_items_quantity_positive', where: { quantity: { [Op.gt]: 0 } } },
      ...nonNegative('order_items', ['unit_price_amount', 'line_total_amount']),
    ],
  );
  await addIndex(qi, 'order_items', ['order_id', 'product_id'], { unique: true });
  await addIndex(qi, 'order_items', ['product_id']);

  await createTable(
    qi,
    'stock_reservations',
    {
      id: id(),
      product_id: references('products', 'RESTRICT'),
      order_id: references('orders', 'CASCADE'),
      quantity: integer(),
      expires_at: datetime(),
      status: { ...string(16), defaultValue: 'held' },
      ...timestamps(),
    },
    [{ name: 'stock_reservations_quantity_positive', where: { quantity: { [Op.gt]: 0 } } }],
  );
  // One reservation per order and product makes the reserve activity idempotent.
  await addIndex(qi, 'stock_reservations', ['order_id', 'product_id'], { unique: true });
  await addIndex(qi, 'stock_reservations', ['status', 'expires_at']);
  await addIndex(qi, 'stock_reservations', ['product_id']);

  await createTable(
    qi,
    'payments',
    {
      id: id(),
      // RESTRICT: money records outlive any clean-up of orders.
      order_id: references('orders', 'RESTRICT'),
      provider: string(32),
      provider_payment_id: string(191, true),
      provider_customer_id: string(191, true),
      amount: money(),
      currency: currency(),
      status: { ...string(16), defaultValue: 'pending' },
      idempotency_key: { ...binaryString(191), unique: true },
      ...timestamps(),
    },
    nonNegative('payments', ['amount']),
  );
  await addIndex(qi, 'payments', ['order_id']);
  await addIndex(qi, 'payments', ['provider', 'provider_payment_id'], { unique: true });

  await createTable(qi, 'shipments', {
    id: id(),
    order_id: references('orders', 'CASCADE'),
    carrier: string(64),
    tracking_number: string(128, true),
    status: { ...string(16), defaultValue: 'pending' },
    shipped_at: datetime(true),
    delivered_at: datetime(true),
    ...timestamps(),
  });
  await addIndex(qi, 'shipments', ['order_id']);
  await addIndex(qi, 'shipments', ['tracking_number']);

  await createTable(qi, 'order_events', {
    id: id(),
    order_id: references('orders', 'CASCADE'),
    type: string(64),
    from_status: string(32, true),
    to_status: string(32, true),
    data: { type: DataTypes.JSON, allowNull: true },
    occurred_at: datetime(),
    created_at: datetime(),
  });
  await addIndex(qi, 'order_events', ['order_id', 'occurred_at']);
}

export async function down({ context: qi }: MigrationParams): Promise<void> {
  await dropTables(qi, [
    'order_events',
    'shipments',
    'payments',
    'stock_reservations',
    'order_items',
    'orders',
  ]);
}
