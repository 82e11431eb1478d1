import { data, Link, redirect } from 'react-router';
import { type AuthSession, postJson } from '~/lib/api.server';
import { safeNextPath } from '~/lib/next-path';
import { ApiError, retryAfterSeconds } from '~/lib/problem';
import { NEXT_COOKIE, NO_STORE, startSession } from '~/lib/session.server';
import type { Route } from './+types/auth-callback';

export const headers = () => NO_STORE;

/** What went wrong, in the shopper's words, by the API's error code (only these codes are ever shown). */
const REASONS: Record<string, { title: string; text: string }> = {
  expired: {
    title: 'Your sign-in expired',
    text: 'The sign-in took too long or was started in another browser. Please try again.',
  },
  access_denied: {
    title: 'Sign-in cancelled',
    text: 'You cancelled signing in with Google. Nothing was changed.',
  },
  email_not_verified: {
    title: 'Email address not verified',
    text:
      'Google has not verified the email address of that account yet. Verify it with Google and try again, ' +
      'or create an account with your email address and a password.',
  },
  account_disabled: {
    title: 'Account disabled',
    text: 'This account has been disabled, so it cannot sign in. Please contact us if you think this is a mistake.',
  },
  rate_limited: { title: 'Too many attempts', text: 'Too many sign-in attempts from here.' },
  other: {
    title: 'Google sign-in did not work',
    text: 'Something went wrong while signing in with Google. Please try again, or sign in with your email and password.',
  },
};

function reasonKey(code: string | null): keyof typeof REASONS {
  if (code === 'invalid_state' || code === 'invalid_code') return 'expired';
  return code && code in REASONS ? code : 'other';
}

export function meta({ data }: Route.MetaArgs) {
  return [
    { title: data ? REASONS[data.reason]?.title : 'Signing in' },
    { name: 'robots', content: 'noindex' },
  ];
}

export async function loader({ request, context }: Route.LoaderArgs) {
  const url = new URL(request.url);
  const { cookies, settings } = context.shop;
  const code = url.searchParams.get('code');
  if (code) {
    try {
      await startSession(context, await postJson<AuthSession>(context, '/api/auth/exchange', { code }));
    } catch (error) {
      // The one-time code leaves the address bar either way; the page below explains the failure.
      const reason = error instanceof ApiError ? (error.code ?? 'other') : 'other';
      const wait = error instanceof ApiError && error.status === 429 ? retryAfterSeconds(error) : null;
      const query = new URLSearchParams({ error: reason, ...(wait ? { wait: String(wait) } : {}) });
      throw redirect(`/auth/callback?${query}`, { headers: NO_STORE });
    }
    const next = safeNextPath(cookies.get(NEXT_COOKIE));
    cookies.clear(NEXT_COOKIE);
    throw redirect(next, { headers: NO_STORE });
  }
  const error = url.searchParams.get('error');
  if (!error) throw redirect('/signin', { headers: NO_STORE });
  const wait = Number(url.searchParams.get('wait'));
  return data(
    {
      reason: reasonKey(error),
      wait: Number.isInteger(wait) && wait > 0 && wait < 3600 ? wait : null,
      next: safeNextPath(cookies.get(NEXT_COOKIE)),
      supportEmail: settings.supportEmail,
    },
    { headers: NO_STORE },
  );
}

export default function AuthCallback({ loaderData }: Route.ComponentProps) {
  const { reason, wait, next, supportEmail } = loaderData;
  const { title, text } = REASONS[reason] ?? REASONS.other!;
  const withNext = next === '/account' ? '' : `?next=${encodeURIComponent(next)}`;
  return (
    <section className="mx-auto max-w-lg py-10">
      <h1 className="text-2xl font-bold">{title}</h1>
      <p className="mt-3 text-slate-700">
        {text}
        {reason === 'rate_limited'
          ? ` Please wait ${wait ? `${wait} seconds` : 'a minute'} and try again.`
          : null}
      </p>
      {reason === 'account_disabled' && supportEmail ? (
        <p className="mt-3 text-slate-700">
          Write to{' '}
          <a className="btn-link" href={`mailto:${supportEmail}`}>
            {supportEmail}
          </a>
          .
        </p>
      ) : null}
      <div className="mt-6 flex flex-wrap gap-3">
        <Link to={`/signin${withNext}`} className="btn-primary">
          {reason === 'account_disabled' ? 'Back to sign in' : 'Try again'}
        </Link>
        {reason === 'email_not_verified' ? (
          <Link to={`/signup${withNext}`} className="btn-secondary">
            Create an account
          </Link>
        ) : null}
        <Link to="/" className="btn-secondary">
          Continue shopping
        </Link>
      </div>
    </section>
  );
}
