import { routes } from '../routes';
import { buildOpenApiDocument } from './document';

type Operation = {
  parameters?: { in: string; name: string; required?: boolean; schema: Record<string, unknown> }[];
  responses: Record<string, unknown>;
  security?: Record<string, string[]>[];
};
const document = buildOpenApiDocument(routes, {
  version: 'test',
  serverUrl: 'http://localhost',
}) as unknown as {
  paths: Record<string, Record<string, Operation>>;
  components: { securitySchemes: Record<string, { type: string; name?: string; scheme?: string }> };
};
const operations = Object.entries(document.paths).flatMap(([path, ops]) =>
  Object.entries(ops).map(([method, op]) => ({ name: `${method.toUpperCase()} ${path}`, op })),
);
const op = (method: string, path: string) => document.paths[path]![method]!;

test('bearer tokens and guest cart tokens are security schemes, and each operation says which it takes', () => {
  expect(document.components.securitySchemes).toEqual({
    bearerAuth: expect.objectContaining({ type: 'http', scheme: 'bearer' }),
    cartToken: expect.objectContaining({ type: 'apiKey', name: 'Cart-Token' }),
  });
  expect(op('get', '/api/products').security).toEqual([]);
  expect(op('post', '/api/checkout').security).toEqual([{ bearerAuth: [] }, { cartToken: [] }, {}]);
  expect(op('get', '/api/admin/users').security).toEqual([{ bearerAuth: [] }]);
  for (const { name, op: operation } of operations)
    expect([name, operation.security]).toEqual([name, expect.any(Array)]);
});

test('every operation with a body declares 400, 413, 415 and 422; every one with input declares 422', () => {
  for (const { name, op: operation } of operations) {
    const statuses = Object.keys(operation.responses);
    const hasBody = 'requestBody' in operation;
    const hasInput = hasBody || (operation.parameters ?? []).some((p) => p.in !== 'header');
    if (hasBody)
      expect([name, ...['400', '413', '415'].filter((s) => !statuses.includes(s))]).toEqual([name]);
    if (hasInput) expect([name, statuses.includes('422')]).toEqual([name, true]);
  }
});

test('signed-in operations declare 401, policy-guarded ones 403 too', () => {
  expect(Object.keys(op('get', '/api/me').responses)).toContain('401');
  expect(Object.keys(op('get', '/api/admin/users').responses)).toEqual(
    expect.arrayContaining(['401', '403']),
  );
  expect(Object.keys(op('get', '/api/products').responses)).not.toContain('401');
});

test('numeric ids in paths are positive integers', () => {
  const ids = operations.flatMap(({ name, op: operation }) =>
    (operation.parameters ?? [])
      .filter((p) => p.in === 'path' && p.name !== 'paymentId' && /(^id|Id)$/.test(p.name))
      .map((p) => [name, p]),
  );
  expect(ids.length).toBeGreaterThan(30);
  for (const [name, parameter] of ids) {
    expect([name, (parameter as { schema: unknown }).schema]).toEqual([
      name,
      expect.objectContaining({ type: 'integer', minimum: 1 }),
    ]);
  }
  // The test provider's payment ids are not numbers and stay strings.
  const payment = op('post', '/api/payments/test/{paymentId}/authenticate').parameters!.find(
    (p) => p.in === 'path',
  );
  expect(payment!.schema).toMatchObject({ type: 'string' });
});

test('Idempotency-Key is a header parameter where the route reads one', () => {
  const key = (method: string, path: string) =>
    op(method, path).parameters?.find((p) => p.in === 'header' && p.name === 'Idempotency-Key');
  expect(key('post', '/api/checkout')).toMatchObject({ required: true });
  expect(key('post', '/api/orders/{id}/pay')).toMatchObject({ required: false });
  expect(key('post', '/api/admin/orders/{id}/refund')).toMatchObject({ required: false });
  expect(key('post', '/api/admin/orders/{id}/ship')).toBeUndefined();
});

test('rate-limited operations declare 429', () => {
  for (const [method, path] of [
    ['post', '/api/auth/login'],
    ['post', '/api/checkout'],
    ['post', '/api/orders/{id}/pay'],
    ['post', '/api/payments/test/{paymentId}/authenticate'],
    ['get', '/api/auth/google'],
    ['post', '/api/auth/exchange'],
  ] as const) {
    expect([path, Object.keys(op(method, path).responses)]).toEqual([path, expect.arrayContaining(['429'])]);
  }
});
