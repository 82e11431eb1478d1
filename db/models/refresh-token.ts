import {
  type CreationOptional,
  DataTypes,
  type InferAttributes,
  type InferCreationAttributes,
  Model,
  type NonAttribute,
  type Sequelize,
} from 'sequelize';
import { bindModel, modelOptions, reference, timestamp, timestampAttributes } from './define';
import type { User } from './user';

/**
 * One refresh token of a rotation family. Only a hash of the token is stored. Reusing a rotated token revokes
 * its whole family (same family_id), which is why family_id is indexed.
 */
export class RefreshToken extends Model<
  InferAttributes<RefreshToken>,
  InferCreationAttributes<RefreshToken>
> {
  declare id: CreationOptional<number>;
  declare userId: number;
  declare familyId: string;
  /** SHA-256 of the token, hex. */
  declare tokenHash: string;
  declare expiresAt: Date;
  declare revokedAt: CreationOptional<Date | null>;
  /** The token this one was rotated into. */
  declare replacedById: CreationOptional<number | null>;
  declare createdAt: CreationOptional<Date>;
  declare updatedAt: CreationOptional<Date>;

  declare user?: NonAttribute<User>;
}

export function initRefreshToken(sequelize: Sequelize): typeof RefreshToken {
  return bindModel(RefreshToken).init(
    {
      id: { type: DataTypes.INTEGER, primaryKey: true, autoIncrement: true },
      userId: reference(),
      familyId: { type: DataTypes.STRING(64), allowNull: false },
      tokenHash: { type: DataTypes.STRING(64).BINARY, allowNull: false, unique: true },
      expiresAt: timestamp(),
      revokedAt: timestamp(true),
      replacedById: reference(true),
      ...timestampAttributes,
    },
    { sequelize, modelName: 'RefreshToken', tableName: 'refresh_tokens', ...modelOptions },
  );
}
