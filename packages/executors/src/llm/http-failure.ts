import {
  LlmAuthError,
  LlmBadRequestError,
  LlmNotFoundError,
  LlmRateLimitedError,
  LlmTimeoutError,
  LlmUnavailableError,
  type NodeExecutionError,
} from '../errors';

/** The error for a non-2xx reply from an LLM provider; `body` must already be free of secrets. */
export function httpFailure(provider: string, status: number, body: string, retryAfter: string | null): NodeExecutionError {
  const message = `${provider} answered HTTP ${status}: ${upstreamMessage(body)}`;
  const details = { provider, status };
  if (status === 400 || status === 413 || status === 422) return new LlmBadRequestError(message, details);
  if (status === 401 || status === 403) return new LlmAuthError(message, details);
  if (status === 404) return new LlmNotFoundError(message, details);
  if (status === 408) return new LlmTimeoutError(message, details);
  if (status === 429) {
    const retryAfterMs = parseRetryAfter(retryAfter);
    return new LlmRateLimitedError(message, retryAfterMs === undefined ? details : { ...details, retryAfterMs });
  }
  if (status >= 400 && status < 500) return new LlmBadRequestError(message, details);
  return new LlmUnavailableError(message, details);
}

/** Milliseconds to wait from a Retry-After header (delay in seconds, or an HTTP date); undefined if unusable. */
export function parseRetryAfter(header: string | null, now: number = Date.now()): number | undefined {
  const value = header?.trim();
  if (!value) return undefined;
  if (/^\d+(\.\d+)?$/.test(value)) return Math.round(Number(value) * 1000);
  const date = Date.parse(value);
  return Number.isNaN(date) ? undefined : Math.max(0, date - now);
}

/** OpenAI-style `{"error": {"message": ...}}` when present, else the start of the body. */
function upstreamMessage(body: string): string {
  try {
    const parsed = JSON.parse(body) as { error?: { message?: unknown } | string };
    const message = typeof parsed.error === 'string' ? parsed.error : parsed.error?.message;
    if (typeof message === 'string') return message;
  } catch {
    // not JSON; fall through to the raw text
  }
  return body.slice(0, 500) || '(empty body)';
}
