import type { CookieOptions, Response } from 'express';
import { z } from 'zod';
import { sessionContext } from '../../auth/context';
import { googleProvider } from '../../auth/google';
import { signInWithProvider } from '../../auth/oauth-accounts';
import type { OAuthProvider } from '../../auth/oauth-provider';
import {
  destinationCookieName,
  OAuthStateStore,
  readCookie,
  STATE_TTL_SECONDS,
  stateCookieName,
} from '../../auth/oauth-state';
import { runStrategy } from '../../auth/oauth-strategy';
import { issueOneTimeCode, redeemOneTimeCode } from '../../auth/one-time-code';
import { startSession } from '../../auth/sessions';
import type { Config } from '../../config';
import { ForbiddenError, NotFoundError, UnauthorizedError } from '../../errors';
import { rateLimited } from '../../openapi/document';
import { defineRoute, type Route } from '../../openapi/route';
import { authLimit } from '../auth/limits';
import { presentUser } from '../../presenters/user';
import { authSessionSchema } from '../auth/schema';
import { callbackQuery, exchangeBody, providersSchema, type SignInDestination, startQuery } from './schema';

/** Every sign-in provider the API offers; a new one is a file in api/auth/ plus its line here. */
export const oauthProviders: OAuthProvider[] = [googleProvider];

const notConfigured = (provider: OAuthProvider) =>
  new NotFoundError(`Sign-in with ${provider.name} is not configured here.`, 'provider_not_configured');

/** The state cookie lives only on the callback path, for as long as the state itself. */
function stateCookieOptions(provider: OAuthProvider, config: Config): CookieOptions {
  const callback = new URL(provider.callbackUrl(config) ?? config.http.publicUrl);
  return { httpOnly: true, sameSite: 'lax', secure: callback.protocol === 'https:', path: callback.pathname };
}

/**
 * Where every callback ends, success or not, with `?code=…` or `?error=…`: the shop's
 * `${STOREFRONT_URL}/auth/callback`, or the back office's `${PUBLIC_URL}/admin/#/auth/callback` (it routes with the
 * URL hash, so the query goes after it) when sign-in started with `?to=admin`.
 */
function backTo(
  res: Response,
  config: Config,
  provider: OAuthProvider,
  to: SignInDestination,
  query: Record<string, string>,
) {
  const search = new URLSearchParams(query).toString();
  const href =
    to === 'admin'
      ? `${config.http.publicUrl.replace(/\/+$/, '')}/admin/#/auth/callback?${search}`
      : `${config.auth.storefrontUrl.replace(/\/+$/, '')}/auth/callback?${search}`;
  const cookie = stateCookieOptions(provider, config);
  res.clearCookie(stateCookieName(provider.name), cookie);
  res.clearCookie(destinationCookieName(provider.name), cookie);
  res.setHeader('Cache-Control', 'no-store');
  res.redirect(302, href);
}

const redirectHeaders = (location: string, setsCookie: boolean) =>
  z.object({
    Location: z.string().meta({ description: location }),
    'Set-Cookie': z.string().meta({
      description: setsCookie ? 'The state cookie (HttpOnly, SameSite=Lax)' : 'Clears the state cookie',
    }),
  });

const CALLBACK_ERRORS =
  '`invalid_state` (missing, unknown, expired, replayed, or started in another browser), `access_denied` ' +
  '(declined at the provider), `invalid_request` (no code), `provider_error` (code exchange or profile failed), ' +
  '`email_not_verified`, `account_disabled`, `server_error`.';

function providerRoutes(provider: OAuthProvider): Route[] {
  const start = defineRoute({
    method: 'get',
    access: 'public',
    path: `/api/auth/${provider.name}`,
    before: authLimit('oauth'),
    summary: `Start sign-in with ${provider.name}`,
    description:
      'Redirects the browser to the provider (OpenID Connect, PKCE) with a one-time `state` that is also set ' +
      'as an HttpOnly cookie on the callback path. Open it as a top-level navigation, not with fetch().',
    tags: ['Auth'],
    request: { query: startQuery },
    responses: {
      302: {
        description: "Redirect to the provider's authorization page",
        headers: redirectHeaders('The authorization URL', true),
      },
      404: { description: '`provider_not_configured`: this deployment has no credentials for the provider' },
      429: rateLimited,
    },
    handler: async ({ input, deps, req, res }) => {
      const strategy = provider.createStrategy(deps.config, new OAuthStateStore(deps.cache, provider.name));
      if (!strategy) throw notConfigured(provider);
      const outcome = await runStrategy(strategy, req, {});
      if (outcome.kind === 'error') throw outcome.error;
      if (outcome.kind !== 'redirect') throw new Error(`${provider.name}: no redirect to start sign-in`);
      const state = new URL(outcome.url).searchParams.get('state') ?? '';
      const cookie = { ...stateCookieOptions(provider, deps.config), maxAge: STATE_TTL_SECONDS * 1000 };
      res.cookie(stateCookieName(provider.name), state, cookie);
      res.cookie(destinationCookieName(provider.name), input.query.to ?? 'shop', cookie);
      res.setHeader('Cache-Control', 'no-store');
      res.redirect(302, outcome.url);
    },
  });

  const callback = defineRoute({
    method: 'get',
    access: 'public',
    path: `/api/auth/${provider.name}/callback`,
    summary: `Finish sign-in with ${provider.name} (the provider redirects here)`,
    description:
      'Checks the state, exchanges the code, then signs in the identity, links it to the user with the same ' +
      'verified email, or creates a customer. Always ends with a redirect to the storefront ' +
      '(`/auth/callback`), or to the back office (`/admin/#/auth/callback`) when sign-in started with `?to=admin`: ' +
      '`?code=<one-time code>` for `POST /api/auth/exchange`, or `?error=<code>`: ' +
      CALLBACK_ERRORS,
    tags: ['Auth'],
    request: { query: callbackQuery },
    responses: {
      302: {
        description: 'Redirect to the storefront (or the back office) with `code` or `error`; never tokens',
        headers: redirectHeaders(
          '`${STOREFRONT_URL}/auth/callback?code=…` or `?error=…`; `${PUBLIC_URL}/admin/#/auth/callback?…` for `to=admin`',
          false,
        ),
      },
      404: { description: '`provider_not_configured`' },
    },
    handler: async ({ input, deps, req, res }) => {
      const strategy = provider.createStrategy(deps.config, new OAuthStateStore(deps.cache, provider.name));
      if (!strategy) throw notConfigured(provider);
      // The destination only picks one of two fixed pages; a forged cookie can send nobody anywhere else.
      const to: SignInDestination =
        readCookie(req, destinationCookieName(provider.name)) === 'admin' ? 'admin' : 'shop';
      const back = (query: Record<string, string>) => backTo(res, deps.config, provider, to, query);
      const { code, error } = input.query;
      if (error) return back({ error: error === 'access_denied' ? 'access_denied' : 'provider_error' });
      if (!code) return back({ error: 'invalid_request' });

      const outcome = await runStrategy(strategy, req, {});
      if (outcome.kind === 'fail') return back({ error: 'invalid_state' });
      if (outcome.kind !== 'success') {
        req.log.warn(
          { err: outcome.kind === 'error' ? outcome.error : outcome, provider: provider.name },
          'sign-in failed at the provider',
        );
        return back({ error: 'provider_error' });
      }
      try {
        const result = await signInWithProvider(deps.db, provider.name, provider.toProfile(outcome.profile));
        if (result.kind === 'rejected') return back({ error: result.error });
        req.log.info({ provider: provider.name, userId: result.user.id, via: result.via }, 'signed in');
        back({ code: await issueOneTimeCode(deps.cache, result.user.id) });
      } catch (err) {
        req.log.error({ err, provider: provider.name }, 'sign-in failed');
        back({ error: 'server_error' });
      }
    },
  });

  return [start, callback];
}

const invalidCode = () =>
  new UnauthorizedError('The code is unknown, expired or already used.', 'invalid_code');

export const exchange = defineRoute({
  method: 'post',
  access: 'public',
  path: '/api/auth/exchange',
  before: authLimit('oauth'),
  summary: 'Trade a one-time sign-in code for a session',
  description:
    'The storefront calls this with the `code` from its `/auth/callback` URL. A code works once and for 60 s.',
  tags: ['Auth'],
  request: { body: exchangeBody },
  responses: {
    200: { description: 'Signed in', schema: authSessionSchema },
    401: { description: '`invalid_code`: unknown, expired or already used' },
    403: { description: '`account_disabled`: the account was disabled after sign-in' },
    422: { description: '`validation_failed`' },
    429: rateLimited,
  },
  handler: async ({ input, deps, res }) => {
    const userId = await redeemOneTimeCode(deps.cache, input.body.code);
    const user = userId === null ? null : await deps.db.models.User.findByPk(userId);
    if (!user) throw invalidCode();
    if (user.disabled) throw new ForbiddenError('This account is disabled.', 'account_disabled');
    const tokens = await startSession(sessionContext(deps), user);
    res.setHeader('Cache-Control', 'no-store');
    return { user: presentUser(user), ...tokens };
  },
});

export const providers = defineRoute({
  method: 'get',
  access: 'public',
  path: '/api/auth/providers',
  summary: 'The sign-in providers configured here',
  description:
    'What a sign-in page offers besides email and password: each configured provider with the URL that starts ' +
    'it (open it as a top-level navigation; add `?to=admin` to come back to the back office).',
  tags: ['Auth'],
  responses: { 200: { description: 'Configured providers, possibly none', schema: providersSchema } },
  handler: async ({ deps }) => ({
    providers: oauthProviders
      .filter((provider) => provider.callbackUrl(deps.config) !== null)
      .map((provider) => ({
        name: provider.name,
        label: provider.label,
        start: `/api/auth/${provider.name}`,
      })),
  }),
});

export const oauthRoutes: Route[] = [providers, ...oauthProviders.flatMap(providerRoutes), exchange];
