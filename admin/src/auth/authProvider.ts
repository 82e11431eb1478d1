import type { AuthProvider, UserIdentity } from 'react-admin';
import type { HttpClient } from '../http/httpClient';
import type { ApiError } from '../http/problem';
import { canAccess, type Permissions } from './access';
import type { Session } from './session';
import { type ApiUser, type AuthSession, isStaff } from './types';

export const NOT_STAFF_MESSAGE =
  'This account is not a staff account: the back office is for admin and support staff.';

export const EXPIRED_CODE_MESSAGE = 'That sign-in took too long or was already used: sign in again.';

const identityOf = (user: ApiUser): UserIdentity => ({ ...user, fullName: user.name || user.email });

/**
 * Signs staff in with the API's own sessions (api/routes/auth): the login answer carries the user and a token pair,
 * kept by `session`; `http` is the data provider's client, so /api/me and logout refresh like any other call.
 */
export function createAuthProvider(deps: {
  session: Session;
  http: HttpClient;
  fetch?: typeof fetch;
  apiUrl: string;
}): AuthProvider {
  const { session, http, apiUrl } = deps;
  const fetchImpl = deps.fetch ?? ((...a: Parameters<typeof fetch>) => fetch(...a));
  // Asked once per signed-in user (and again after a sign-in): what api/policies allow them.
  let permissions: { userId: number; value: Promise<Permissions> } | null = null;
  const permissionsOf = (userId: number): Promise<Permissions> => {
    if (permissions?.userId !== userId) {
      const value = http(`${apiUrl}/api/me/permissions`).then(({ json }) => json as Permissions);
      value.catch(() => (permissions = null));
      permissions = { userId, value };
    }
    return permissions.value;
  };

  return {
    /**
     * Email and password, or `code`: the one-time code Google sign-in brought back (auth/AuthCallback.tsx),
     * exchanged for the same session. Either way only staff may stay.
     */
    async login({
      username,
      email,
      password,
      code,
    }: {
      username?: string;
      email?: string;
      password?: string;
      code?: string;
    }) {
      const [path, body] = code
        ? ['/api/auth/exchange', { code }]
        : ['/api/auth/login', { email: (email ?? username ?? '').trim(), password }];
      const response = await fetchImpl(`${apiUrl}${path}`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', Accept: 'application/json' },
        body: JSON.stringify(body),
      });
      const json = (await response.json().catch(() => ({}))) as Partial<AuthSession> & { detail?: string };
      if (response.status === 401) throw new Error(code ? EXPIRED_CODE_MESSAGE : 'Wrong email or password.');
      if (response.status === 429) throw new Error('Too many attempts: wait a minute and try again.');
      if (!response.ok || !json.user)
        throw new Error(json.detail ?? `Sign-in failed (HTTP ${response.status}).`);
      const auth = json as AuthSession;
      if (!isStaff(auth.user.role)) {
        // End the session the API just opened: a customer's tokens have no business in this page.
        await fetchImpl(`${apiUrl}/api/auth/logout`, {
          method: 'POST',
          headers: { Authorization: `Bearer ${auth.accessToken}` },
        }).catch(() => undefined);
        throw new Error(NOT_STAFF_MESSAGE);
      }
      permissions = null;
      session.start(auth);
    },

    async logout() {
      if (session.isSignedIn()) {
        // Best effort: the tokens are forgotten here whatever the API answers.
        await http(`${apiUrl}/api/auth/logout`, { method: 'POST' }).catch(() => undefined);
      }
      permissions = null;
      session.clear();
    },

    async checkAuth() {
      if (!session.isSignedIn()) throw new Error('Not signed in');
    },

    async checkError(error: Partial<ApiError> | undefined) {
      const status = error?.status;
      // 403: signed in, just not allowed this; the page says so and the session stays.
      if (status !== 401) return;
      if (!session.isSignedIn()) throw new Error('Session over');
      // One refresh (a no-op if another request already rotated past the refused token); a session the API ended
      // is cleared by the refresh, which sends the user to the login page.
      if (await session.refresh(error?.refusedToken ?? undefined)) return;
      if (!session.isSignedIn()) throw new Error('Session over');
    },

    async getIdentity() {
      try {
        const { json } = await http(`${apiUrl}/api/me`);
        session.setUser(json as ApiUser);
        return identityOf(json as ApiUser);
      } catch (error) {
        const user = session.user();
        if (user && (error as { status?: number }).status !== 401) return identityOf(user);
        throw error;
      }
    },

    async getPermissions() {
      const user = session.user();
      return user ? permissionsOf(user.id) : undefined;
    },

    async canAccess({ resource, action, record }) {
      const user = session.user();
      if (!user) return false;
      return canAccess({
        permissions: await permissionsOf(user.id),
        resource,
        action,
        record,
        selfId: user.id,
      });
    },
  };
}
