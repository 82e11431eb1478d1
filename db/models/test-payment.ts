import {
  type CreationOptional,
  DataTypes,
  type InferAttributes,
  type InferCreationAttributes,
  Model,
  type Sequelize,
} from 'sequelize';
import { bindModel, modelOptions, money, timestampAttributes } from './define';

/**
 * A payment intent of the built-in test payment provider (the embedded default). It stands in for Stripe's own
 * records, so it lives apart from `payments`; capture_count lets tests prove a card was never charged twice.
 */
export class TestPayment extends Model<InferAttributes<TestPayment>, InferCreationAttributes<TestPayment>> {
  declare id: string;
  declare amount: number;
  declare currency: string;
  /** Stripe's PaymentIntent statuses: requires_payment_method, requires_action, requires_capture, succeeded, canceled. */
  declare status: string;
  declare paymentMethod: CreationOptional<string | null>;
  declare failureCode: CreationOptional<string | null>;
  declare captureCount: CreationOptional<number>;
  declare refundedAmount: CreationOptional<number>;
  declare idempotencyKey: string;
  declare createdAt: CreationOptional<Date>;
  declare updatedAt: CreationOptional<Date>;
}

export function initTestPayment(sequelize: Sequelize): typeof TestPayment {
  return bindModel(TestPayment).init(
    {
      id: { type: DataTypes.STRING(64), primaryKey: true },
      amount: money(),
      currency: { type: DataTypes.STRING(3), allowNull: false },
      status: { type: DataTypes.STRING(32), allowNull: false },
      paymentMethod: { type: DataTypes.STRING(64), allowNull: true },
      failureCode: { type: DataTypes.STRING(64), allowNull: true },
      captureCount: { type: DataTypes.INTEGER, allowNull: false, defaultValue: 0 },
      refundedAmount: { ...money(), defaultValue: 0 },
      idempotencyKey: { type: DataTypes.STRING(191), allowNull: false, unique: true },
      ...timestampAttributes,
    },
    { sequelize, modelName: 'TestPayment', tableName: 'test_payments', ...modelOptions },
  );
}
