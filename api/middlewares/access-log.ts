import type { Request, RequestHandler } from 'express';
import { type Logger, loggableRequest, loggableResponse } from '../logger';

declare module 'express-serve-static-core' {
  interface Request {
    /** The app's logger bound to this request (`req`: what loggableRequest keeps), made on first use. */
    log: Logger;
  }
}

/**
 * The access log: one line per request once it is answered — `info`, or `error` for a 5xx — with the request as
 * loggableRequest writes it, the status and size, and the time taken in ms; "request aborted" when the client left
 * first. The line is built only when its level is enabled, and `req.log` only when a handler logs: pino-http, used
 * before, bound every request to a child logger as it arrived (serializing and redacting it), even at
 * LOG_LEVEL=silent, 5–7 % of a stored product page's time (docs/benchmarks.md, eighth step).
 */
export function accessLog(log: Logger, ignore: (req: Request) => boolean): RequestHandler {
  return (req, res, next) => {
    let child: Logger | undefined;
    Object.defineProperty(req, 'log', {
      configurable: true,
      get: () => (child ??= log.child({ req: loggableRequest(req) })),
    });
    if (ignore(req)) return next();
    const started = Date.now();
    let logged = false;
    const done = () => {
      if (logged) return;
      logged = true;
      const level = res.statusCode >= 500 ? 'error' : 'info';
      if (!log.isLevelEnabled(level)) return;
      const line = {
        req: loggableRequest(req),
        res: loggableResponse(res),
        responseTime: Date.now() - started,
      };
      log[level](line, res.writableFinished ? 'request completed' : 'request aborted');
    };
    res.once('finish', done);
    res.once('close', done);
    next();
  };
}
