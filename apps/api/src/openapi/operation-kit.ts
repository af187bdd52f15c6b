import { z } from 'zod';
import type { ZodOpenApiOperationObject, ZodOpenApiResponseObject } from 'zod-openapi';
import type { RateClass } from '../limits/limit-settings';
import { ErrorResponse } from './responses';

type Responses = Record<string, ZodOpenApiResponseObject>;

/** What an error status means wherever it is listed. */
const ERROR_TEXT: Record<number, string> = {
  400: 'malformed JSON, a JSON body nested too deep, a malformed %-escape in the path, or an invalid query string, cursor or header',
  401: 'missing, invalid or expired bearer token',
  404: 'not found (or not yours: the two are indistinguishable)',
  409: 'conflicts with the current state; details say what it is',
  410: 'gone: used, expired or closed',
  413: 'request body larger than BODY_LIMIT',
  422: 'the request is well-formed but invalid (details list every problem), or holds text Postgres cannot store (NUL, unpaired surrogates)',
  429: 'a rate or concurrency limit (per user; per client address for answer links); retry after Retry-After seconds',
  503: 'Temporal or Postgres is unreachable',
};

export const RetryAfter = z.string().regex(/^\d+$/).describe('seconds to wait before retrying');

/** A JSON response with a schema. */
export const json = (schema: z.ZodType, description: string, extra: Partial<ZodOpenApiResponseObject> = {}): ZodOpenApiResponseObject => ({
  description,
  content: { 'application/json': { schema } },
  ...extra,
});

const errorResponse = (status: number, schema: z.ZodType) =>
  json(schema, ERROR_TEXT[status] ?? 'error', status === 429 ? { headers: z.object({ 'Retry-After': RetryAfter }) } : {});

export interface OperationSpec extends Omit<ZodOpenApiOperationObject, 'responses' | 'requestParams' | 'requestBody'> {
  operationId: string;
  summary: string;
  /** Success (and any other non-error) responses. */
  ok: Responses;
  /** Error statuses only this operation answers; the ones every route of its kind answers are added. */
  errors?: number[];
  query?: z.ZodObject;
  headers?: z.ZodObject;
  body?: z.ZodType;
  bodyExample?: unknown;
  /** No bearer token (health, docs, answer links). */
  public?: boolean;
  /** The per-user rate limit the route counts against (limits/request-rates.ts); 429 past it. */
  rateLimit?: RateClass;
  /** Error responses in another shape (the test-session routes' own). */
  errorShape?: z.ZodType;
}

const PATH_PARAM_TEXT: Record<string, string> = {
  id: 'the resource id',
  execute_id: 'an execution id of this workflow',
  node_id: 'the node id in the workflow definition',
  token: 'the answer link token',
};

/**
 * A documented operation: path parameters from the path template, and the statuses every route of its kind can
 * answer (401 for a missing token, 422 for unstorable text, 503 when a backing service is down, 400/413 for a
 * body, 400 for a query, header or path parameter, 429 for rate-limited writes).
 */
export function operation(path: string, spec: OperationSpec): ZodOpenApiOperationObject {
  const { ok, errors = [], query, headers, body, bodyExample, public: isPublic, rateLimit, errorShape, ...rest } = spec;
  const names = [...path.matchAll(/\{(\w+)\}/g)].map((m) => m[1]!);
  const pathParams = names.length
    ? z.object(
        Object.fromEntries(
          names.map((name) => [
            name,
            z
              .string()
              .min(1)
              .describe(PATH_PARAM_TEXT[name] ?? name),
          ]),
        ),
      )
    : undefined;
  const common = new Set<number>();
  if (!isPublic) [401, 422, 503].forEach((s) => common.add(s));
  if (body) [400, 413, 422].forEach((s) => common.add(s));
  if (query || headers || pathParams) common.add(400);
  if (rateLimit) common.add(429);
  const responses: Responses = { ...ok };
  for (const status of [...new Set([...errors, ...common])].sort()) {
    // A family with its own error shape (test sessions) answers its own errors in it; the app-wide ones keep the app's.
    const own = errorShape && errors.includes(status) ? errorShape : undefined;
    responses[status] = errorResponse(status, own ? (common.has(status) ? z.union([own, ErrorResponse]) : own) : ErrorResponse);
  }
  return {
    ...(isPublic ? { security: [] } : {}),
    ...rest,
    requestParams: { ...(pathParams ? { path: pathParams } : {}), ...(query ? { query } : {}), ...(headers ? { header: headers } : {}) },
    ...(body
      ? {
          requestBody: {
            required: true,
            content: { 'application/json': { schema: body, ...(bodyExample ? { example: bodyExample } : {}) } },
          },
        }
      : {}),
    responses,
  };
}
