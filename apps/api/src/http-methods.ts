import type { Express, RequestHandler } from 'express';
import { AppError } from './errors';
import { allowedMethodsFinder } from './route-table';

/**
 * HTTP method semantics from the app's own routes: `OPTIONS` on a served path answers 204 with `Allow` (no token
 * needed: the method list is public in the OpenAPI document), and a method the path does not serve is 405 with
 * `Allow`. Paths no route serves fall through to the 404.
 */
export function httpMethodSemantics(app: Express): { answerOptions: RequestHandler; refuseUnservedMethods: RequestHandler } {
  const allowedMethods = allowedMethodsFinder(app);
  return {
    answerOptions: (req, res, next) => {
      if (req.method !== 'OPTIONS') return next();
      const allowed = allowedMethods(req.path);
      if (allowed.length === 0) return next();
      res.set('Allow', allowed.join(', ')).status(204).end();
    },
    refuseUnservedMethods: (req, res, next) => {
      const allowed = allowedMethods(req.path);
      if (allowed.length === 0) return next();
      res.set('Allow', allowed.join(', '));
      next(new AppError(405, 'METHOD_NOT_ALLOWED', `${req.method} is not served on ${req.path}; allowed: ${allowed.join(', ')}`, { allowed }));
    },
  };
}
