import type { Profile } from 'passport';
import type { VerifyCallback } from 'passport-oauth2';
import type { Strategy } from 'passport-strategy';
import type { Config } from '../config';
import type { OAuthStateStore } from './oauth-state';

/** What the app needs to know about a person signed in at a provider, whatever the provider calls it. */
export interface OAuthProfile {
  /** The provider's stable user id (OIDC `sub`): the identity key, never the email. */
  subject: string;
  /** Lower-cased; null when the provider did not share one. */
  email: string | null;
  /** True only when the provider vouches that the person controls the address. */
  emailVerified: boolean;
  name: string | null;
}

/**
 * A sign-in provider (Google now, Facebook on the roadmap): one file per provider implements this, and
 * `routes/oauth/handler.ts` turns it into `GET /api/auth/<name>` and `GET /api/auth/<name>/callback`.
 */
export interface OAuthProvider {
  /** Names the routes and the `user_identities.provider` column: lower-case, stable forever. */
  readonly name: string;
  /** How people know it, for buttons: "Google". */
  readonly label: string;
  /**
   * A passport strategy that asks for the scopes needed for a verified email and whose verify callback hands the
   * provider's profile on unchanged (accounts are resolved by the route, the same way for every provider); PKCE
   * and `state` are kept by `store`. Null when the provider is not configured on this deployment.
   */
  createStrategy(config: Config, store: OAuthStateStore): Strategy | null;
  /** Where the provider sends the browser back (the state cookie is scoped to this URL's path). */
  callbackUrl(config: Config): string | null;
  /** The provider's profile, normalized. */
  toProfile(profile: Profile): OAuthProfile;
}

/**
 * The verify callback every provider's strategy uses: the provider's profile is what passport hands back (cast:
 * passport types the result as Express.User, which this app declares to be an Actor).
 */
export function passProfileThrough(
  _accessToken: string,
  _refreshToken: string,
  profile: Profile,
  done: VerifyCallback,
): void {
  done(null, profile as unknown as Express.User);
}
