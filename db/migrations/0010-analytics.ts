import { addIndex, type MigrationParams } from './helpers';

/**
 * Indexes for the back office's figures (api/routes/admin/analytics), so no aggregate scans a whole table:
 * open orders by status and last update (the stuck count), orders and carts by creation (placed in a range,
 * conversion), customers by role and creation (new customers). Revenue per day already has orders(status,
 * created_at) from 0005.
 */
const INDEXES: [string, string[]][] = [
  ['orders', ['status', 'updated_at']],
  ['orders', ['created_at']],
  ['carts', ['created_at']],
  ['users', ['role', 'created_at']],
];

export async function up({ context: qi }: MigrationParams): Promise<void> {
  for (const [table, fields] of INDEXES) await addIndex(qi, table, fields);
}

export async function down({ context: qi }: MigrationParams): Promise<void> {
  for (const [table, fields] of [...INDEXES].reverse())
    await qi.removeIndex(table, `${table}_${fields.join('_')}`);
}
