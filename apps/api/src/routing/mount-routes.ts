import { Router, type Request, type RequestHandler } from 'express';
import type { ApiDeps } from '../deps';
import { parseBody, parseQuery } from '../validation';
import type { ApiRoute } from './api-route';
import { checkJsonResponses } from './response-check';

/** `/api/v1/executions/{id}` → `/api/v1/executions/:id`. */
export const expressPathOf = (path: string) => path.replace(/\{(\w+)\}/g, ':$1');

/**
 * An Express router serving the routes at their full paths: query and body parsed by the routes' schemas
 * (400 and 422), then the handler with the parsed input. With `deps.settings.checkResponses` (on unless
 * production) every JSON answer is checked against the route's declared response.
 */
export function routerOf(deps: ApiDeps, routes: readonly ApiRoute[]): Router {
  const router = Router();
  const checkResponses = deps.settings.checkResponses ?? true;
  for (const route of routes) {
    const { method, path, guard } = route.spec;
    router[method](expressPathOf(path), ...(guard ? [guard(deps)] : []), handlerOf(deps, route, checkResponses));
  }
  return router;
}

function handlerOf(deps: ApiDeps, route: ApiRoute, checkResponses: boolean): RequestHandler {
  const { query, body, handler } = route.spec;
  const readBody = route.spec.parseBody ?? parseBody;
  return async (req: Request, res) => {
    const restore = checkResponses ? checkJsonResponses(route, res) : undefined;
    try {
      const input = {
        deps,
        params: req.params,
        query: query ? parseQuery(query, req.query) : undefined,
        body: body ? readBody(body, req.body) : undefined,
        userId: req.userId,
        req,
        res,
      } as Parameters<typeof handler>[0];
      await handler(input);
    } finally {
      restore?.();
    }
  };
}
