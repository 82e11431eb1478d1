import { DataTypes, Op } from 'sequelize';
import {
  addIndex,
  binaryString,
  createTable,
  datetime,
  dropTables,
  id,
  integer,
  type MigrationParams,
  references,
  string,
  timestamps,
} from './helpers';

/** Product reviews and the log of every email sent. */
export async function up({ context: qi }: MigrationParams): Promise<void> {
  await createTable(
    qi,
    'reviews',
    {
      id: id(),
      product_id: references('products', 'CASCADE'),
      user_id: references('users', 'CASCADE'),
      rating: integer(),
      title: string(200, true),
      body: { type: DataTypes.TEXT, allowNull: false },
      status: { ...string(16), defaultValue: 'pending' },
      ...timestamps(),
    },
    [{ name: 'reviews_rating_range', where: { rating: { [Op.between]: [1, 5] } } }],
  );
  await addIndex(qi, 'reviews', ['product_id', 'user_id'], { unique: true });
  await addIndex(qi, 'reviews', ['product_id', 'status', 'created_at']);
  await addIndex(qi, 'reviews', ['user_id']);

  await createTable(qi, 'email_log', {
    id: id(),
    template: string(64),
    recipient: string(255),
    order_id: references('orders', 'SET NULL'),
    dedupe_key: { ...binaryString(191), unique: true },
    status: { ...string(16), defaultValue: 'pending' },
    provider_message_id: string(191, true),
    error: { type: DataTypes.TEXT, allowNull: true },
    sent_at: datetime(true),
    ...timestamps(),
  });
  await addIndex(qi, 'email_log', ['order_id']);
  await addIndex(qi, 'email_log', ['status', 'created_at']);
}

export async function down({ context: qi }: MigrationParams): Promise<void> {
  await dropTables(qi, ['email_log', 'reviews']);
}
