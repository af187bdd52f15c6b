import type { ApiDeps } from '../deps';

/** Default time an API call to Temporal may take before the request answers 503 instead of hanging. */
export const TEMPORAL_CALL_TIMEOUT_MS = 10_000;

/** Runs Temporal client calls under a deadline (the SDK otherwise retries an unreachable server for ~20 s). */
export function withTemporalDeadline<T>(deps: ApiDeps, fn: () => Promise<T>): Promise<T> {
  const timeoutMs = deps.settings.temporalCallTimeoutMs ?? TEMPORAL_CALL_TIMEOUT_MS;
  return deps.temporal.connection.withDeadline(Date.now() + timeoutMs, fn);
}
