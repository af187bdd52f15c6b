import type { z } from 'zod';
import { badRequest, validationFailed } from './errors';

/** Parses a required JSON body with a strict schema: 422 listing every problem (unknown fields included), or when there is none. */
export function parseBody<T extends z.ZodType>(schema: T, body: unknown): z.infer<T> {
  if (body === undefined) throw validationFailed('a JSON request body is required', [{ path: '', message: 'required' }]);
  const result = schema.safeParse(body);
  if (result.success) return result.data;
  throw validationFailed('request body is invalid', issuesOf(result.error));
}

/** Parses query parameters: 400 on malformed values. */
export function parseQuery<T extends z.ZodType>(schema: T, query: unknown): z.infer<T> {
  const result = schema.safeParse(query);
  if (result.success) return result.data;
  throw badRequest('query string is invalid', issuesOf(result.error));
}

function issuesOf(error: z.ZodError) {
  return error.issues.map((issue) => ({ path: issue.path.join('.'), message: issue.message }));
}
