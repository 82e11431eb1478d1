import type { Request, Response } from 'express';
import type { AppError } from '../errors';

export const PROBLEM_CONTENT_TYPE = 'application/problem+json';

/** RFC 9457 problem details, with market's stable `code` and the request id for support. */
export function sendProblem(req: Request, res: Response, error: AppError): void {
  const body = {
    type: `urn:market:problem:${error.code}`,
    title: error.title,
    status: error.status,
    detail: error.message,
    instance: req.originalUrl.split('?')[0],
    code: error.code,
    requestId: req.id,
    ...error.extra,
  };
  res.status(error.status).type(PROBLEM_CONTENT_TYPE).send(JSON.stringify(body));
}
