import {
  addIndex,
  binaryString,
  boolean,
  createTable,
  datetime,
  dropTables,
  id,
  type MigrationParams,
  references,
  string,
  timestamps,
} from './helpers';

/** Users, their refresh tokens (rotation families) and saved addresses. */
export async function up({ context: qi }: MigrationParams): Promise<void> {
  await createTable(qi, 'users', {
    id: id(),
    email: { ...string(255), unique: true },
    password_hash: string(255, true),
    name: string(200),
    role: { ...string(16), defaultValue: 'customer' },
    disabled: boolean(false),
    last_login_at: datetime(true),
    ...timestamps(),
  });

  await createTable(qi, 'refresh_tokens', {
    id: id(),
    user_id: references('users', 'CASCADE'),
    family_id: string(64),
    token_hash: { ...binaryString(64), unique: true },
    expires_at: datetime(),
    revoked_at: datetime(true),
    replaced_by_id: references('refresh_tokens', 'SET NULL'),
    ...timestamps(),
  });
  await addIndex(qi, 'refresh_tokens', ['family_id']);
  await addIndex(qi, 'refresh_tokens', ['user_id']);
  await addIndex(qi, 'refresh_tokens', ['replaced_by_id']);

  await createTable(qi, 'addresses', {
    id: id(),
    user_id: references('users', 'CASCADE'),
    name: string(200),
    line1: string(200),
    line2: string(200, true),
    city: string(100),
    region: string(100, true),
    postal_code: string(20),
    country: string(2),
    phone: string(32, true),
    is_default: boolean(false),
    ...timestamps(),
  });
  await addIndex(qi, 'addresses', ['user_id']);
}

export async function down({ context: qi }: MigrationParams): Promise<void> {
  await dropTables(qi, ['addresses', 'refresh_tokens', 'users']);
}
