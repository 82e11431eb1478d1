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
import type { User } from './user';

export const REVIEW_STATUSES = ['pending', 'approved', 'rejected'] as const;
export type ReviewStatus = (typeof REVIEW_STATUSES)[number];

/** One review per (product, user); only approved ones count towards products.rating_*. */
export class Review extends Model<InferAttributes<Review>, InferCreationAttributes<Review>> {
  declare id: CreationOptional<number>;
  declare productId: number;
  declare userId: number;
  /** 1 to 5 stars (CHECK in the database). */
  declare rating: number;
  declare title: CreationOptional<string | null>;
  declare body: CreationOptional<string>;
  declare status: CreationOptional<ReviewStatus>;
  declare createdAt: CreationOptional<Date>;
  declare updatedAt: CreationOptional<Date>;

  declare user?: NonAttribute<User>;
}

export function initReview(sequelize: Sequelize): typeof Review {
  return bindModel(Review).init(
    {
      id: { type: DataTypes.INTEGER, primaryKey: true, autoIncrement: true },
      productId: reference(),
      userId: reference(),
      rating: { type: DataTypes.INTEGER, allowNull: false, validate: { min: 1, max: 5 } },
      title: { type: DataTypes.STRING(200), allowNull: true },
      body: { type: DataTypes.TEXT, allowNull: false, defaultValue: '' },
      status: {
        type: DataTypes.STRING(16),
        allowNull: false,
        defaultValue: 'pending',
        validate: { isIn: [[...REVIEW_STATUSES]] },
      },
      ...timestampAttributes,
    },
    { sequelize, modelName: 'Review', tableName: 'reviews', ...modelOptions },
  );
}
