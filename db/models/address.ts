import {
  type CreationOptional,
  DataTypes,
  type InferAttributes,
  type InferCreationAttributes,
  Model,
  type Sequelize,
} from 'sequelize';
import { bindModel, modelOptions, reference, timestampAttributes } from './define';

/** A customer's saved address. Orders copy it into a JSON snapshot, so editing it never rewrites history. */
export class Address extends Model<InferAttributes<Address>, InferCreationAttributes<Address>> {
  declare id: CreationOptional<number>;
  declare userId: number;
  declare name: string;
  declare line1: string;
  declare line2: CreationOptional<string | null>;
  declare city: string;
  declare region: CreationOptional<string | null>;
  declare postalCode: string;
  /** ISO 3166-1 alpha-2, upper-case. */
  declare country: string;
  declare phone: CreationOptional<string | null>;
  declare isDefault: CreationOptional<boolean>;
  declare createdAt: CreationOptional<Date>;
  declare updatedAt: CreationOptional<Date>;
}

/** What an order keeps of the address it ships to. */
export interface AddressSnapshot {
  name: string;
  line1: string;
  line2?: string | null;
  city: string;
  region?: string | null;
  postalCode: string;
  country: string;
  phone?: string | null;
}

export function initAddress(sequelize: Sequelize): typeof Address {
  return bindModel(Address).init(
    {
      id: { type: DataTypes.INTEGER, primaryKey: true, autoIncrement: true },
      userId: reference(),
      name: { type: DataTypes.STRING(200), allowNull: false },
      line1: { type: DataTypes.STRING(200), allowNull: false },
      line2: { type: DataTypes.STRING(200), allowNull: true },
      city: { type: DataTypes.STRING(100), allowNull: false },
      region: { type: DataTypes.STRING(100), allowNull: true },
      postalCode: { type: DataTypes.STRING(20), allowNull: false },
      country: { type: DataTypes.CHAR(2), allowNull: false, validate: { is: /^[A-Z]{2}$/ } },
      phone: { type: DataTypes.STRING(32), allowNull: true },
      isDefault: { type: DataTypes.BOOLEAN, allowNull: false, defaultValue: false },
      ...timestampAttributes,
    },
    { sequelize, modelName: 'Address', tableName: 'addresses', ...modelOptions },
  );
}
