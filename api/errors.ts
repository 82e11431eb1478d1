/**
 * Typed application errors. Each has an HTTP status and a stable snake_case `code` that clients may rely on;
 * the error middleware renders them as RFC 9457 problem+json.
 */
export interface FieldError {
  /** Where the problem is: `body.email`, `query.page`, `params.id`. */
  path: string;
  message: string;
  code: string;
}

export class AppError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    readonly title: string,
    detail?: string,
    readonly extra: Record<string, unknown> = {},
  ) {
    super(detail ?? title);
    this.name = new.target.name;
  }
}

export class BadRequestError extends AppError {
  constructor(detail: string, code = 'bad_request') {
    super(400, code, 'Bad request', detail);
  }
}

export class UnauthorizedError extends AppError {
  constructor(detail = 'Authentication is required.', code = 'unauthorized') {
    super(401, code, 'Unauthorized', detail);
  }
}

export class ForbiddenError extends AppError {
  constructor(detail = 'You may not do this.', code = 'forbidden') {
    super(403, code, 'Forbidden', detail);
  }
}

export class NotFoundError extends AppError {
  constructor(detail = 'The resource does not exist.', code = 'not_found') {
    super(404, code, 'Not found', detail);
  }
}

export class ConflictError extends AppError {
  constructor(detail: string, code = 'conflict') {
    super(409, code, 'Conflict', detail);
  }
}

export class PayloadTooLargeError extends AppError {
  constructor(detail: string) {
    super(413, 'payload_too_large', 'Payload too large', detail);
  }
}

export class UnsupportedMediaTypeError extends AppError {
  constructor(detail: string) {
    super(415, 'unsupported_media_type', 'Unsupported media type', detail);
  }
}

export class ValidationError extends AppError {
  constructor(
    readonly errors: FieldError[],
    detail = 'The request is not valid.',
  ) {
    super(422, 'validation_failed', 'Validation failed', detail, { errors });
  }
}

/** The same Idempotency-Key came before with another body (checkout, payment, refunds): a 422 naming the header. */
export const idempotencyKeyReused = (detail: string): ValidationError =>
  new ValidationError(
    [{ path: 'header.idempotency-key', code: 'idempotency_key_reused', message: 'Used with another body' }],
    detail,
  );

export class TooManyRequestsError extends AppError {
  constructor(readonly retryAfterSeconds: number) {
    super(429, 'rate_limited', 'Too many requests', `Try again in ${retryAfterSeconds} s.`);
  }
}

export class ServiceUnavailableError extends AppError {
  constructor(detail: string, code = 'service_unavailable') {
    super(503, code, 'Service unavailable', detail);
  }
}
