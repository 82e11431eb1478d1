import { redirect } from 'react-router';
import { safeNextPath } from '~/lib/next-path';
import { NEXT_COOKIE, NO_STORE } from '~/lib/session.server';
import type { Route } from './+types/auth-google';

export function loader({ request, context }: Route.LoaderArgs) {
  const next = safeNextPath(new URL(request.url).searchParams.get('next'));
  if (!context.shop.settings.googleSignIn) {
    throw redirect(`/signin?next=${encodeURIComponent(next)}`, { headers: NO_STORE });
  }
  context.shop.cookies.set(NEXT_COOKIE, next, { maxAgeSeconds: 600 });
  // The API starts the OAuth flow on this same origin; its answer is a redirect to Google.
  return redirect('/api/auth/google', { headers: NO_STORE });
}
