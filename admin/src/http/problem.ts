import { HttpError } from 'react-admin';

/** RFC 9457 problem details as the API sends them (api/middlewares/problem.ts). */
export interface Problem {
  type?: string;
  title?: string;
  status?: number;
  detail?: string;
  code?: string;
  requestId?: string;
  /** 422 validation_failed: one entry per field, `path` like `body.title`. */
  errors?: { path: string; message: string; code: string }[];
  [key: string]: unknown;
}

/**
 * A failed API call. `message` is the problem's detail (what react-admin's notification shows); `body.errors`
 * is re-keyed by form field (`body.title` → `title`), which is what react-admin's forms read to show server-side
 * validation errors under each input; the API's list stays in `body.fieldErrors`. `refusedToken` is the access
 * token a 401 was answered to, so the auth provider does not rotate a session that has already moved on.
 */
export class ApiError extends HttpError {
  constructor(
    message: string,
    status: number,
    body: Record<string, unknown> | undefined,
    readonly refusedToken: string | null = null,
  ) {
    super(message, status, body);
    // HttpError resets the prototype to its own (for old transpilers); put ours back so instanceof works.
    Object.setPrototypeOf(this, new.target.prototype);
    this.name = 'ApiError';
  }
}

const isProblem = (value: unknown): value is Problem => typeof value === 'object' && value !== null;

/** `body.title` → `title`, `body.tagIds.0` → `tagIds`; query and path problems stay under `root`. */
export function fieldErrorsOf(problem: Problem): Record<string, string> | undefined {
  if (!Array.isArray(problem.errors) || problem.errors.length === 0) return undefined;
  const fields: Record<string, string> = {};
  for (const { path, message } of problem.errors) {
    const [where, field] = path.split('.');
    const key = where === 'body' && field ? field : 'root';
    fields[key] = fields[key] ? `${fields[key]}; ${message}` : message;
  }
  return fields;
}

export function apiErrorOf(
  status: number,
  statusText: string,
  json: unknown,
  token: string | null,
): ApiError {
  if (!isProblem(json)) return new ApiError(statusText || `HTTP ${status}`, status, undefined, token);
  const message = json.detail ?? json.title ?? (statusText || `HTTP ${status}`);
  const errors = fieldErrorsOf(json);
  const body = errors ? { ...json, fieldErrors: json.errors, errors } : { ...json };
  return new ApiError(message, status, body, token);
}
