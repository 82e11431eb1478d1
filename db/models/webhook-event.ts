import {
  type CreationOptional,
  DataTypes,
  type InferAttributes,
  type InferCreationAttributes,
  Model,
  type Sequelize,
} from 'sequelize';
import { bindModel, timestamp } from './define';

/**
 * A provider's webhook event already received; (provider, event_id) is unique, so a delivery Stripe repeats is
 * recognised. processed_at is set once the event reached its workflow: an event received but not processed (the
 * API died in between) is handed on again when the provider retries.
 */
export class WebhookEvent extends Model<
  InferAttributes<WebhookEvent>,
  InferCreationAttributes<WebhookEvent>
> {
  declare id: CreationOptional<number>;
  declare provider: string;
  declare eventId: string;
  declare type: string;
  declare receivedAt: Date;
  declare processedAt: CreationOptional<Date | null>;
}

export function initWebhookEvent(sequelize: Sequelize): typeof WebhookEvent {
  return bindModel(WebhookEvent).init(
    {
      id: { type: DataTypes.INTEGER, primaryKey: true, autoIncrement: true },
      provider: { type: DataTypes.STRING(32), allowNull: false },
      eventId: { type: DataTypes.STRING(191), allowNull: false },
      type: { type: DataTypes.STRING(128), allowNull: false },
      receivedAt: timestamp(),
      processedAt: timestamp(true),
    },
    {
      sequelize,
      modelName: 'WebhookEvent',
      tableName: 'webhook_events',
      underscored: true,
      timestamps: false,
    },
  );
}
