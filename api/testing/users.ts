import { randomBytes } from 'node:crypto';
import { hashPassword, type User, type UserRole } from '@market/db';
import { sessionContext } from '../auth/context';
import { startSession, type TokenPair } from '../auth/sessions';
import type { AppDeps } from '../deps';

export interface TestUser {
  user: User;
  password: string;
  tokens: TokenPair;
  /** `{ Authorization: 'Bearer …' }` for supertest's .set(). */
  auth: { Authorization: string };
}

export const uniqueEmail = (prefix = 'user') =>
  `${prefix}-${Date.now().toString(36)}-${randomBytes(4).toString('hex')}@example.test`;

/** A user with a known password and a signed-in session, built directly (factories, not the HTTP API). */
export async function createTestUser(
  deps: AppDeps,
  options: { role?: UserRole; disabled?: boolean; email?: string; name?: string } = {},
): Promise<TestUser> {
  const password = `pw-${randomBytes(9).toString('base64url')}`;
  const user = await deps.db.models.User.create({
    email: options.email ?? uniqueEmail(options.role ?? 'customer'),
    name: options.name ?? 'Test User',
    role: options.role ?? 'customer',
    passwordHash: await hashPassword(password),
  });
  const tokens = await startSession(sessionContext(deps), user);
  if (options.disabled) await user.update({ disabled: true });
  return { user, password, tokens, auth: { Authorization: `Bearer ${tokens.accessToken}` } };
}
