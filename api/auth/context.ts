import type { AppDeps } from '../deps';
import type { SessionContext } from './sessions';

/** The session context of this app: fails loudly if no signing secret was configured. */
export function sessionContext(deps: AppDeps): SessionContext {
  const { auth } = deps.config;
  if (!auth.jwtSecret) throw new Error('JWT_SECRET is not configured');
  return {
    db: deps.db,
    cache: deps.cache,
    settings: {
      secret: auth.jwtSecret,
      issuer: auth.issuer,
      audience: auth.audience,
      accessTokenTtlSeconds: auth.accessTokenTtlSeconds,
      refreshTokenTtlDays: auth.refreshTokenTtlDays,
    },
  };
}
