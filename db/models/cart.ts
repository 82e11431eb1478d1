import {
  type CreationOptional,
  DataTypes,
  type InferAttributes,
  type InferCreationAttributes,
  Model,
  type NonAttribute,
  type Sequelize,
} from 'sequelize';
import type { CartItem } from './cart-item';
import { bindModel, modelOptions, reference, timestampAttributes } from './define';

/** A signed-in customer's cart (user_id, one per user) or a guest's (guest_token); a CHECK requires one of them. */
export class Cart extends Model<InferAttributes<Cart>, InferCreationAttributes<Cart>> {
  declare id: CreationOptional<number>;
  declare userId: CreationOptional<number | null>;
  declare guestToken: CreationOptional<string | null>;
  declare currency: string;
  declare createdAt: CreationOptional<Date>;
  declare updatedAt: CreationOptional<Date>;

  declare items?: NonAttribute<CartItem[]>;
}

export function initCart(sequelize: Sequelize): typeof Cart {
  return bindModel(Cart).init(
    {
      id: { type: DataTypes.INTEGER, primaryKey: true, autoIncrement: true },
      userId: { ...reference(true), unique: true },
      guestToken: { type: DataTypes.STRING(64).BINARY, allowNull: true, unique: true },
      currency: { type: DataTypes.CHAR(3), allowNull: false, validate: { is: /^[A-Z]{3}$/ } },
      ...timestampAttributes,
    },
    {
      sequelize,
      modelName: 'Cart',
      tableName: 'carts',
      ...modelOptions,
      validate: {
        ownerPresent(this: Cart) {
          if (this.userId == null && this.guestToken == null)
            throw new Error('a cart needs a user or a guest token');
        },
      },
    },
  );
}
