import {
  type CreationOptional,
  DataTypes,
  type InferAttributes,
  type InferCreationAttributes,
  Model,
  type Sequelize,
} from 'sequelize';
import { bindModel, modelOptions, money, timestampAttributes } from './define';

/** A refund of the built-in test payment provider; the unique idempotency key makes a repeat return the first. */
export class TestRefund extends Model<InferAttributes<TestRefund>, InferCreationAttributes<TestRefund>> {
  declare id: string;
  declare paymentId: string;
  declare amount: number;
  declare idempotencyKey: string;
  declare createdAt: CreationOptional<Date>;
  declare updatedAt: CreationOptional<Date>;
}

export function initTestRefund(sequelize: Sequelize): typeof TestRefund {
  return bindModel(TestRefund).init(
    {
      id: { type: DataTypes.STRING(64), primaryKey: true },
      paymentId: { type: DataTypes.STRING(64), allowNull: false },
      amount: money(),
      idempotencyKey: { type: DataTypes.STRING(191), allowNull: false, unique: true },
      ...timestampAttributes,
    },
    { sequelize, modelName: 'TestRefund', tableName: 'test_refunds', ...modelOptions },
  );
}
