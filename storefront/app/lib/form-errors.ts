import { ApiError, messageFor } from './problem';

export interface FormErrors {
  /** One line above the form (role=alert). */
  message: string;
  /** Per input, keyed by the API's body path without `body.` (`email`, `newPassword`). */
  fields: Record<string, string>;
}

/** Messages by the API's error code; `field:code` wins over `code`, and a caller's own words win over both. */
const MESSAGES: Record<string, string> = {
  password_is_email: 'Choose a password that is not your email address.',
  password_too_common: 'That password is too common and easy to guess. Choose another one.',
  current_password_invalid: 'That is not your current password.',
  no_password: 'This account signs in with Google, so it has no password to change.',
  'email:invalid_format': 'Enter a valid email address, like name@example.com.',
  'name:too_small': 'Enter your name.',
  'password:too_small': 'Use at least 8 characters.',
  'newPassword:too_small': 'Use at least 8 characters.',
  'currentPassword:too_small': 'Enter your current password.',
  too_big: 'That is too long.',
};

interface FieldProblem {
  path?: string;
  message?: string;
  code?: string;
}

/**
 * What a form shows for a failed API call: a plain summary and, for a 422, a message under each input. Codes
 * without words of their own keep the API's message.
 */
export function formErrors(error: unknown, own: Record<string, string> = {}): FormErrors {
  if (!(error instanceof ApiError) || error.status !== 422) return { message: messageFor(error), fields: {} };
  const fields: Record<string, string> = {};
  for (const problem of (error.problem.errors ?? []) as FieldProblem[]) {
    if (!problem.path) continue;
    const field = problem.path.replace(/^body\./, '');
    const code = problem.code ?? '';
    fields[field] ??=
      own[`${field}:${code}`] ??
      own[code] ??
      MESSAGES[`${field}:${code}`] ??
      MESSAGES[code] ??
      problem.message ??
      'Check this value.';
  }
  const count = Object.keys(fields).length;
  return {
    message: count ? 'Please correct the marked fields.' : messageFor(error),
    fields,
  };
}
