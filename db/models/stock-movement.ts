import {
  type CreationOptional,
  DataTypes,
  type InferAttributes,
  type InferCreationAttributes,
  Model,
  type Sequelize,
} from 'sequelize';
import { bindModel, modelOptions, reference, timestamp } from './define';

export const STOCK_MOVEMENT_REASONS = [
  'restock',
  'adjustment',
  'reservation',
  'release',
  'sale',
  'return',
] as const;
export type StockMovementReason = (typeof STOCK_MOVEMENT_REASONS)[number];

/**
 * The append-only stock ledger. `delta` is the signed change to inventory.on_hand (restock, adjustment, sale,
 * return) or to inventory.reserved (reservation, release). Rows are never updated, hence no updated_at.
 */
export class StockMovement extends Model<
  InferAttributes<StockMovement>,
  InferCreationAttributes<StockMovement>
> {
  declare id: CreationOptional<number>;
  declare productId: number;
  declare delta: number;
  declare reason: StockMovementReason;
  /** What caused it: an order number, a workflow id, a purchase order... */
  declare reference: CreationOptional<string | null>;
  declare actorUserId: CreationOptional<number | null>;
  declare createdAt: CreationOptional<Date>;
}

export function initStockMovement(sequelize: Sequelize): typeof StockMovement {
  return bindModel(StockMovement).init(
    {
      id: { type: DataTypes.INTEGER, primaryKey: true, autoIncrement: true },
      productId: reference(),
      delta: {
        type: DataTypes.INTEGER,
        allowNull: false,
        validate: {
          notZero(value: number) {
            if (value === 0) throw new Error('delta must not be zero');
          },
        },
      },
      reason: {
        type: DataTypes.STRING(16),
        allowNull: false,
        validate: { isIn: [[...STOCK_MOVEMENT_REASONS]] },
      },
      reference: { type: DataTypes.STRING(191), allowNull: true },
      actorUserId: reference(true),
      createdAt: timestamp(),
    },
    {
      sequelize,
      modelName: 'StockMovement',
      tableName: 'stock_movements',
      ...modelOptions,
      updatedAt: false,
    },
  );
}
