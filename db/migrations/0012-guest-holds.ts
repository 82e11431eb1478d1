import { DataTypes } from 'sequelize';
import type { MigrationParams } from './helpers';

/**
 * Guest holds are capped per product (GUEST_HOLD_MAX_PERCENT of its stock on hand): inventory.guest_reserved counts
 * the units held by unpaid guest orders, changed by the same conditional UPDATE as `reserved`, and each reservation
 * says whether it counted there, so settling it gives back exactly what it took. Reservations made before this
 * migration are not guest holds (they never counted), which keeps the counter exact for orders in flight.
 */
export async function up({ context: qi }: MigrationParams): Promise<void> {
  await qi.addColumn('inventory', 'guest_reserved', {
    type: DataTypes.INTEGER,
    allowNull: false,
    defaultValue: 0,
  });
  await qi.addColumn('stock_reservations', 'guest', {
    type: DataTypes.BOOLEAN,
    allowNull: false,
    defaultValue: false,
  });
}

export async function down({ context: qi }: MigrationParams): Promise<void> {
  await qi.removeColumn('stock_reservations', 'guest');
  await qi.removeColumn('inventory', 'guest_reserved');
}
