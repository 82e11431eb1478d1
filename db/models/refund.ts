import {
  type CreationOptional,
  DataTypes,
  type InferAttributes,
  type InferCreationAttributes,
  Model,
  type Sequelize,
} from 'sequelize';
import { bindModel, modelOptions, money, reference, timestampAttributes } from './define';

export const REFUND_STATUSES = ['pending', 'succeeded', 'failed'] as const;
export type RefundStatus = (typeof REFUND_STATUSES)[number];

/** Money given back on a captured payment; idempotency_key (from the workflow) is what the provider saw. */
export class Refund extends Model<InferAttributes<Refund>, InferCreationAttributes<Refund>> {
  declare id: CreationOptional<number>;
  declare orderId: number;
  declare paymentId: number;
  declare amount: number;
  declare currency: string;
  declare status: CreationOptional<RefundStatus>;
  declare reason: CreationOptional<string | null>;
  declare providerRefundId: CreationOptional<string | null>;
  declare idempotencyKey: string;
  declare createdAt: CreationOptional<Date>;
  declare updatedAt: CreationOptional<Date>;
}

export function initRefund(sequelize: Sequelize): typeof Refund {
  return bindModel(Refund).init(
    {
      id: { type: DataTypes.INTEGER, primaryKey: true, autoIncrement: true },
      orderId: reference(),
      paymentId: reference(),
      amount: money(),
      currency: { type: DataTypes.CHAR(3), allowNull: false },
      status: {
        type: DataTypes.STRING(16),
        allowNull: false,
        defaultValue: 'pending',
        validate: { isIn: [[...REFUND_STATUSES]] },
      },
      reason: { type: DataTypes.STRING(64), allowNull: true },
      providerRefundId: { type: DataTypes.STRING(191), allowNull: true },
      idempotencyKey: { type: DataTypes.STRING(191).BINARY, allowNull: false, unique: true },
      ...timestampAttributes,
    },
    { sequelize, modelName: 'Refund', tableName: 'refunds', ...modelOptions },
  );
}
