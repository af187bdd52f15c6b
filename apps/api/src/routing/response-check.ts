import type { Response } from 'express';
import type { z } from 'zod';
import type { ApiRoute } from './api-route';

/** Thrown when a route answers a JSON body its declared responses do not allow (never in production). */
export class ResponseDriftError extends Error {
  constructor(route: ApiRoute, status: number, problems: string) {
    super(
      `${route.spec.method.toUpperCase()} ${route.spec.path} answered ${status} with a body its declared responses do not allow: ${problems}`,
    );
    this.name = 'ResponseDriftError';
  }
}

/** The JSON schema a route declares for a status, or undefined when it declares none (or not JSON). */
function declaredJsonSchema(route: ApiRoute, status: number): z.ZodType | undefined {
  const response = route.spec.ok[status];
  return response?.content?.['application/json']?.schema as z.ZodType | undefined;
}

/**
 * Makes `res.json` check each body against the route's declared response for its status and throw
 * ResponseDriftError on any difference, so a handler that drifts from the document fails at once.
 * Returns a function that restores `res.json` (errors thrown by the handler answer in the error handler's shape).
 */
export function checkJsonResponses(route: ApiRoute, res: Response): () => void {
  const send = res.json;
  res.json = function checkedJson(body: unknown) {
    const schema = declaredJsonSchema(route, res.statusCode);
    if (!schema) throw new ResponseDriftError(route, res.statusCode, 'the status is not declared with a JSON body');
    const result = schema.safeParse(body);
    if (!result.success) {
      throw new ResponseDriftError(
        route,
        res.statusCode,
        result.error.issues.map((i) => `${i.path.join('.') || '(root)'}: ${i.message}`).join('; '),
      );
    }
    return send.call(this, body);
  };
  return () => {
    res.json = send;
  };
}
