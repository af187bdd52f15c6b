import type { Express } from 'express';
import { pathPattern } from './routing/path-pattern';

/** One route the app serves: its method and its full Express path (`/api/v1/executions/:id`). */
export interface ServedRoute {
  method: string;
  path: string;
}

interface Layer {
  rawPath?: string | RegExp | Array<string | RegExp>;
  route?: { path: string | RegExp | Array<string | RegExp>; methods: Record<string, boolean> };
  handle?: { stack?: Layer[] };
}

const pathsOf = (raw: Layer['rawPath']): Array<string | RegExp> => (raw === undefined ? ['/'] : Array.isArray(raw) ? raw : [raw]);

const join = (prefix: string, path: string) => `${prefix}/${path}`.replace(/\/+/g, '/').replace(/(.)\/$/, '$1');

/**
 * Every method and path the app's routers serve, read from Express's own router stack. Routes on a pattern
 * (the console's catch-all page route) are not API routes and are left out, as are their routers' middleware.
 */
export function servedRoutes(app: Express): ServedRoute[] {
  const routes: ServedRoute[] = [];
  const walk = (stack: Layer[], prefix: string) => {
    for (const layer of stack) {
      if (layer.route) {
        for (const path of pathsOf(layer.route.path)) {
          if (typeof path !== 'string') continue;
          for (const method of Object.keys(layer.route.methods))
            if (method !== '_all') routes.push({ method: method.toUpperCase(), path: join(prefix, path) });
        }
      } else if (layer.handle?.stack) {
        for (const path of pathsOf(layer.rawPath)) if (typeof path === 'string') walk(layer.handle.stack, join(prefix, path));
      }
    }
  };
  walk((app as unknown as { router: { stack: Layer[] } }).router.stack, '');
  return routes;
}

/** `/api/v1/executions/:id` → `/api/v1/executions/{id}`: how the OpenAPI document writes a path. */
export const openApiPathOf = (expressPath: string) => expressPath.replace(/:(\w+)/g, '{$1}');

/**
 * The methods a path answers (with HEAD wherever GET is, and OPTIONS), in the order of the `Allow` header;
 * empty when no route matches the path. As in OpenAPI, a concrete path wins over a templated one that also
 * matches it (`/executions/bulk` is not `/executions/{id}`).
 */
export function allowedMethodsFinder(app: Express): (path: string) => string[] {
  let matchers: Array<{ method: string; params: number; matches: (path: string) => boolean }> | undefined;
  return (path) => {
    matchers ??= servedRoutes(app).map((route) => {
      const pattern = pathPattern(route.path);
      return { method: route.method, params: (route.path.match(/:\w+/g) ?? []).length, matches: (p: string) => pattern.test(p) };
    });
    const matching = matchers.filter((m) => m.matches(path));
    const fewestParams = Math.min(...matching.map((m) => m.params));
    const methods = new Set(matching.filter((m) => m.params === fewestParams).map((m) => m.method));
    if (methods.size === 0) return [];
    if (methods.has('GET')) methods.add('HEAD');
    methods.add('OPTIONS');
    return ['GET', 'HEAD', 'POST', 'PUT', 'PATCH', 'DELETE', 'OPTIONS'].filter((m) => methods.has(m));
  };
}
