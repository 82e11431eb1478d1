/**
 * Object keys are made by the application, never taken from a client as they are. A narrow alphabet keeps a key
 * the same on S3 and on a local disk (no `..`, no absolute paths, no hidden files) and the same in every URL (no
 * percent-encoding differences between signers).
 */

export class InvalidObjectKeyError extends Error {
  readonly code = 'invalid_object_key';
  constructor(
    readonly key: string,
    reason: string,
  ) {
    super(`Invalid object key ${JSON.stringify(key)}: ${reason}`);
    this.name = 'InvalidObjectKeyError';
  }
}

/** S3 allows 1024 bytes; most file systems 255 per name (the local adapter adds a suffix for its metadata). */
const MAX_KEY_LENGTH = 1024;
const MAX_SEGMENT_LENGTH = 200;

/** A segment: letters, digits, ".", "_" and "-", not starting with "." (so never "." or ".."). */
const FIRST = '[A-Za-z0-9_-]';
const REST = '[A-Za-z0-9._-]';
const SEGMENT = new RegExp(`^${FIRST}${REST}*$`);
/** Every segment valid and at most MAX_SEGMENT_LENGTH long, in one test: what almost every key is, checked first. */
const BOUNDED_SEGMENT = `${FIRST}${REST}{0,${MAX_SEGMENT_LENGTH - 1}}`;
const VALID_KEY = new RegExp(`^${BOUNDED_SEGMENT}(?:/${BOUNDED_SEGMENT})*$`);

function keyProblem(key: unknown): string | null {
  if (typeof key === 'string' && key.length <= MAX_KEY_LENGTH && VALID_KEY.test(key)) return null;
  if (typeof key !== 'string' || key.length === 0) return 'it is empty';
  if (key.length > MAX_KEY_LENGTH) return `it is longer than ${MAX_KEY_LENGTH} characters`;
  if (key.startsWith('/')) return 'it starts with "/"';
  if (key.endsWith('/')) return 'it ends with "/"';
  for (const segment of key.split('/')) {
    if (segment === '') return 'it has an empty segment ("//")';
    if (segment === '.' || segment === '..') return `it has a "${segment}" segment`;
    if (segment.length > MAX_SEGMENT_LENGTH)
      return `a segment is longer than ${MAX_SEGMENT_LENGTH} characters`;
    if (!SEGMENT.test(segment)) {
      return 'segments may hold only letters, digits, ".", "_" and "-", and may not start with "."';
    }
  }
  return null;
}

/** Throws InvalidObjectKeyError unless `key` is a valid object key; returns it otherwise. */
export function assertValidKey(key: string): string {
  const problem = keyProblem(key);
  if (problem) throw new InvalidObjectKeyError(String(key), problem);
  return key;
}

export function isValidKey(key: string): boolean {
  return keyProblem(key) === null;
}

/**
 * A prefix for deletePrefix: valid key segments followed by `/` (`products/42/`). The trailing slash is required,
 * so `products/4` can never sweep away `products/42/…`, and an empty prefix can never empty the whole store.
 */
export function assertValidPrefix(prefix: string): string {
  if (typeof prefix !== 'string' || !prefix.endsWith('/')) {
    throw new InvalidObjectKeyError(String(prefix), 'a prefix must end with "/"');
  }
  const problem = keyProblem(prefix.slice(0, -1));
  if (problem) throw new InvalidObjectKeyError(prefix, problem);
  return prefix;
}
