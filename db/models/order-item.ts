import {
  type CreationOptional,
  DataTypes,
  type InferAttributes,
  type InferCreationAttributes,
  Model,
  type NonAttribute,
  type Sequelize,
} from 'sequelize';
import { bindModel, modelOptions, money, reference, timestampAttributes } from './define';
import type { Product } from './product';

/** A line of an order. Title and unit price are copied at checkout, so later catalog edits never change it. */
export class OrderItem extends Model<InferAttributes<OrderItem>, InferCreationAttributes<OrderItem>> {
  declare id: CreationOptional<number>;
  declare orderId: number;
  declare productId: number;
  declare title: string;
  declare unitPriceAmount: number;
  declare quantity: number;
  declare lineTotalAmount: number;
  declare createdAt: CreationOptional<Date>;
  declare updatedAt: CreationOptional<Date>;

  declare product?: NonAttribute<Product>;
}

export function initOrderItem(sequelize: Sequelize): typeof OrderItem {
  return bindModel(OrderItem).init(
    {
      id: { type: DataTypes.INTEGER, primaryKey: true, autoIncrement: true },
      orderId: reference(),
      productId: reference(),
      title: { type: DataTypes.STRING(200), allowNull: false },
      unitPriceAmount: money(),
      quantity: { type: DataTypes.INTEGER, allowNull: false, validate: { min: 1 } },
      lineTotalAmount: money(),
      ...timestampAttributes,
    },
    { sequelize, modelName: 'OrderItem', tableName: 'order_items', ...modelOptions },
  );
}
