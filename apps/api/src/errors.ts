/** The API's one error model: a stable code, an HTTP status, a message and optional details. */
export class AppError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly details?: unknown,
  ) {
    super(message);
    this.name = 'AppError';
  }
}

/** Thrown when a resource does not exist or belongs to another user (the two are indistinguishable). */
export const notFound = (what: string, id: string) => new AppError(404, 'NOT_FOUND', `${what} ${id} not found`);

/** Thrown when the request is well-formed JSON but its content is invalid; details list every problem. */
export const validationFailed = (message: string, details: unknown) => new AppError(422, 'VALIDATION_FAILED', message, details);

/** Thrown when the request cannot be parsed (bad JSON, bad query string). */
export const badRequest = (message: string, details?: unknown) => new AppError(400, 'BAD_REQUEST', message, details);

/** Thrown when a control action is not allowed from the execution's current status. */
export const invalidTransition = (message: string, currentStatus: string) =>
  new AppError(409, 'INVALID_TRANSITION', message, { current_status: currentStatus });

/** Thrown when Temporal or Postgres cannot be reached. */
export const unavailable = (message: string) => new AppError(503, 'SERVICE_UNAVAILABLE', message);

export const unauthorized = (message: string) => new AppError(401, 'UNAUTHORIZED', message);
