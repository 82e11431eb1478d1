import {
  addIndex,
  createTable,
  dropTables,
  id,
  integer,
  type MigrationParams,
  references,
  string,
  timestamps,
} from './helpers';

/**
 * Sign-in identities from outside providers (Google now, Facebook next), and users.session_epoch: access tokens
 * carry the epoch they were issued in, so bumping it (password change, account disabled) ends every session at once.
 */
export async function up({ context: qi }: MigrationParams): Promise<void> {
  await qi.addColumn('users', 'session_epoch', integer(0));
  await createTable(qi, 'user_identities', {
    id: id(),
    user_id: references('users', 'CASCADE'),
    provider: string(32),
    subject: string(191),
    email: string(255, true),
    ...timestamps(),
  });
  await addIndex(qi, 'user_identities', ['provider', 'subject'], { unique: true });
  await addIndex(qi, 'user_identities', ['user_id']);
}

export async function down({ context: qi }: MigrationParams): Promise<void> {
  await dropTables(qi, ['user_identities']);
  await qi.removeColumn('users', 'session_epoch');
}
