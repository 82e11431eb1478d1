import {
  type CreationOptional,
  DataTypes,
  type InferAttributes,
  type InferCreationAttributes,
  Model,
  type NonAttribute,
  type Sequelize,
} from 'sequelize';
import { bindModel, modelOptions, reference, timestampAttributes } from './define';
import type { Product } from './product';

/**
 * A line of a cart. Saved-for-later is a flag on the same row, not a separate table: moving a line between the
 * cart and the saved list is one UPDATE, and the unique (cart_id, product_id, saved_for_later) lets a product be
 * in both lists at once but only once in each.
 */
export class CartItem extends Model<InferAttributes<CartItem>, InferCreationAttributes<CartItem>> {
  declare id: CreationOptional<number>;
  declare cartId: number;
  declare productId: number;
  declare quantity: number;
  declare savedForLater: CreationOptional<boolean>;
  declare createdAt: CreationOptional<Date>;
  declare updatedAt: CreationOptional<Date>;

  declare product?: NonAttribute<Product>;
}

export function initCartItem(sequelize: Sequelize): typeof CartItem {
  return bindModel(CartItem).init(
    {
      id: { type: DataTypes.INTEGER, primaryKey: true, autoIncrement: true },
      cartId: reference(),
      productId: reference(),
      quantity: { type: DataTypes.INTEGER, allowNull: false, validate: { min: 1 } },
      savedForLater: { type: DataTypes.BOOLEAN, allowNull: false, defaultValue: false },
      ...timestampAttributes,
    },
    { sequelize, modelName: 'CartItem', tableName: 'cart_items', ...modelOptions },
  );
}
