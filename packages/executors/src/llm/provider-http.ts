import { LlmTimeoutError, LlmUnavailableError, NodeExecutionError } from '../errors';
import { httpFailure } from './http-failure';

/** One POST to an LLM API, as both wire formats need it. */
export interface ProviderCall {
  provider: string;
  url: string;
  headers: Record<string, string>;
  body: unknown;
  /** The caller's signal (Temporal cancellation); its reason is rethrown as is. */
  signal: AbortSignal;
  /** Longest silence allowed: until the reply (non-streaming) or between chunks (streaming). */
  timeoutMs: number;
  /** Removes secrets from any text that may end up in an error. */
  redact: (text: string) => string;
  fetch: typeof fetch;
}

/** Lets `read` report progress: each call restarts the silence timer. */
export type KeepAlive = () => void;

/**
 * Sends the request and hands a 2xx response to `read`. Maps every way it can go wrong to a node error:
 * non-2xx statuses via httpFailure, silence to LLM_TIMEOUT, network faults to LLM_UNAVAILABLE; a caller's
 * abort rethrows the signal's reason. The connection is always closed when this settles.
 */
export async function callProvider<T>(call: ProviderCall, read: (response: Response, alive: KeepAlive) => Promise<T>): Promise<T> {
  call.signal.throwIfAborted();
  // One signal for fetch and the body: aborted by the caller (cancellation) or by our own timer.
  const controller = new AbortController();
  const cancel = (): void => controller.abort(call.signal.reason);
  call.signal.addEventListener('abort', cancel, { once: true });
  let timedOut = false;
  let timer: NodeJS.Timeout | undefined;
  const alive: KeepAlive = () => {
    clearTimeout(timer);
    timer = setTimeout(() => {
      timedOut = true;
      controller.abort();
    }, call.timeoutMs);
  };
  alive();
  try {
    const response = await call.fetch(call.url, {
      method: 'POST',
      headers: call.headers,
      body: JSON.stringify(call.body),
      signal: controller.signal,
    });
    if (!response.ok) {
      const text = await response.text();
      throw httpFailure(call.provider, response.status, call.redact(text), response.headers.get('retry-after'));
    }
    return await read(response, alive);
  } catch (error) {
    if (call.signal.aborted) throw call.signal.reason;
    if (timedOut) {
      throw new LlmTimeoutError(`${call.provider} was silent for ${call.timeoutMs} ms`, {
        provider: call.provider,
        timeoutMs: call.timeoutMs,
      });
    }
    if (error instanceof NodeExecutionError) throw error;
    throw new LlmUnavailableError(`${call.provider} request failed: ${call.redact(describe(error))}`, { provider: call.provider });
  } finally {
    clearTimeout(timer);
    call.signal.removeEventListener('abort', cancel);
    // Closes the connection if `read` stopped early (a stream error event, a parse failure).
    controller.abort();
  }
}

/** A secret-free text of an error, with the network cause (e.g. ECONNREFUSED) when fetch gives one. */
function describe(error: unknown): string {
  // Duck-typed: fetch's errors may come from another realm, where `instanceof Error` is false.
  const { message, cause } = (error ?? {}) as { message?: unknown; cause?: { code?: unknown; message?: unknown } };
  const text = typeof message === 'string' ? message : String(error);
  const detail = typeof cause?.code === 'string' ? cause.code : typeof cause?.message === 'string' ? cause.message : '';
  return detail ? `${text} (${detail})` : text;
}

/** Parses a JSON body, or fails with LLM_UNAVAILABLE naming what was expected. */
export function parseJsonBody<T>(provider: string, text: string, what: string): T {
  try {
    return JSON.parse(text) as T;
  } catch {
    throw new LlmUnavailableError(`${provider} sent ${what} that is not JSON`, { provider });
  }
}

/** A token count from an untrusted reply: finite non-negative numbers only, else 0. */
export function count(value: unknown): number {
  return typeof value === 'number' && Number.isFinite(value) && value >= 0 ? value : 0;
}
