import { createHash, randomBytes, randomUUID } from 'node:crypto';
import { Op, Transaction } from 'sequelize';
import type { Database, User } from '@market/db';
import { UnauthorizedError } from '../errors';
import type { Cache } from '../services/cache';
import { signAccessToken, type TokenSettings } from './tokens';

export interface SessionSettings extends TokenSettings {
  refreshTokenTtlDays: number;
}

/** What session commands need: the database, the cache (for ended sessions) and the token settings. */
export interface SessionContext {
  db: Database;
  cache: Cache;
  settings: SessionSettings;
}

export interface TokenPair {
  accessToken: string;
  refreshToken: string;
  /** Seconds until the access token expires. */
  expiresIn: number;
  tokenType: 'Bearer';
}

export const hashToken = (token: string): string => createHash('sha256').update(token).digest('hex');
const endedKey = (familyId: string) => `auth:ended-session:${familyId}`;

async function createRefreshToken(
  ctx: SessionContext,
  userId: number,
  familyId: string,
  transaction?: Transaction,
) {
  const token = randomBytes(32).toString('base64url');
  const row = await ctx.db.models.RefreshToken.create(
    {
      userId,
      familyId,
      tokenHash: hashToken(token),
      expiresAt: new Date(Date.now() + ctx.settings.refreshTokenTtlDays * 86_400_000),
    },
    { transaction },
  );
  return { token, row };
}

function pair(settings: SessionSettings, user: User, familyId: string, refreshToken: string): TokenPair {
  const accessToken = signAccessToken(settings, {
    sub: String(user.id),
    role: user.role,
    ep: user.sessionEpoch,
    fam: familyId,
  });
  return { accessToken, refreshToken, expiresIn: settings.accessTokenTtlSeconds, tokenType: 'Bearer' };
}

/** Starts a new session (a new refresh-token family) for a user who just proved who they are. */
export async function startSession(ctx: SessionContext, user: User): Promise<TokenPair> {
  const familyId = randomUUID();
  const { token } = await createRefreshToken(ctx, user.id, familyId);
  await user.update({ lastLoginAt: new Date() });
  return pair(ctx.settings, user, familyId, token);
}

const invalid = () => new UnauthorizedError('The refresh token is not valid.', 'invalid_refresh_token');

type Rotation = { kind: 'rotated'; tokens: TokenPair } | { kind: 'reused'; familyId: string };

/**
 * Rotates a refresh token: the presented one is revoked and replaced by a new one of the same family. Presenting
 * a token that was already rotated or revoked means it was stolen (or replayed): the whole family is ended.
 */
export async function rotateSession(ctx: SessionContext, token: string): Promise<TokenPair> {
  const { RefreshToken, User } = ctx.db.models;
  const rotation = await ctx.db.sequelize.transaction(async (transaction): Promise<Rotation> => {
    const current = await RefreshToken.findOne({
      where: { tokenHash: hashToken(token) },
      lock: Transaction.LOCK.UPDATE,
      transaction,
    });
    if (!current) throw invalid();
    if (current.revokedAt) return { kind: 'reused', familyId: current.familyId };
    if (current.expiresAt.getTime() <= Date.now()) throw invalid();
    const user = await User.findByPk(current.userId, { transaction });
    if (!user || user.disabled) throw invalid();
    const next = await createRefreshToken(ctx, user.id, current.familyId, transaction);
    await current.update({ revokedAt: new Date(), replacedById: next.row.id }, { transaction });
    return { kind: 'rotated', tokens: pair(ctx.settings, user, current.familyId, next.token) };
  });
  if (rotation.kind === 'reused') {
    // Outside the transaction above, so the revocation is not rolled back with the error.
    await endSession(ctx, rotation.familyId);
    throw new UnauthorizedError(
      'The refresh token was already used; the session is ended.',
      'refresh_token_reused',
    );
  }
  return rotation.tokens;
}

/** Ends one session: its refresh tokens are revoked and its access tokens refused until they expire. */
export async function endSession(ctx: SessionContext, familyId: string): Promise<void> {
  await ctx.db.models.RefreshToken.update(
    { revokedAt: new Date() },
    { where: { familyId, revokedAt: { [Op.is]: null } } },
  );
  await ctx.cache.set(endedKey(familyId), '1', ctx.settings.accessTokenTtlSeconds + 10);
}

export async function isSessionEnded(cache: Cache, familyId: string): Promise<boolean> {
  return (await cache.get(endedKey(familyId))) !== null;
}

/** Ends every session of a user at once: refresh tokens revoked, access tokens outdated by the epoch bump. */
export async function endAllSessions(ctx: SessionContext, user: User): Promise<void> {
  await ctx.db.models.RefreshToken.update(
    { revokedAt: new Date() },
    { where: { userId: user.id, revokedAt: { [Op.is]: null } } },
  );
  await user.increment('sessionEpoch');
  await user.reload();
}
