import { redirect } from 'react-router';
import { callApi, dropSession, isSignedIn } from '~/lib/api.server';
import { NO_STORE } from '~/lib/session.server';
import type { Route } from './+types/signout';

// Signing out changes state, so only a form post does it; a link or a prefetch lands on the account page.
export function loader() {
  return redirect('/account', { headers: NO_STORE });
}

export async function action({ context }: Route.ActionArgs) {
  if (isSignedIn(context)) {
    // Ends this session at the API too; an already ended one (401) or an API hiccup still signs out here.
    await callApi(context, 'POST', '/api/auth/logout').catch(() => null);
  }
  dropSession(context);
  return redirect('/', { headers: NO_STORE });
}
