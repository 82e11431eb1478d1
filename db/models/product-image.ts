import {
  type CreationOptional,
  DataTypes,
  type InferAttributes,
  type InferCreationAttributes,
  Model,
  type Sequelize,
} from 'sequelize';
import { bindModel, modelOptions, reference, timestampAttributes } from './define';

/** An image in object storage; the row keeps its key and what a page needs to lay it out. */
export class ProductImage extends Model<
  InferAttributes<ProductImage>,
  InferCreationAttributes<ProductImage>
> {
  declare id: CreationOptional<number>;
  declare productId: number;
  declare storageKey: string;
  declare contentType: string;
  declare width: CreationOptional<number | null>;
  declare height: CreationOptional<number | null>;
  declare position: CreationOptional<number>;
  declare alt: CreationOptional<string | null>;
  declare createdAt: CreationOptional<Date>;
  declare updatedAt: CreationOptional<Date>;
}

export function initProductImage(sequelize: Sequelize): typeof ProductImage {
  return bindModel(ProductImage).init(
    {
      id: { type: DataTypes.INTEGER, primaryKey: true, autoIncrement: true },
      productId: reference(),
      storageKey: { type: DataTypes.STRING(191), allowNull: false, unique: true },
      contentType: { type: DataTypes.STRING(100), allowNull: false },
      width: { type: DataTypes.INTEGER, allowNull: true },
      height: { type: DataTypes.INTEGER, allowNull: true },
      position: { type: DataTypes.INTEGER, allowNull: false, defaultValue: 0 },
      alt: { type: DataTypes.STRING(255), allowNull: true },
      ...timestampAttributes,
    },
    { sequelize, modelName: 'ProductImage', tableName: 'product_images', ...modelOptions },
  );
}
