import type { RequestHandler } from 'express';
import type { z } from 'zod';
import { type FieldError, ValidationError } from '../errors';
import type { Route, ValidatedRequest } from '../openapi/route';

type Part = 'params' | 'query' | 'body';

function issuesOf(part: Part, error: z.ZodError): FieldError[] {
  return error.issues.map((issue) => {
    const keys = issue.code === 'unrecognized_keys' ? issue.keys : [];
    const path = [part, ...issue.path.map(String)].join('.');
    return {
      path: keys.length === 1 ? `${path}.${keys[0]}` : path,
      message: issue.message,
      code: issue.code,
    };
  });
}

// eslint-disable-next-line no-control-regex -- finding control characters is the point
const CONTROL = /[\u0000-\u001f\u007f]/;

/**
 * Where a query or path value holds a control character (NUL, newline, escape…): no search, slug, id or filter
 * needs one, and some reach the database or the search engine as a crash (`?q=%00` was a 500). Looked for in the
 * parsed values, so a JSON `filter` ("\u0000" inside it) counts too. Bodies may carry newlines (review texts) and
 * are left to their schemas.
 */
function controlCharacters(part: 'params' | 'query', value: unknown, path: string[] = []): FieldError[] {
  if (typeof value === 'string') {
    return CONTROL.test(value)
      ? [
          {
            path: [part, ...path].join('.'),
            message: 'Control characters are not allowed',
            code: 'control_character',
          },
        ]
      : [];
  }
  if (value && typeof value === 'object') {
    return Object.entries(value).flatMap(([key, inner]) => controlCharacters(part, inner, [...path, key]));
  }
  return [];
}

/**
 * Parses params, query and body with the route's schemas and stores the results on `req.valid`.
 * Handlers read only `input`, never raw `req.body`. A route without a body schema accepts no body.
 */
export function validate(route: Route): RequestHandler {
  const { params, query, body } = route.request ?? {};
  return (req, _res, next) => {
    const errors: FieldError[] = [];
    const valid: Record<Part, unknown> = { params: {}, query: {}, body: {} };
    const parse = (part: Part, schema: z.ZodType | undefined, value: unknown) => {
      if (!schema) return;
      const result = schema.safeParse(value ?? {});
      if (result.success) valid[part] = result.data;
      else errors.push(...issuesOf(part, result.error));
    };
    parse('params', params, req.params);
    parse('query', query, req.query);
    if (body) parse('body', body, req.body);
    else if (req.body !== undefined && Object.keys(req.body as object).length > 0) {
      errors.push({ path: 'body', message: 'This endpoint takes no request body', code: 'unexpected_body' });
    }
    // The raw values as well as the parsed ones: a schema may drop or transform what it was given.
    errors.push(...controlCharacters('params', req.params), ...controlCharacters('query', req.query));
    errors.push(
      ...controlCharacters('query', valid.query).filter((e) => !errors.some((f) => f.path === e.path)),
    );
    if (errors.length) return next(new ValidationError(errors));
    (req as ValidatedRequest).valid = valid as ValidatedRequest['valid'];
    next();
  };
}
