import {
  type CreationOptional,
  DataTypes,
  type InferAttributes,
  type InferCreationAttributes,
  Model,
  type Sequelize,
} from 'sequelize';
import { bindModel, modelOptions, reference, timestamp, timestampAttributes } from './define';

export const RESERVATION_STATUSES = ['held', 'committed', 'released'] as const;
export type ReservationStatus = (typeof RESERVATION_STATUSES)[number];

/** Stock held for an order until it is paid (committed) or given back (released, or expired by a sweeper). */
export class StockReservation extends Model<
  InferAttributes<StockReservation>,
  InferCreationAttributes<StockReservation>
> {
  declare id: CreationOptional<number>;
  declare productId: number;
  declare orderId: number;
  declare quantity: number;
  declare expiresAt: Date;
  declare status: CreationOptional<ReservationStatus>;
  /** Held for a guest order: counted in inventory.guest_reserved until settled. */
  declare guest: CreationOptional<boolean>;
  declare createdAt: CreationOptional<Date>;
  declare updatedAt: CreationOptional<Date>;
}

export function initStockReservation(sequelize: Sequelize): typeof StockReservation {
  return bindModel(StockReservation).init(
    {
      id: { type: DataTypes.INTEGER, primaryKey: true, autoIncrement: true },
      productId: reference(),
      orderId: reference(),
      quantity: { type: DataTypes.INTEGER, allowNull: false, validate: { min: 1 } },
      expiresAt: timestamp(),
      status: {
        type: DataTypes.STRING(16),
        allowNull: false,
        defaultValue: 'held',
        validate: { isIn: [[...RESERVATION_STATUSES]] },
      },
      guest: { type: DataTypes.BOOLEAN, allowNull: false, defaultValue: false },
      ...timestampAttributes,
    },
    { sequelize, modelName: 'StockReservation', tableName: 'stock_reservations', ...modelOptions },
  );
}
