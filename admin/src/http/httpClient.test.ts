import { describe, expect, test } from 'vitest';
import { createSession } from '../auth/session';
import { authSession, fakeAuthApi, json, memoryStorage, problem } from '../testing/fakeApi';
import { createHttpClient } from './httpClient';
import { ApiError } from './problem';

const setup = (refreshDelayMs = 0) => {
  const api = fakeAuthApi({ refreshDelayMs });
  const session = createSession({ fetch: api.fetch, storage: memoryStorage(), now: () => 0, apiUrl: '' });
  session.start(authSession());
  const http = createHttpClient(session, api.fetch);
  return { api, session, http };
};

describe('httpClient', () => {
  test('sends the bearer token and answers like fetchJson', async () => {
    const { api, http } = setup();
    api.route('GET /api/admin/orders', () => json(200, [{ id: 1 }], { 'Content-Range': 'orders 0-0/1' }));
    const { json: body, headers, status } = await http('/api/admin/orders');
    expect(status).toBe(200);
    expect(body).toEqual([{ id: 1 }]);
    expect(headers.get('Content-Range')).toBe('orders 0-0/1');
    expect(api.calls[0]!.headers.get('Authorization')).toBe('Bearer access-1');
  });

  test('a 401 refreshes once and retries once with the new token', async () => {
    const { api, http } = setup();
    api.route('GET /api/me', () => json(200, { id: 7 }));
    api.expireAccessToken();
    const { json: body } = await http('/api/me');
    expect(body).toEqual({ id: 7 });
    expect(api.refreshCalls()).toHaveLength(1);
    const sent = api.calls.filter((c) => c.url === '/api/me').map((c) => c.headers.get('Authorization'));
    expect(sent).toEqual(['Bearer access-1', 'Bearer access-2']);
  });

  test('many requests meeting one expired token rotate it once (no reuse, the session survives)', async () => {
    const { api, http, session } = setup(10);
    api.route('GET /api/admin/orders', () => json(200, [], { 'Content-Range': 'orders */0' }));
    api.expireAccessToken();
    await Promise.all(Array.from({ length: 5 }, () => http('/api/admin/orders')));
    expect(api.refreshCalls()).toHaveLength(1);
    expect(session.isSignedIn()).toBe(true);
  });

  test('when the refresh is refused, the 401 comes back and the session is over', async () => {
    const { api, http, session } = setup();
    api.route('GET /api/me', () => json(200, {}));
    api.endSession();
    const error = await http('/api/me').catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ApiError);
    expect(error).toMatchObject({ status: 401, refusedToken: 'access-1' });
    expect(session.isSignedIn()).toBe(false);
    expect(api.calls.filter((c) => c.url === '/api/me')).toHaveLength(1);
  });

  test('a 403 is not retried', async () => {
    const { api, http } = setup();
    api.route('GET /api/admin/users', () => problem(403, 'forbidden', 'You may not list users.'));
    await expect(http('/api/admin/users')).rejects.toMatchObject({
      status: 403,
      message: 'You may not list users.',
    });
    expect(api.refreshCalls()).toHaveLength(0);
  });

  test('problem+json validation errors become react-admin field errors', async () => {
    const { api, http } = setup();
    api.route('PUT /api/admin/products/1', () =>
      problem(422, 'validation_failed', 'Validation failed', {
        errors: [
          { path: 'body.slug', message: 'Lower-case letters', code: 'invalid_string' },
          { path: 'query.x', message: 'Unknown', code: 'unrecognized_keys' },
        ],
      }),
    );
    const error = (await http('/api/admin/products/1', { method: 'PUT', body: '{}' }).catch(
      (e: unknown) => e,
    )) as ApiError;
    expect(error.status).toBe(422);
    expect(error.body).toMatchObject({
      code: 'validation_failed',
      errors: { slug: 'Lower-case letters', root: 'Unknown' },
    });
  });

  test('a bodiless request carries no Content-Type (the API refuses text/plain)', async () => {
    const { api, http } = setup();
    api.route('DELETE /api/admin/tags/3', () => json(200, { id: 3 }));
    await http('/api/admin/tags/3', {
      method: 'DELETE',
      headers: new Headers({ 'Content-Type': 'text/plain' }),
    });
    expect(api.calls[0]!.headers.has('Content-Type')).toBe(false);
  });
});
