import type { Request, RequestHandler, Response } from 'express';
import type { z } from 'zod';
import type { ZodOpenApiOperationObject } from 'zod-openapi';
import type { ApiDeps } from '../deps';
import { operation, type OperationSpec } from '../openapi/operation-kit';

export type HttpMethod = 'get' | 'post' | 'put' | 'delete';

/** `'/a/{id}/b/{node_id}'` → `'id' | 'node_id'`. */
type PathParamNames<Path extends string> = Path extends `${string}{${infer Name}}${infer Rest}` ? Name | PathParamNames<Rest> : never;

type Parsed<Schema> = Schema extends z.ZodType ? z.output<Schema> : undefined;

/** What a route's handler receives: the request already parsed by the route's schemas. */
export interface RouteInput<Path extends string, Query, Body> {
  deps: ApiDeps;
  params: Record<PathParamNames<Path>, string>;
  query: Query;
  body: Body;
  /** The caller (empty on public routes). */
  userId: string;
  req: Request;
  res: Response;
}

/** Parses a request body with the route's schema, throwing the error its family answers bad bodies with. */
export type BodyParser = <T extends z.ZodType>(schema: T, body: unknown) => z.output<T>;

export interface RouteSpec<Path extends string, Query extends z.ZodObject | undefined, Body extends z.ZodType | undefined> extends Omit<
  OperationSpec,
  'query' | 'body'
> {
  method: HttpMethod;
  /** The full path as the document writes it: `/api/v1/executions/{id}`. */
  path: Path;
  query?: Query;
  body?: Body;
  /** How a bad body is refused; default validation.ts's parseBody (422). */
  parseBody?: BodyParser;
  /** Middleware run before the body is parsed (e.g. the live-execution cap of starts). */
  guard?: (deps: ApiDeps) => RequestHandler;
  handler: (input: RouteInput<NoInfer<Path>, Parsed<NoInfer<Query>>, Parsed<NoInfer<Body>>>) => unknown;
}

/** A route declared once: the app mounts it (routing/mount-routes.ts) and the OpenAPI document lists it. */
export interface ApiRoute {
  readonly spec: RouteSpec<string, z.ZodObject | undefined, z.ZodType | undefined>;
  /** The route's OpenAPI operation (common error statuses added by kind, path parameters from the template). */
  operation(): ZodOpenApiOperationObject;
}

/** Declares a route: method, path, schemas, responses and handler in one place. */
export function apiRoute<
  Path extends string,
  Query extends z.ZodObject | undefined = undefined,
  Body extends z.ZodType | undefined = undefined,
>(spec: RouteSpec<Path, Query, Body>): ApiRoute {
  const { method: _method, path, parseBody: _parseBody, guard: _guard, handler: _handler, ...documented } = spec;
  return {
    spec: spec as unknown as ApiRoute['spec'],
    operation: () => operation(path, documented),
  };
}
