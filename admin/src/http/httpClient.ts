import type { Session } from '../auth/session';
import { apiErrorOf } from './problem';

/** What react-admin's fetchUtils.fetchJson answers, which ra-data-simple-rest reads. */
export interface JsonResponse {
  status: number;
  headers: Headers;
  body: string;
  json: any; // eslint-disable-line @typescript-eslint/no-explicit-any -- fetchJson's own type
}

export interface HttpClient {
  (url: string, options?: RequestInit): Promise<JsonResponse>;
  /** A file (an invoice PDF) with the same credentials and the same refresh. */
  blob(url: string): Promise<Blob>;
}

const parse = (text: string): unknown => {
  try {
    return text ? JSON.parse(text) : undefined;
  } catch {
    return undefined;
  }
};

/**
 * The HTTP client of the data provider and the auth provider: fetchJson's contract (JSON in and out, an HttpError
 * for any non-2xx) with the session's bearer token, problem+json errors turned into readable messages, and one
 * refresh-and-retry on a 401. The refresh is the session's single flight, so a page whose ten queries all meet an
 * expired token rotates it once and resends each query once.
 */
export function createHttpClient(
  session: Session,
  fetchImpl: typeof fetch = (...a) => fetch(...a),
): HttpClient {
  async function attempt(url: string, options: RequestInit, token: string | null): Promise<Response> {
    const headers = new Headers(options.headers);
    if (!headers.has('Accept')) headers.set('Accept', 'application/json');
    // ra-data-simple-rest labels its bodiless DELETE text/plain; the API refuses non-JSON bodies, so say nothing.
    if (options.body == null) headers.delete('Content-Type');
    else if (!headers.has('Content-Type')) headers.set('Content-Type', 'application/json');
    if (token) headers.set('Authorization', `Bearer ${token}`);
    const response = await fetchImpl(url, { ...options, headers });
    if (!response.ok) {
      throw apiErrorOf(response.status, response.statusText, parse(await response.text()), token);
    }
    return response;
  }

  async function send(url: string, options: RequestInit): Promise<Response> {
    const token = await session.accessToken();
    try {
      return await attempt(url, options, token);
    } catch (error) {
      const status = (error as { status?: unknown }).status;
      if (status !== 401 || token === null || !(await session.refresh(token))) throw error;
      return attempt(url, options, await session.accessToken());
    }
  }

  const client = async (url: string, options: RequestInit = {}): Promise<JsonResponse> => {
    const response = await send(url, options);
    const body = await response.text();
    return { status: response.status, headers: response.headers, body, json: parse(body) };
  };
  return Object.assign(client, {
    blob: async (url: string) => (await send(url, { headers: { Accept: '*/*' } })).blob(),
  });
}
