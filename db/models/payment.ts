import {
  type CreationOptional,
  DataTypes,
  type InferAttributes,
  type InferCreationAttributes,
  Model,
  type Sequelize,
} from 'sequelize';
import { bindModel, modelOptions, money, reference, timestampAttributes } from './define';

export const PAYMENT_STATUSES = [
  'pending',
  'requires_action',
  'authorized',
  'captured',
  'failed',
  'cancelled',
  'refunded',
] as const;
export type PaymentStatus = (typeof PAYMENT_STATUSES)[number];

/** A payment attempt with a provider. idempotency_key (e.g. `${workflowId}:charge`) makes retries harmless. */
export class Payment extends Model<InferAttributes<Payment>, InferCreationAttributes<Payment>> {
  declare id: CreationOptional<number>;
  declare orderId: number;
  declare provider: string;
  declare providerPaymentId: CreationOptional<string | null>;
  declare providerCustomerId: CreationOptional<string | null>;
  declare amount: number;
  declare currency: string;
  declare status: CreationOptional<PaymentStatus>;
  declare idempotencyKey: string;
  /** For 3-D Secure: the provider's client secret the storefront needs to finish authentication. */
  declare clientSecret: CreationOptional<string | null>;
  /** The provider's decline code and message (e.g. card_declined), when the payment failed. */
  declare failureCode: CreationOptional<string | null>;
  declare failureMessage: CreationOptional<string | null>;
  /** Minor units refunded so far; never more than `amount` (the refund activity's conditional UPDATE). */
  declare refundedAmount: CreationOptional<number>;
  declare createdAt: CreationOptional<Date>;
  declare updatedAt: CreationOptional<Date>;
}

export function initPayment(sequelize: Sequelize): typeof Payment {
  return bindModel(Payment).init(
    {
      id: { type: DataTypes.INTEGER, primaryKey: true, autoIncrement: true },
      orderId: reference(),
      provider: { type: DataTypes.STRING(32), allowNull: false },
      providerPaymentId: { type: DataTypes.STRING(191), allowNull: true },
      providerCustomerId: { type: DataTypes.STRING(191), allowNull: true },
      amount: money(),
      currency: { type: DataTypes.CHAR(3), allowNull: false, validate: { is: /^[A-Z]{3}$/ } },
      status: {
        type: DataTypes.STRING(16),
        allowNull: false,
        defaultValue: 'pending',
        validate: { isIn: [[...PAYMENT_STATUSES]] },
      },
      idempotencyKey: { type: DataTypes.STRING(191).BINARY, allowNull: false, unique: true },
      clientSecret: { type: DataTypes.STRING(255), allowNull: true },
      failureCode: { type: DataTypes.STRING(64), allowNull: true },
      failureMessage: { type: DataTypes.STRING(255), allowNull: true },
      refundedAmount: { ...money(), defaultValue: 0 },
      ...timestampAttributes,
    },
    { sequelize, modelName: 'Payment', tableName: 'payments', ...modelOptions },
  );
}
