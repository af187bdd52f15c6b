import { ApplicationFailure } from '@temporalio/activity';
import { toStorableValue } from '@trellis/definition';
import { NodeExecutionError } from '@trellis/executors';
import { publicMessage } from './public-errors';

/** What a node error looks like in records and events: a public message, details Postgres can store. */
export function describeError(error: unknown): { code: string; message: string; details?: unknown } {
  if (error instanceof NodeExecutionError) {
    return { code: error.code, message: publicMessage(error.message), details: toStorableValue(error.details) };
  }
  return { code: 'NODE_FAILED', message: publicMessage(error instanceof Error ? error.message : String(error)) };
}

/**
 * Turns an executor error into the failure Temporal retries (or not): non-retryable codes stop at once,
 * rate limits wait for the server's Retry-After, anything unknown is retried.
 */
export function toActivityFailure(error: unknown): ApplicationFailure {
  const { code, message, details } = describeError(error);
  const retryable = error instanceof NodeExecutionError ? error.retryable : true;
  const retryAfterMs = (details as { retryAfterMs?: unknown } | undefined)?.retryAfterMs;
  return ApplicationFailure.create({
    message,
    type: code,
    nonRetryable: !retryable,
    details: details === undefined ? [] : [details],
    nextRetryDelay: typeof retryAfterMs === 'number' ? retryAfterMs : undefined,
  });
}
