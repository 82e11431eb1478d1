import type { Route } from './route';

/**
 * What every operation of the API can answer besides its own responses, and how callers authenticate, added to the
 * OpenAPI document from the route definitions so no route can forget them:
 * - a JSON body: 400 (malformed_json, malformed_body), 413 (too large), 415 (not JSON);
 * - path, query or body input: 422 validation_failed (also a control character in the query, control_character);
 * - a bearer token (any route but public ones: a token, when sent, must be valid): 401; a policy action: 403;
 * - security: `bearerAuth` (a short-lived JWT from /api/auth/login), `cartToken` (the guest cart's Cart-Token);
 * - the Idempotency-Key header where the route reads one.
 */
export const securitySchemes = {
  bearerAuth: {
    type: 'http',
    scheme: 'bearer',
    bearerFormat: 'JWT',
    description: 'The access token from POST /api/auth/login or /api/auth/refresh (15 minutes).',
  },
  cartToken: {
    type: 'apiKey',
    in: 'header',
    name: 'Cart-Token',
    description:
      'A guest cart’s token, handed out by the first POST /api/cart/items; it also opens its orders.',
  },
} as const;

type Responses = Record<string, { description: string }>;

export function commonResponses(route: Route): Responses {
  const { params, query, body } = route.request ?? {};
  const out: Responses = {};
  if (body) {
    out['400'] = {
      description: 'malformed_json or malformed_body: the body is not valid JSON or not decodable',
    };
    out['413'] = { description: 'payload_too_large: the body is over the limit' };
    out['415'] = { description: 'unsupported_media_type: the body is not application/json' };
  }
  if (params || query || body) out['422'] = { description: 'validation_failed: see `errors`' };
  if (route.access !== 'public')
    out['401'] = { description: 'unauthorized: the bearer token is missing or invalid' };
  if (!['public', 'guest-or-user', 'signed-in'].includes(route.access)) {
    out['403'] = { description: 'forbidden: the caller’s role may not do this' };
  }
  return out;
}

/** Who may call: none for public routes, a bearer token or a guest cart, or a bearer token only. */
export function securityOf(route: Route): Record<string, string[]>[] {
  if (route.access === 'public') return [];
  if (route.access === 'guest-or-user') return [{ bearerAuth: [] }, { cartToken: [] }, {}];
  return [{ bearerAuth: [] }];
}

export function idempotencyKeyParameter(route: Route) {
  if (!route.idempotencyKey) return [];
  return [
    {
      name: 'Idempotency-Key',
      in: 'header' as const,
      required: route.idempotencyKey === 'required',
      description:
        'One per attempt (a UUID): a repeat with the same key gets the first answer, never a second effect.',
      schema: { type: 'string' as const, pattern: '^[A-Za-z0-9_.:-]{8,128}$' },
    },
  ];
}

/** A path parameter that is a numeric id (`^\d{1,N}$`, or a number) as OpenAPI should say it: a positive integer. */
export function integerIdSchema(schema: Record<string, unknown>): Record<string, unknown> | null {
  const variants = (schema['anyOf'] as Record<string, unknown>[] | undefined) ?? [schema];
  const digits = variants
    .map((v) => (typeof v['pattern'] === 'string' ? /^\^\\d\{1,(\d+)\}\$$/.exec(v['pattern']) : null))
    .find(Boolean);
  if (!digits) return null;
  const maxDigits = Number(digits[1]);
  return { type: 'integer', minimum: 1, maximum: maxDigits >= 15 ? 999_999_999_999_999 : 2_147_483_647 };
}
