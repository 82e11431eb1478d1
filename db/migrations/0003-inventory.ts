import { col, Op } from 'sequelize';
import {
  addIndex,
  createTable,
  datetime,
  dropTables,
  id,
  integer,
  type MigrationParams,
  references,
  string,
  timestamps,
} from './helpers';

/** Stock per product and the stock ledger. Reservations need orders, so they come with 0005-orders. */
export async function up({ context: qi }: MigrationParams): Promise<void> {
  await createTable(
    qi,
    'inventory',
    {
      product_id: { ...references('products', 'CASCADE'), primaryKey: true },
      on_hand: integer(0),
      reserved: integer(0),
      low_stock_threshold: integer(5),
      ...timestamps(),
    },
    [
      { name: 'inventory_on_hand_non_negative', where: { on_hand: { [Op.gte]: 0 } } },
      // Never more reserved than on the shelf: an overselling UPDATE fails instead of succeeding.
      {
        name: 'inventory_reserved_within_on_hand',
        where: { reserved: { [Op.gte]: 0, [Op.lte]: col('on_hand') } },
      },
      { name: 'inventory_threshold_non_negative', where: { low_stock_threshold: { [Op.gte]: 0 } } },
    ],
  );

  await createTable(
    qi,
    'stock_movements',
    {
      id: id(),
      product_id: references('products', 'CASCADE'),
      delta: integer(),
      reason: string(16),
      reference: string(191, true),
      actor_user_id: references('users', 'SET NULL'),
      created_at: datetime(),
    },
    [{ name: 'stock_movements_delta_non_zero', where: { delta: { [Op.ne]: 0 } } }],
  );
  await addIndex(qi, 'stock_movements', ['product_id', 'created_at']);
  await addIndex(qi, 'stock_movements', ['actor_user_id']);
}

export async function down({ context: qi }: MigrationParams): Promise<void> {
  await dropTables(qi, ['stock_movements', 'inventory']);
}
