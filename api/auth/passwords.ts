import { dictionary } from '@zxcvbn-ts/language-common';
import type { FieldError } from '../errors';

// ~49k of the most common passwords (from zxcvbn's data), lower-cased for a case-insensitive check.
let common: Set<string> | null = null;
const commonPasswords = () =>
  (common ??= new Set((dictionary['passwords-common'] as string[]).map((p) => p.toLowerCase())));

export { PASSWORD_MAX_LENGTH, PASSWORD_MIN_LENGTH } from '@market/schemas/account';

/** Password rules beyond the schema's length: not the email (or its name part), not a common password. */
export function passwordProblems(password: string, email: string, path = 'body.password'): FieldError[] {
  const lower = password.toLowerCase();
  const address = email.trim().toLowerCase();
  if (lower === address || lower === address.split('@')[0]) {
    return [{ path, message: 'The password must not be your email address', code: 'password_is_email' }];
  }
  if (commonPasswords().has(lower)) {
    return [{ path, message: 'This password is too common; choose another', code: 'password_too_common' }];
  }
  return [];
}
