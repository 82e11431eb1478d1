import { UniqueConstraintError } from 'sequelize';
import type { Database, User } from '@market/db';
import type { OAuthProfile } from './oauth-provider';

export type OAuthSignInError = 'email_not_verified' | 'account_disabled';

export type OAuthSignIn =
  | { kind: 'signed-in'; user: User; via: 'identity' | 'linked' | 'created' }
  | { kind: 'rejected'; error: OAuthSignInError };

const rejected = (error: OAuthSignInError): OAuthSignIn => ({ kind: 'rejected', error });

/**
 * Finds or creates the account behind a provider sign-in, the same way for every provider:
 *
 * 1. a known identity (provider, subject) signs in its user, whatever email the provider shows today;
 * 2. else a user with the same email gets the identity linked — only because the provider verified the email,
 *    so whoever signs in controls that mailbox (as a password reset would prove);
 * 3. else a new customer without a password is created with the identity.
 *
 * No verified email: nothing happens, nothing is written. Disabled users stay out and get nothing linked.
 */
export async function signInWithProvider(
  db: Database,
  provider: string,
  profile: OAuthProfile,
): Promise<OAuthSignIn> {
  const { email } = profile;
  if (!email || !profile.emailVerified) return rejected('email_not_verified');
  try {
    return await resolveAccount(db, provider, profile, email);
  } catch (err) {
    // Two first sign-ins racing (a double-clicked button): the loser's insert fails; its retry finds the rows.
    if (err instanceof UniqueConstraintError) return resolveAccount(db, provider, profile, email);
    throw err;
  }
}

function resolveAccount(db: Database, provider: string, profile: OAuthProfile, email: string) {
  const { User, UserIdentity } = db.models;
  const { subject } = profile;
  return db.sequelize.transaction(async (transaction): Promise<OAuthSignIn> => {
    const identity = await UserIdentity.findOne({ where: { provider, subject }, transaction });
    if (identity) {
      const user = await User.findByPk(identity.userId, { transaction, rejectOnEmpty: true });
      if (user.disabled) return rejected('account_disabled');
      if (identity.email !== email) await identity.update({ email }, { transaction });
      return { kind: 'signed-in', user, via: 'identity' };
    }
    const existing = await User.findOne({ where: { email }, transaction });
    if (existing?.disabled) return rejected('account_disabled');
    const user =
      existing ?? (await User.create({ email, name: displayName(profile, email) }, { transaction }));
    await UserIdentity.create({ userId: user.id, provider, subject, email }, { transaction });
    return { kind: 'signed-in', user, via: existing ? 'linked' : 'created' };
  });
}

const displayName = (profile: OAuthProfile, email: string) =>
  (profile.name ?? email.split('@')[0] ?? email).slice(0, 200);
