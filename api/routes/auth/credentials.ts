import { randomBytes } from 'node:crypto';
import { type Database, hashPassword, type User, verifyPassword } from '@market/db';
import { UnauthorizedError } from '../../errors';

// A hash of a random password nobody knows, with the same argon2 parameters as real ones: verifying against it
// takes as long as verifying a real password, so an unknown email cannot be told apart by timing.
let dummyHash: Promise<string> | undefined;
const dummy = () => (dummyHash ??= hashPassword(randomBytes(32).toString('base64url')));

/** One answer for every way a login can fail, so it never tells whether an account exists. */
export const invalidCredentials = () =>
  new UnauthorizedError('The email or password is wrong.', 'invalid_credentials');

/**
 * The user these credentials belong to. Unknown email, wrong password, an account without a password (Google
 * only) and a disabled account all throw the same 401 after the same amount of hashing work.
 */
export async function checkCredentials(db: Database, email: string, password: string): Promise<User> {
  const user = await db.models.User.findOne({ where: { email } });
  const hash = user?.passwordHash ?? (await dummy());
  const matches = await verifyPassword(hash, password);
  if (!user || !user.passwordHash || !matches || user.disabled) throw invalidCredentials();
  return user;
}
