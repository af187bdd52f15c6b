import type { RequestHandler } from 'express';
import type { Logger } from 'pino';

/** One structured line per request, with its id, user and latency; never headers or the query string. */
export function requestLog(
  log: Logger,
  onFinish?: (route: string, method: string, status: number, seconds: number) => void,
): RequestHandler {
  return (req, res, next) => {
    const started = process.hrtime.bigint();
    res.on('finish', () => {
      const seconds = Number(process.hrtime.bigint() - started) / 1e9;
      const route = req.route?.path ? `${req.baseUrl}${req.route.path}` : 'unmatched';
      onFinish?.(route, req.method, res.statusCode, seconds);
      log.info(
        {
          reqId: req.id,
          method: req.method,
          path: req.path,
          route,
          status: res.statusCode,
          ms: Math.round(seconds * 1000),
          userId: req.userId,
        },
        'request',
      );
    });
    next();
  };
}
