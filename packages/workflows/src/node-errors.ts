import { ActivityFailure, ApplicationFailure, isCancellation } from '@temporalio/workflow';

/** A node's failure as its records and the run's error show it: a stable code and a message. */
export function describeNodeError(error: unknown): { code: string; message: string; details?: unknown } {
  if (isCancellation(error)) return { code: 'NODE_CANCELLED', message: 'node cancelled' };
  const cause = error instanceof ActivityFailure ? error.cause : error;
  if (cause instanceof ApplicationFailure) {
    return { code: cause.type ?? 'NODE_FAILED', message: cause.message, details: cause.details?.[0] };
  }
  if (cause && typeof cause === 'object' && 'message' in cause) {
    const name = (cause as { name?: string }).name;
    return { code: name === 'TimeoutFailure' ? 'NODE_TIMEOUT' : 'NODE_FAILED', message: String(cause.message) };
  }
  return { code: 'NODE_FAILED', message: String(error) };
}
