import {
  type CreationOptional,
  DataTypes,
  type InferAttributes,
  type InferCreationAttributes,
  Model,
  type Sequelize,
} from 'sequelize';
import { bindModel, modelOptions, money, reference, timestampAttributes } from './define';

/**
 * An order's invoice (one per order). The number comes from the row id, a database sequence, so it is unique and
 * increasing; the PDF lives in object storage under storage_key, written by the invoice activity.
 */
export class Invoice extends Model<InferAttributes<Invoice>, InferCreationAttributes<Invoice>> {
  declare id: CreationOptional<number>;
  declare orderId: number;
  /** INV-000042: set right after the row gets its id. */
  declare number: CreationOptional<string | null>;
  /** Null until the PDF is stored. */
  declare storageKey: CreationOptional<string | null>;
  declare totalAmount: number;
  declare currency: string;
  declare createdAt: CreationOptional<Date>;
  declare updatedAt: CreationOptional<Date>;
}

export function initInvoice(sequelize: Sequelize): typeof Invoice {
  return bindModel(Invoice).init(
    {
      id: { type: DataTypes.INTEGER, primaryKey: true, autoIncrement: true },
      orderId: { ...reference(), unique: true },
      number: { type: DataTypes.STRING(32), allowNull: true, unique: true },
      storageKey: { type: DataTypes.STRING(255), allowNull: true },
      totalAmount: money(),
      currency: { type: DataTypes.CHAR(3), allowNull: false },
      ...timestampAttributes,
    },
    { sequelize, modelName: 'Invoice', tableName: 'invoices', ...modelOptions },
  );
}
