import {
  type CreationOptional,
  DataTypes,
  type InferAttributes,
  type InferCreationAttributes,
  Model,
  type NonAttribute,
  type Sequelize,
} from 'sequelize';
import type { Category } from './category';
import { bindModel, modelOptions, money, reference, timestampAttributes } from './define';
import type { Inventory } from './inventory';
import type { ProductImage } from './product-image';
import type { Tag } from './tag';

export const PRODUCT_STATUSES = ['draft', 'active', 'archived'] as const;
export type ProductStatus = (typeof PRODUCT_STATUSES)[number];

export class Product extends Model<InferAttributes<Product>, InferCreationAttributes<Product>> {
  declare id: CreationOptional<number>;
  declare slug: string;
  declare title: string;
  declare description: CreationOptional<string>;
  /** Minor units of `currency` (cents for EUR). */
  declare priceAmount: number;
  /** ISO 4217, upper-case. */
  declare currency: string;
  declare status: CreationOptional<ProductStatus>;
  declare categoryId: CreationOptional<number | null>;
  /**
   * Average review rating in hundredths of a star: 437 means 4.37, 0 when there are no ratings. An integer keeps
   * it exact and identical on both dialects (MariaDB returns DECIMAL as a string, SQLite as a float).
   */
  declare ratingAverage: CreationOptional<number>;
  declare ratingCount: CreationOptional<number>;
  declare createdAt: CreationOptional<Date>;
  declare updatedAt: CreationOptional<Date>;

  declare category?: NonAttribute<Category | null>;
  declare images?: NonAttribute<ProductImage[]>;
  declare tags?: NonAttribute<Tag[]>;
  declare inventory?: NonAttribute<Inventory | null>;
}

export function initProduct(sequelize: Sequelize): typeof Product {
  return bindModel(Product).init(
    {
      id: { type: DataTypes.INTEGER, primaryKey: true, autoIncrement: true },
      slug: { type: DataTypes.STRING(191), allowNull: false, unique: true },
      title: { type: DataTypes.STRING(200), allowNull: false },
      description: { type: DataTypes.TEXT, allowNull: false, defaultValue: '' },
      priceAmount: money(),
      currency: { type: DataTypes.CHAR(3), allowNull: false, validate: { is: /^[A-Z]{3}$/ } },
      status: {
        type: DataTypes.STRING(16),
        allowNull: false,
        defaultValue: 'draft',
        validate: { isIn: [[...PRODUCT_STATUSES]] },
      },
      categoryId: reference(true),
      ratingAverage: { type: DataTypes.INTEGER, allowNull: false, defaultValue: 0 },
      ratingCount: { type: DataTypes.INTEGER, allowNull: false, defaultValue: 0 },
      ...timestampAttributes,
    },
    { sequelize, modelName: 'Product', tableName: 'products', ...modelOptions },
  );
}
