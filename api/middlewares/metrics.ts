import type { RequestHandler } from 'express';
import type { Metrics } from '../services/metrics';

/**
 * Times every request. The route label is the matched pattern (`/api/products/:slug`), never the raw path,
 * so label cardinality stays bounded; unmatched requests share one label.
 */
export function measureRequests(metrics: Metrics): RequestHandler {
  return (req, res, next) => {
    const end = metrics.httpDuration.startTimer();
    res.on('finish', () => {
      const pattern = req.route?.path;
      const route = typeof pattern === 'string' ? `${req.baseUrl}${pattern}` : 'unmatched';
      end({ method: req.method, route, status_code: String(res.statusCode) });
    });
    next();
  };
}
