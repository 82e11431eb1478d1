import type { ErrorRequestHandler, RequestHandler } from 'express';
import {
  ConnectionError,
  ForeignKeyConstraintError,
  UniqueConstraintError,
  ValidationError as SequelizeValidationError,
} from 'sequelize';
import {
  AppError,
  BadRequestError,
  ConflictError,
  NotFoundError,
  PayloadTooLargeError,
  ServiceUnavailableError,
  TooManyRequestsError,
  UnsupportedMediaTypeError,
  ValidationError,
} from '../errors';
import type { Logger } from '../logger';
import { sendProblem } from './problem';

interface BodyParserError {
  type?: string;
  status?: number;
  limit?: number;
  /** http-errors' flag: the message is meant for the client (any 4xx body-parser raises). */
  expose?: boolean;
}

/** Turns anything thrown into an AppError; unknown errors become a generic 500 (logged, never shown). */
export function toAppError(err: unknown): AppError | null {
  if (err instanceof AppError) return err;
  const parserError = err as BodyParserError;
  switch (parserError?.type) {
    case 'entity.parse.failed':
      return new BadRequestError('The request body is not valid JSON.', 'malformed_json');
    case 'entity.too.large':
      return new PayloadTooLargeError(`The request body is larger than ${parserError.limit} bytes.`);
    case 'encoding.unsupported':
    case 'charset.unsupported':
      return new UnsupportedMediaTypeError('The request body encoding or charset is not supported.');
    case 'request.aborted':
      return new BadRequestError('The request was aborted.', 'request_aborted');
  }
  // The body could not be read at all: a corrupt or truncated gzip, deflate or br stream (zlib's error, which
  // body-parser marks 400 without a type), or another client-side fault it reports with a 4xx status.
  if (parserError?.expose === true && parserError.status === 400) {
    return new BadRequestError(
      'The request body could not be decoded (corrupt or truncated Content-Encoding).',
      'malformed_body',
    );
  }
  if (err instanceof UniqueConstraintError) {
    const fields = Object.keys(err.fields ?? {});
    return new ConflictError(
      `A record with the same ${fields.join(', ') || 'key'} already exists.`,
      'duplicate',
    );
  }
  if (err instanceof ForeignKeyConstraintError) {
    return new ConflictError(
      'The request refers to a record that does not exist or is still in use.',
      'reference',
    );
  }
  if (err instanceof SequelizeValidationError) {
    return new ValidationError(
      err.errors.map((e) => ({
        path: `body.${e.path ?? ''}`,
        message: e.message,
        code: e.validatorKey ?? 'invalid',
      })),
    );
  }
  if (err instanceof ConnectionError) {
    return new ServiceUnavailableError(
      'The database is not reachable; try again shortly.',
      'database_unavailable',
    );
  }
  return null;
}

export function errorHandler(log: Logger): ErrorRequestHandler {
  return (err, req, res, next) => {
    if (res.headersSent) return next(err);
    const appError = toAppError(err);
    if (appError) {
      if (appError instanceof TooManyRequestsError)
        res.setHeader('Retry-After', String(appError.retryAfterSeconds));
      else if (typeof appError.extra.retryAfterSeconds === 'number')
        res.setHeader('Retry-After', String(appError.extra.retryAfterSeconds));
      if (appError.status >= 500) log.warn({ err, requestId: req.id }, appError.message);
      return sendProblem(req, res, appError);
    }
    log.error({ err, requestId: req.id }, 'unhandled error');
    sendProblem(
      req,
      res,
      new AppError(500, 'internal_error', 'Internal server error', 'Something went wrong.'),
    );
  };
}

export function notFound(): RequestHandler {
  return (req, _res, next) =>
    next(new NotFoundError(`No route for ${req.method} ${req.path}.`, 'route_not_found'));
}
