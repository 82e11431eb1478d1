import { createAuthProvider } from './auth/authProvider';
import { createSession } from './auth/session';
import { createDataProvider } from './data/dataProvider';
import { createHttpClient } from './http/httpClient';

/**
 * The API's origin: '' when the API serves this app at /admin (the normal case, and the dev server's proxy);
 * VITE_API_URL for an API elsewhere (it must then list this origin in CORS_ORIGINS).
 */
export const apiUrl = (import.meta.env.VITE_API_URL as string | undefined)?.replace(/\/+$/, '') ?? '';

/** One session for the whole page: the auth provider and the data provider's client refresh through it. */
export const session = createSession({
  fetch: (...args) => fetch(...args),
  storage: window.sessionStorage,
  now: () => Date.now(),
  apiUrl,
});

export const http = createHttpClient(session);

export const dataProvider = createDataProvider(http, apiUrl);
export const authProvider = createAuthProvider({ session, http, apiUrl });
