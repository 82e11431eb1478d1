import {
  type CreationOptional,
  DataTypes,
  type InferAttributes,
  type InferCreationAttributes,
  Model,
  type Sequelize,
} from 'sequelize';
import { bindModel, modelOptions, timestampAttributes } from './define';

/**
 * Stock of one product (the product id is the primary key). Available = on_hand - reserved. CHECK constraints
 * keep both non-negative and reserved <= on_hand, so a conditional UPDATE that would oversell fails instead.
 */
export class Inventory extends Model<InferAttributes<Inventory>, InferCreationAttributes<Inventory>> {
  declare productId: number;
  declare onHand: CreationOptional<number>;
  declare reserved: CreationOptional<number>;
  /** The part of `reserved` held by unpaid guest orders (capped by GUEST_HOLD_MAX_PERCENT of on_hand). */
  declare guestReserved: CreationOptional<number>;
  declare lowStockThreshold: CreationOptional<number>;
  declare createdAt: CreationOptional<Date>;
  declare updatedAt: CreationOptional<Date>;
}

export function initInventory(sequelize: Sequelize): typeof Inventory {
  return bindModel(Inventory).init(
    {
      productId: { type: DataTypes.INTEGER, allowNull: false, primaryKey: true },
      onHand: { type: DataTypes.INTEGER, allowNull: false, defaultValue: 0, validate: { min: 0 } },
      reserved: { type: DataTypes.INTEGER, allowNull: false, defaultValue: 0, validate: { min: 0 } },
      guestReserved: { type: DataTypes.INTEGER, allowNull: false, defaultValue: 0, validate: { min: 0 } },
      lowStockThreshold: { type: DataTypes.INTEGER, allowNull: false, defaultValue: 5, validate: { min: 0 } },
      ...timestampAttributes,
    },
    { sequelize, modelName: 'Inventory', tableName: 'inventory', ...modelOptions },
  );
}
