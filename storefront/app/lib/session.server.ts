import { redirect, type AppLoadContext } from 'react-router';
import { type AuthSession, dropSession, getJson, isSignedIn, keepSession } from './api.server';
import { ApiError } from './problem';
import type { User } from './types';

/** Account pages show personal data and carry tokens in their forms' answers: no cache may keep them. */
export const NO_STORE = { 'Cache-Control': 'no-store' } as const;

/** Where /auth/callback sends the shopper after Google sign-in (the API keeps no return path): 10 minutes. */
export const NEXT_COOKIE = 'mk_next';

/**
 * Keeps a fresh session (sign-in, sign-up, Google) and merges the guest cart into the account: the API merges
 * when a request carries both the new bearer token and the old Cart-Token. A failed merge does not undo the
 * sign-in; the next cart request merges again.
 */
export async function startSession(context: AppLoadContext, session: AuthSession): Promise<void> {
  keepSession(context, session);
  await getJson(context, '/api/cart').catch(() => null);
}

/** The signed-in user, or a redirect to sign-in that comes back to `returnTo`. */
export async function requireUser(context: AppLoadContext, returnTo: string): Promise<User> {
  const user = await currentUser(context);
  if (!user) throw redirect(`/signin?next=${encodeURIComponent(returnTo)}`, { headers: NO_STORE });
  return user;
}

/** The signed-in user, or null (and stale cookies dropped) for a guest. */
export async function currentUser(context: AppLoadContext): Promise<User | null> {
  if (!isSignedIn(context)) return null;
  try {
    return await getJson<User>(context, '/api/me');
  } catch (error) {
    if (error instanceof ApiError && error.status === 401) {
      dropSession(context);
      return null;
    }
    throw error;
  }
}
