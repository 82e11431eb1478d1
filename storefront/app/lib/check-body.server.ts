import type { z } from 'zod';
import { ApiError } from './problem';

/**
 * Checks a body with the API's own schema (@market/schemas) before the API is asked. What the schema refuses is
 * thrown as the very 422 problem the API would answer (paths `body.<field>`, zod's issue codes), so one error
 * mapping (formErrors) serves both, and a form post that cannot succeed costs no API call.
 */
export function checkBody<S extends z.ZodType>(schema: S, body: z.input<S>): z.output<S> {
  const result = schema.safeParse(body);
  if (result.success) return result.data;
  throw new ApiError(422, {
    title: 'Validation failed',
    status: 422,
    errors: result.error.issues.map((issue) => ({
      path: ['body', ...issue.path.map(String)].join('.'),
      code: issue.code,
      message: issue.message,
    })),
  });
}
