import type { ErrorRequestHandler, RequestHandler } from 'express';
import { WorkflowNotFoundError } from '@temporalio/client';
import { isDatabaseDataError, isDatabaseUnavailable } from '@trellis/db';
import type { Logger } from 'pino';
import { ZodError } from 'zod';
import { AppError } from './errors';

/** Maps every error to `{error: {code, message, details?}}` with the right status; expected ones log at warn. */
export function errorHandler(log: Logger): ErrorRequestHandler {
  return (error, req, res, _next) => {
    const appError = toAppError(error);
    if (appError.status >= 500) log.error({ err: error, reqId: req.id }, 'request failed');
    else log.warn({ code: appError.code, reqId: req.id }, appError.message);
    if (res.headersSent) return;
    res.status(appError.status).json({
      error: { code: appError.code, message: appError.message, ...(appError.details ? { details: appError.details } : {}) },
    });
  };
}

/** 404 for routes that do not exist, in the same shape. */
export const unknownRoute: RequestHandler = (req, _res, next) =>
  next(new AppError(404, 'NOT_FOUND', `no route for ${req.method} ${req.path}`));

function toAppError(error: unknown): AppError {
  if (error instanceof AppError) return error;
  if (error instanceof ZodError) {
    return new AppError(
      422,
      'VALIDATION_FAILED',
      'request is invalid',
      error.issues.map((i) => ({ path: i.path, message: i.message })),
    );
  }
  const e = error as { type?: string; status?: number; code?: string | number; message?: string; name?: string };
  if (e.type === 'entity.parse.failed') return new AppError(400, 'MALFORMED_JSON', 'request body is not valid JSON');
  if (e.type === 'entity.too.large') return new AppError(413, 'BODY_TOO_LARGE', 'request body is too large');
  if (e.status === 400 && e.type) return new AppError(400, 'BAD_REQUEST', e.message ?? 'bad request');
  // Express decodes path parameters; a malformed %-escape (e.g. %FF) throws a URIError there.
  if (error instanceof URIError) return new AppError(400, 'MALFORMED_PATH', 'the request path is not valid percent-encoded UTF-8');
  if (error instanceof WorkflowNotFoundError) return new AppError(404, 'NOT_FOUND', 'execution not found in Temporal');
  // drizzle wraps pg's connection errors (Postgres down) in a DrizzleQueryError; isDatabaseUnavailable reads the cause.
  if (isUnavailable(e) || isDatabaseUnavailable(error))
    return new AppError(503, 'SERVICE_UNAVAILABLE', 'a backing service (Temporal or Postgres) is unreachable');
  // Postgres refused a value (a data exception the request checks did not foresee): the request's fault, said without SQL.
  if (isDatabaseDataError(error)) return new AppError(422, 'INVALID_DATA', 'the request holds a value that cannot be stored');
  return new AppError(500, 'INTERNAL', 'internal error');
}

/** gRPC codes that mean "try again later": cancelled, deadline exceeded, resource exhausted, unavailable. */
const RETRYABLE_GRPC_CODES = new Set([1, 4, 8, 14]);

function isUnavailable(e: { code?: string | number; name?: string; message?: string; cause?: { code?: unknown } }): boolean {
  // gRPC UNAVAILABLE / DEADLINE_EXCEEDED, pg connection failures.
  if (e.code === 14 || e.code === 4) return true;
  if (typeof e.code === 'string' && ['ECONNREFUSED', 'ECONNRESET', 'ETIMEDOUT', '57P01', '57P03', '08006', '08001'].includes(e.code))
    return true;
  // Temporal's client wraps the gRPC error; one Temporal refused (e.g. INVALID_ARGUMENT) is no outage but a 500.
  if (e.name === 'ServiceError') return typeof e.cause?.code !== 'number' || RETRYABLE_GRPC_CODES.has(e.cause.code);
  return /Connection terminated|connect ECONNREFUSED|timeout exceeded when trying to connect/i.test(e.message ?? '');
}
