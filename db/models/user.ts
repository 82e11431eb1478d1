import {
  type CreationOptional,
  DataTypes,
  type InferAttributes,
  type InferCreationAttributes,
  Model,
  type NonAttribute,
  type Sequelize,
} from 'sequelize';
import type { Address } from './address';
import { bindModel, modelOptions, timestamp, timestampAttributes } from './define';

export const USER_ROLES = ['customer', 'support', 'admin'] as const;
export type UserRole = (typeof USER_ROLES)[number];

export class User extends Model<InferAttributes<User>, InferCreationAttributes<User>> {
  declare id: CreationOptional<number>;
  /** Stored lower-case, so the unique index means the same on MariaDB (case-insensitive) and SQLite. */
  declare email: string;
  /** argon2id; null for accounts that only sign in through a social provider. */
  declare passwordHash: CreationOptional<string | null>;
  declare name: string;
  declare role: CreationOptional<UserRole>;
  declare disabled: CreationOptional<boolean>;
  declare lastLoginAt: CreationOptional<Date | null>;
  /** Access tokens from an older epoch are rejected: bumping it ends every session of the user at once. */
  declare sessionEpoch: CreationOptional<number>;
  declare createdAt: CreationOptional<Date>;
  declare updatedAt: CreationOptional<Date>;

  declare addresses?: NonAttribute<Address[]>;
}

export function initUser(sequelize: Sequelize): typeof User {
  return bindModel(User).init(
    {
      id: { type: DataTypes.INTEGER, primaryKey: true, autoIncrement: true },
      email: {
        type: DataTypes.STRING(255),
        allowNull: false,
        unique: true,
        validate: { isEmail: true },
        set(value: string) {
          this.setDataValue('email', value.trim().toLowerCase());
        },
      },
      passwordHash: { type: DataTypes.STRING(255), allowNull: true },
      name: { type: DataTypes.STRING(200), allowNull: false },
      role: {
        type: DataTypes.STRING(16),
        allowNull: false,
        defaultValue: 'customer',
        validate: { isIn: [[...USER_ROLES]] },
      },
      disabled: { type: DataTypes.BOOLEAN, allowNull: false, defaultValue: false },
      lastLoginAt: timestamp(true),
      sessionEpoch: { type: DataTypes.INTEGER, allowNull: false, defaultValue: 0 },
      ...timestampAttributes,
    },
    { sequelize, modelName: 'User', tableName: 'users', ...modelOptions },
  );
}
