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

/** A node of the category tree (parent_id null for top-level categories), ordered among siblings by position. */
export class Category extends Model<InferAttributes<Category>, InferCreationAttributes<Category>> {
  declare id: CreationOptional<number>;
  declare parentId: CreationOptional<number | null>;
  declare slug: string;
  declare name: string;
  declare position: CreationOptional<number>;
  declare createdAt: CreationOptional<Date>;
  declare updatedAt: CreationOptional<Date>;

  declare parent?: NonAttribute<Category | null>;
  declare children?: NonAttribute<Category[]>;
}

export function initCategory(sequelize: Sequelize): typeof Category {
  return bindModel(Category).init(
    {
      id: { type: DataTypes.INTEGER, primaryKey: true, autoIncrement: true },
      parentId: reference(true),
      slug: { type: DataTypes.STRING(120), allowNull: false, unique: true },
      name: { type: DataTypes.STRING(120), allowNull: false },
      position: { type: DataTypes.INTEGER, allowNull: false, defaultValue: 0 },
      ...timestampAttributes,
    },
    { sequelize, modelName: 'Category', tableName: 'categories', ...modelOptions },
  );
}
