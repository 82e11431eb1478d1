import {
  type CreationOptional,
  DataTypes,
  type InferAttributes,
  type InferCreationAttributes,
  Model,
  type NonAttribute,
  type Sequelize,
} from 'sequelize';
import type { AddressSnapshot } from './address';
import { bindModel, json, modelOptions, money, reference, timestampAttributes } from './define';
import type { OrderEvent } from './order-event';
import type { OrderItem } from './order-item';
import type { Payment } from './payment';
import type { Shipment } from './shipment';
import type { User } from './user';

export const ORDER_STATUSES = [
  'pending',
  'awaiting_payment',
  'paid',
  'processing',
  'shipped',
  'delivered',
  'cancelled',
  'refunded',
  'failed',
] as const;
export type OrderStatus = (typeof ORDER_STATUSES)[number];

/** An order; its lifecycle is driven by the Temporal workflow named in workflow_id. */
export class Order extends Model<InferAttributes<Order>, InferCreationAttributes<Order>> {
  declare id: CreationOptional<number>;
  /** Human-readable and unique, e.g. "M-20250114-7K3Q9"; chosen by the caller. */
  declare number: string;
  /** Null for guest orders (and kept null if the account is deleted: the order must survive). */
  declare userId: CreationOptional<number | null>;
  declare email: string;
  declare status: CreationOptional<OrderStatus>;
  declare subtotalAmount: number;
  declare shippingAmount: number;
  declare taxAmount: number;
  declare totalAmount: number;
  declare currency: string;
  declare shippingAddress: AddressSnapshot;
  declare workflowId: string;
  /**
   * The client's Idempotency-Key, stored with the caller's scope in front ("user:42:<key>", "guest:<token>:<key>")
   * so one unique index makes it unique per user or guest.
   */
  declare idempotencyKey: CreationOptional<string | null>;
  /** SHA-256 of the checkout request body: the same key with another body is refused. */
  declare requestHash: CreationOptional<string | null>;
  /** SHA-256 of the guest cart token that placed the order (null for signed-in customers). */
  declare guestTokenHash: CreationOptional<string | null>;
  /** Why a failed order failed: out_of_stock, payment_declined, payment_timeout, capture_failed. */
  declare failureReason: CreationOptional<string | null>;
  /** Why the order was cancelled, and by whom (`customer: changed my mind`). */
  declare cancelReason: CreationOptional<string | null>;
  declare createdAt: CreationOptional<Date>;
  declare updatedAt: CreationOptional<Date>;

  declare user?: NonAttribute<User | null>;
  declare items?: NonAttribute<OrderItem[]>;
  declare payments?: NonAttribute<Payment[]>;
  declare shipments?: NonAttribute<Shipment[]>;
  declare events?: NonAttribute<OrderEvent[]>;
}

export function initOrder(sequelize: Sequelize): typeof Order {
  return bindModel(Order).init(
    {
      id: { type: DataTypes.INTEGER, primaryKey: true, autoIncrement: true },
      number: { type: DataTypes.STRING(32), allowNull: false, unique: true },
      userId: reference(true),
      email: { type: DataTypes.STRING(255), allowNull: false, validate: { isEmail: true } },
      status: {
        type: DataTypes.STRING(32),
        allowNull: false,
        defaultValue: 'pending',
        validate: { isIn: [[...ORDER_STATUSES]] },
      },
      subtotalAmount: money(),
      shippingAmount: money(),
      taxAmount: money(),
      totalAmount: money(),
      currency: { type: DataTypes.CHAR(3), allowNull: false, validate: { is: /^[A-Z]{3}$/ } },
      shippingAddress: json('shippingAddress', false),
      workflowId: { type: DataTypes.STRING(191), allowNull: false, unique: true },
      idempotencyKey: { type: DataTypes.STRING(191).BINARY, allowNull: true, unique: true },
      requestHash: { type: DataTypes.STRING(64), allowNull: true },
      guestTokenHash: { type: DataTypes.STRING(64), allowNull: true },
      failureReason: { type: DataTypes.STRING(64), allowNull: true },
      cancelReason: { type: DataTypes.STRING(255), allowNull: true },
      ...timestampAttributes,
    },
    { sequelize, modelName: 'Order', tableName: 'orders', ...modelOptions },
  );
}
