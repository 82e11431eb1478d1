import type { Profile } from 'passport';
import { Strategy as GoogleStrategy } from 'passport-google-oauth20';
import type { StateStore } from 'passport-oauth2';
import type { OAuthProfile, OAuthProvider } from './oauth-provider';
import { passProfileThrough } from './oauth-provider';

/** The OpenID Connect userinfo claims we read (https://developers.google.com/identity/openid-connect). */
interface GoogleClaims {
  sub?: unknown;
  email?: unknown;
  email_verified?: unknown;
  name?: unknown;
}

/**
 * Sign in with Google: OpenID Connect through passport-google-oauth20, PKCE on, profile from the userinfo endpoint
 * (GOOGLE_USERINFO_URL must end in `/userinfo`, or the strategy parses the legacy Google+ format instead).
 */
export const googleProvider: OAuthProvider = {
  name: 'google',
  label: 'Google',

  createStrategy(config, store) {
    const google = config.auth.google;
    if (!google) return null;
    return new GoogleStrategy(
      {
        clientID: google.clientId,
        clientSecret: google.clientSecret,
        callbackURL: google.callbackUrl,
        authorizationURL: google.authorizationUrl,
        tokenURL: google.tokenUrl,
        userProfileURL: google.userInfoUrl,
        scope: ['openid', 'email', 'profile'],
        pkce: true,
        // Our store implements the PKCE signature (arity 5), which @types/passport-oauth2 does not describe.
        store: store as unknown as StateStore,
      },
      passProfileThrough,
    );
  },

  callbackUrl: (config) => config.auth.google?.callbackUrl ?? null,

  toProfile(profile: Profile): OAuthProfile {
    const claims = ((profile as Profile & { _json?: GoogleClaims })._json ?? {}) as GoogleClaims;
    const subject = typeof claims.sub === 'string' ? claims.sub : profile.id;
    const email = typeof claims.email === 'string' && claims.email ? claims.email.trim().toLowerCase() : null;
    // Google sends a boolean; some of its older endpoints sent the string "true".
    const emailVerified = claims.email_verified === true || claims.email_verified === 'true';
    const name = typeof claims.name === 'string' && claims.name.trim() ? claims.name.trim() : null;
    return { subject, email, emailVerified: email !== null && emailVerified, name };
  },
};
