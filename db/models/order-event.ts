import {
  type CreationOptional,
  DataTypes,
  type InferAttributes,
  type InferCreationAttributes,
  Model,
  type Sequelize,
} from 'sequelize';
import { bindModel, json, modelOptions, reference, timestamp } from './define';

/** One entry of an order's timeline (status changes, payment and shipping facts). Append-only. */
export class OrderEvent extends Model<InferAttributes<OrderEvent>, InferCreationAttributes<OrderEvent>> {
  declare id: CreationOptional<number>;
  declare orderId: number;
  /** e.g. "status_changed", "payment_captured", "shipment_delivered". */
  declare type: string;
  declare fromStatus: CreationOptional<string | null>;
  declare toStatus: CreationOptional<string | null>;
  declare data: CreationOptional<Record<string, unknown> | null>;
  /** When it happened (a workflow passes its own time); created_at is when it was written. */
  declare occurredAt: CreationOptional<Date>;
  declare createdAt: CreationOptional<Date>;
}

export function initOrderEvent(sequelize: Sequelize): typeof OrderEvent {
  return bindModel(OrderEvent).init(
    {
      id: { type: DataTypes.INTEGER, primaryKey: true, autoIncrement: true },
      orderId: reference(),
      type: { type: DataTypes.STRING(64), allowNull: false },
      fromStatus: { type: DataTypes.STRING(32), allowNull: true },
      toStatus: { type: DataTypes.STRING(32), allowNull: true },
      data: json('data'),
      occurredAt: { ...timestamp(), defaultValue: DataTypes.NOW },
      createdAt: timestamp(),
    },
    { sequelize, modelName: 'OrderEvent', tableName: 'order_events', ...modelOptions, updatedAt: false },
  );
}
