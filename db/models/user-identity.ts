import {
  type CreationOptional,
  DataTypes,
  type InferAttributes,
  type InferCreationAttributes,
  Model,
  type Sequelize,
} from 'sequelize';
import { bindModel, modelOptions, reference, timestampAttributes } from './define';

/** A user's account at an outside sign-in provider (`google`, later `facebook`): unique per (provider, subject). */
export class UserIdentity extends Model<
  InferAttributes<UserIdentity>,
  InferCreationAttributes<UserIdentity>
> {
  declare id: CreationOptional<number>;
  declare userId: number;
  declare provider: string;
  /** The provider's stable user id (OIDC `sub`), never the email, which can change hands. */
  declare subject: string;
  declare email: CreationOptional<string | null>;
  declare createdAt: CreationOptional<Date>;
  declare updatedAt: CreationOptional<Date>;
}

export function initUserIdentity(sequelize: Sequelize): typeof UserIdentity {
  return bindModel(UserIdentity).init(
    {
      id: { type: DataTypes.INTEGER, primaryKey: true, autoIncrement: true },
      userId: reference(),
      provider: { type: DataTypes.STRING(32), allowNull: false },
      subject: { type: DataTypes.STRING(191), allowNull: false },
      email: { type: DataTypes.STRING(255), allowNull: true },
      ...timestampAttributes,
    },
    { sequelize, modelName: 'UserIdentity', tableName: 'user_identities', ...modelOptions },
  );
}
