import {
  type CreationOptional,
  DataTypes,
  type InferAttributes,
  type InferCreationAttributes,
  Model,
  type Sequelize,
} from 'sequelize';
import { bindModel, modelOptions, reference, timestamp, timestampAttributes } from './define';

/** `suppressed`: not sent, the recipient's limit on emails about unpaid orders was reached (activities/email.ts). */
export const EMAIL_STATUSES = ['pending', 'sent', 'failed', 'suppressed'] as const;
export type EmailStatus = (typeof EMAIL_STATUSES)[number];

/**
 * Every email the platform sends. dedupe_key (e.g. `${workflowId}:confirmation`) is unique, so a retried
 * activity finds the row it already wrote instead of mailing the customer twice.
 */
export class EmailLog extends Model<InferAttributes<EmailLog>, InferCreationAttributes<EmailLog>> {
  declare id: CreationOptional<number>;
  declare template: string;
  declare recipient: string;
  declare orderId: CreationOptional<number | null>;
  declare dedupeKey: string;
  declare status: CreationOptional<EmailStatus>;
  declare providerMessageId: CreationOptional<string | null>;
  declare error: CreationOptional<string | null>;
  declare sentAt: CreationOptional<Date | null>;
  declare createdAt: CreationOptional<Date>;
  declare updatedAt: CreationOptional<Date>;
}

export function initEmailLog(sequelize: Sequelize): typeof EmailLog {
  return bindModel(EmailLog).init(
    {
      id: { type: DataTypes.INTEGER, primaryKey: true, autoIncrement: true },
      template: { type: DataTypes.STRING(64), allowNull: false },
      recipient: { type: DataTypes.STRING(255), allowNull: false },
      orderId: reference(true),
      dedupeKey: { type: DataTypes.STRING(191).BINARY, allowNull: false, unique: true },
      status: {
        type: DataTypes.STRING(16),
        allowNull: false,
        defaultValue: 'pending',
        validate: { isIn: [[...EMAIL_STATUSES]] },
      },
      providerMessageId: { type: DataTypes.STRING(191), allowNull: true },
      error: { type: DataTypes.TEXT, allowNull: true },
      sentAt: timestamp(true),
      ...timestampAttributes,
    },
    { sequelize, modelName: 'EmailLog', tableName: 'email_log', ...modelOptions },
  );
}
