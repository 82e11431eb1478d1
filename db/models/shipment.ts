import {
  type CreationOptional,
  DataTypes,
  type InferAttributes,
  type InferCreationAttributes,
  Model,
  type Sequelize,
} from 'sequelize';
import { bindModel, modelOptions, reference, timestamp, timestampAttributes } from './define';

export const SHIPMENT_STATUSES = ['pending', 'shipped', 'in_transit', 'delivered', 'returned'] as const;
export type ShipmentStatus = (typeof SHIPMENT_STATUSES)[number];

export class Shipment extends Model<InferAttributes<Shipment>, InferCreationAttributes<Shipment>> {
  declare id: CreationOptional<number>;
  declare orderId: number;
  declare carrier: string;
  declare trackingNumber: CreationOptional<string | null>;
  /** The carrier's tracking page for this parcel, shown to the shopper and linked in the shipped email. */
  declare trackingUrl: CreationOptional<string | null>;
  declare lastEventAt: CreationOptional<Date | null>;
  declare status: CreationOptional<ShipmentStatus>;
  declare shippedAt: CreationOptional<Date | null>;
  declare deliveredAt: CreationOptional<Date | null>;
  declare createdAt: CreationOptional<Date>;
  declare updatedAt: CreationOptional<Date>;
}

export function initShipment(sequelize: Sequelize): typeof Shipment {
  return bindModel(Shipment).init(
    {
      id: { type: DataTypes.INTEGER, primaryKey: true, autoIncrement: true },
      orderId: reference(),
      carrier: { type: DataTypes.STRING(64), allowNull: false },
      trackingUrl: { type: DataTypes.STRING(512), allowNull: true },
      lastEventAt: timestamp(true),
      trackingNumber: { type: DataTypes.STRING(128), allowNull: true },
      status: {
        type: DataTypes.STRING(16),
        allowNull: false,
        defaultValue: 'pending',
        validate: { isIn: [[...SHIPMENT_STATUSES]] },
      },
      shippedAt: timestamp(true),
      deliveredAt: timestamp(true),
      ...timestampAttributes,
    },
    { sequelize, modelName: 'Shipment', tableName: 'shipments', ...modelOptions },
  );
}
