import {
  type CreationOptional,
  DataTypes,
  type InferAttributes,
  type InferCreationAttributes,
  Model,
  type Sequelize,
} from 'sequelize';
import { bindModel, modelOptions, timestamp } from './define';

/** Join row of products and tags; (product_id, tag_id) is the primary key. */
export class ProductTag extends Model<InferAttributes<ProductTag>, InferCreationAttributes<ProductTag>> {
  declare productId: number;
  declare tagId: number;
  declare createdAt: CreationOptional<Date>;
}

export function initProductTag(sequelize: Sequelize): typeof ProductTag {
  return bindModel(ProductTag).init(
    {
      productId: { type: DataTypes.INTEGER, allowNull: false, primaryKey: true },
      tagId: { type: DataTypes.INTEGER, allowNull: false, primaryKey: true },
      createdAt: timestamp(),
    },
    { sequelize, modelName: 'ProductTag', tableName: 'product_tags', ...modelOptions, updatedAt: false },
  );
}
