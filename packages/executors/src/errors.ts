/** Every code a node failure can carry; stable, so the worker and clients may switch on them. */
export type NodeErrorCode =
  | 'EXPRESSION_ERROR'
  | 'EXPRESSION_LIMIT'
  | 'OUTPUT_TOO_LARGE'
  | 'INPUT_INVALID'
  | 'CONFIG_INVALID'
  | 'OUTPUT_INVALID'
  | 'LLM_PROVIDER_UNKNOWN'
  | 'LLM_BAD_REQUEST'
  | 'LLM_AUTH'
  | 'LLM_NOT_FOUND'
  | 'LLM_RATE_LIMITED'
  | 'LLM_UNAVAILABLE'
  | 'LLM_TIMEOUT';

/** Base of every expected node failure; `retryable` tells the worker whether another attempt can help. */
export class NodeExecutionError extends Error {
  constructor(
    readonly code: NodeErrorCode,
    message: string,
    readonly retryable: boolean,
    readonly details?: Record<string, unknown>,
  ) {
    super(message);
    this.name = new.target.name;
  }
}

/** Why an expression failed: bad syntax (a regex RE2 cannot run included), an error while running, a forbidden trick, or an unusable result. */
export type ExpressionFailureReason = 'syntax' | 'runtime' | 'forbidden' | 'result';

/** What EXPRESSION_ERROR carries, so the UI can point at the problem. */
export interface ExpressionErrorDetails extends Record<string, unknown> {
  reason: ExpressionFailureReason;
  /** JSONata's own error code (e.g. S0201, T1006, D1012), when JSONata raised it. */
  jsonataCode?: string;
  /** Character offset in the expression where JSONata located the problem. */
  position?: number;
  token?: string;
}

/** Thrown when a JSONata expression or template does not parse, fails while running, or exceeds its budget. */
export class ExpressionError extends NodeExecutionError {
  declare readonly details: ExpressionErrorDetails;

  constructor(message: string, details: ExpressionErrorDetails) {
    super('EXPRESSION_ERROR', message, false, details);
  }
}

/** Which limit an expression ran into; each is described in docs/definition.md (Expression limits). */
export type ExpressionLimit = 'time' | 'memory' | 'depth' | 'sequence' | 'string' | 'output';

/** What EXPRESSION_LIMIT carries: the limit and its value (ms, MB, steps, items, characters or bytes). */
export interface ExpressionLimitDetails extends Record<string, unknown> {
  limit: ExpressionLimit;
  max: number;
}

/** Thrown when an expression or template runs into one of its limits; another attempt would do the same. */
export class ExpressionLimitError extends NodeExecutionError {
  declare readonly details: ExpressionLimitDetails;

  constructor(message: string, details: ExpressionLimitDetails) {
    super('EXPRESSION_LIMIT', message, false, details);
  }
}

/** Thrown when a node's output, as JSON, is larger than the worker's NODE_OUTPUT_MAX_BYTES. */
export class OutputTooLargeError extends NodeExecutionError {
  constructor(
    readonly bytes: number,
    readonly maxBytes: number,
  ) {
    super('OUTPUT_TOO_LARGE', `the node's output is ${bytes} bytes as JSON; the limit is ${maxBytes}`, false, {
      bytes,
      max_bytes: maxBytes,
    });
  }
}

/** One way a value fails a JSON schema; `path` is like `$.items[2].name`. */
export interface SchemaProblem {
  path: string;
  message: string;
}

/** Thrown when the execution input does not match the input node's JSON schema. */
export class InputInvalidError extends NodeExecutionError {
  constructor(readonly problems: SchemaProblem[]) {
    super('INPUT_INVALID', `input does not match the schema: ${summarize(problems)}`, false, { problems });
  }
}

/** Thrown when a node's config fails its type's schema (normally caught earlier by definition validation). */
export class ConfigInvalidError extends NodeExecutionError {
  constructor(message: string, details?: Record<string, unknown>) {
    super('CONFIG_INVALID', message, false, details);
  }
}

/** Thrown when a model's reply cannot be used, e.g. response_format json that does not parse; `details.text` keeps it. */
export class OutputInvalidError extends NodeExecutionError {
  constructor(message: string, details: Record<string, unknown> & { text: string }) {
    super('OUTPUT_INVALID', message, false, details);
  }
}

/** Thrown when an llm node names a provider the worker does not know. */
export class LlmProviderUnknownError extends NodeExecutionError {
  constructor(readonly provider: string) {
    super('LLM_PROVIDER_UNKNOWN', `unknown LLM provider "${provider}"`, false, { provider });
  }
}

/** Thrown when the provider rejects the request as malformed (HTTP 400). */
export class LlmBadRequestError extends NodeExecutionError {
  constructor(message: string, details?: Record<string, unknown>) {
    super('LLM_BAD_REQUEST', message, false, details);
  }
}

/** Thrown when the provider refuses the credentials (HTTP 401 or 403). */
export class LlmAuthError extends NodeExecutionError {
  constructor(message: string, details?: Record<string, unknown>) {
    super('LLM_AUTH', message, false, details);
  }
}

/** Thrown when the provider does not know the model or endpoint (HTTP 404). */
export class LlmNotFoundError extends NodeExecutionError {
  constructor(message: string, details?: Record<string, unknown>) {
    super('LLM_NOT_FOUND', message, false, details);
  }
}

/** Thrown on HTTP 429; `details.retryAfterMs` is set when the server sent Retry-After. */
export class LlmRateLimitedError extends NodeExecutionError {
  constructor(message: string, details?: Record<string, unknown> & { retryAfterMs?: number }) {
    super('LLM_RATE_LIMITED', message, true, details);
  }
}

/** Thrown on HTTP 5xx, a network failure or an unreadable response; another attempt may succeed. */
export class LlmUnavailableError extends NodeExecutionError {
  constructor(message: string, details?: Record<string, unknown>) {
    super('LLM_UNAVAILABLE', message, true, details);
  }
}

/** Thrown when the provider does not answer within its configured time limit. */
export class LlmTimeoutError extends NodeExecutionError {
  constructor(message: string, details?: Record<string, unknown>) {
    super('LLM_TIMEOUT', message, true, details);
  }
}

function summarize(problems: SchemaProblem[]): string {
  const shown = problems.slice(0, 3).map((p) => `${p.path} ${p.message}`);
  if (problems.length > 3) shown.push(`and ${problems.length - 3} more`);
  return shown.join('; ');
}
