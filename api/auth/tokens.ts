import jwt, { type JwtPayload } from 'jsonwebtoken';
import type { UserRole } from '@market/db';

/** What an access token says. `ep` is the user's session epoch, `fam` the refresh-token family (the session). */
export interface AccessClaims {
  sub: string;
  role: UserRole;
  ep: number;
  fam: string;
}

export interface TokenSettings {
  secret: string;
  issuer: string;
  audience: string;
  accessTokenTtlSeconds: number;
}

// One algorithm, named explicitly on both sides: `alg: none` and algorithm-confusion tokens can never verify.
const ALGORITHM = 'HS256' as const;

export function signAccessToken(settings: TokenSettings, claims: AccessClaims): string {
  const { sub, ...rest } = claims;
  return jwt.sign(rest, settings.secret, {
    algorithm: ALGORITHM,
    subject: sub,
    issuer: settings.issuer,
    audience: settings.audience,
    expiresIn: settings.accessTokenTtlSeconds,
  });
}

/** Verifies signature, algorithm, issuer, audience and expiry; returns null for any token that fails. */
export function verifyAccessToken(settings: TokenSettings, token: string): AccessClaims | null {
  try {
    const payload = jwt.verify(token, settings.secret, {
      algorithms: [ALGORITHM],
      issuer: settings.issuer,
      audience: settings.audience,
      clockTolerance: 5,
    }) as JwtPayload;
    if (
      typeof payload.sub !== 'string' ||
      typeof payload.ep !== 'number' ||
      typeof payload.fam !== 'string'
    ) {
      return null;
    }
    return { sub: payload.sub, role: payload.role as UserRole, ep: payload.ep, fam: payload.fam };
  } catch {
    return null;
  }
}
