import type { Express, RequestHandler } from 'express';
import { AppError } from './errors';
import { allowedMethodsFinder } from './route-table';

/**
 * HTTP method semantics from the app's own routes, before any router or token check (the method list is public in
 * the OpenAPI document): `OPTIONS` on a served path answers 204 with `Allow`, and a method the path does not serve
 * is 405 with `Allow` (so `GET /executions/bulk` is 405, not a lookup of an execution named "bulk"). Paths no
 * route serves go on to the 404.
 */
export function httpMethodSemantics(app: Express): RequestHandler {
  const allowedMethods = allowedMethodsFinder(app);
  return (req, res, next) => {
    const allowed = allowedMethods(req.path);
    if (allowed.length === 0 || (allowed.includes(req.method) && req.method !== 'OPTIONS')) return next();
    res.set('Allow', allowed.join(', '));
    if (req.method === 'OPTIONS') return void res.status(204).end();
    next(
      new AppError(405, 'METHOD_NOT_ALLOWED', `${req.method} is not served on ${req.path}; allowed: ${allowed.join(', ')}`, { allowed }),
    );
  };
}
