import type { RequestHandler } from 'express';
import { Passport } from 'passport';
import { ExtractJwt, Strategy as JwtStrategy } from 'passport-jwt';
import { isSessionEnded } from '../auth/sessions';
import type { AccessClaims } from '../auth/tokens';
import type { AppDeps } from '../deps';
import { UnauthorizedError } from '../errors';
import type { Actor } from '../policies';

export type PassportInstance = InstanceType<typeof Passport>;

/**
 * A Passport instance per app with the `jwt` strategy: a Bearer access token, HS256 only, issuer and audience
 * checked. The user is loaded on every request, so disabling an account or bumping its session epoch (password
 * change) takes effect at once, as does ending one session (logout, refresh-token reuse).
 */
export function createPassport(deps: AppDeps): PassportInstance {
  const passport = new Passport();
  const { auth } = deps.config;
  if (!auth.jwtSecret) return passport; // no secret: no protected routes can work; createApp refuses them
  passport.use(
    'jwt',
    new JwtStrategy(
      {
        jwtFromRequest: ExtractJwt.fromAuthHeaderAsBearerToken(),
        secretOrKey: auth.jwtSecret,
        algorithms: ['HS256'],
        issuer: auth.issuer,
        audience: auth.audience,
        jsonWebTokenOptions: { clockTolerance: 5 },
      },
      (claims: AccessClaims, done: (err: unknown, user?: Actor | false) => void) => {
        loadActor(deps, claims).then((actor) => done(null, actor ?? false), done);
      },
    ),
  );
  return passport;
}

async function loadActor(deps: AppDeps, claims: AccessClaims): Promise<Actor | null> {
  const id = Number(claims.sub);
  if (!Number.isSafeInteger(id) || typeof claims.fam !== 'string' || typeof claims.ep !== 'number')
    return null;
  const user = await deps.db.models.User.findByPk(id);
  if (!user || user.disabled || user.sessionEpoch !== claims.ep) return null;
  if (await isSessionEnded(deps.cache, claims.fam)) return null;
  return { id: user.id, role: user.role, email: user.email, sessionId: claims.fam };
}

/** Requires a valid access token; anything else is a 401 problem (never a redirect or an HTML page). */
export function authenticate(passport: PassportInstance): RequestHandler {
  return (req, res, next) => {
    passport.authenticate('jwt', { session: false }, (err: unknown, actor: Actor | false) => {
      if (err) return next(err);
      if (!actor) {
        res.setHeader('WWW-Authenticate', 'Bearer');
        return next(new UnauthorizedError('A valid access token is required.', 'invalid_token'));
      }
      req.user = actor;
      next();
    })(req, res, next);
  };
}
