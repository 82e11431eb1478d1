import { UniqueConstraintError } from 'sequelize';
import type { Database } from '../database';
import type { UserRole } from '../models/user';
import { hashPassword } from '../password';

export interface StaffAccount {
  email: string;
  password: string;
  name: string;
  role: Exclude<UserRole, 'customer'>;
}

/**
 * Creates a staff account unless a user with that email exists. An existing user is left exactly as it is: its
 * password (perhaps changed since) is never overwritten, and neither are its name or role.
 */
export async function ensureStaffAccount(
  db: Database,
  account: StaffAccount,
): Promise<{ userId: number; created: boolean }> {
  const { User } = db.models;
  const email = account.email.trim().toLowerCase();
  const existing = await User.findOne({ where: { email }, attributes: ['id'] });
  if (existing) return { userId: existing.id, created: false };
  const passwordHash = await hashPassword(account.password);
  try {
    const user = await User.create({ email, passwordHash, name: account.name, role: account.role });
    return { userId: user.id, created: true };
  } catch (err) {
    // Another process (web and worker starting together) created it between our read and our insert.
    if (!(err instanceof UniqueConstraintError)) throw err;
    const user = await User.findOne({ where: { email }, attributes: ['id'], rejectOnEmpty: true });
    return { userId: user.id, created: false };
  }
}
