// The one HTTP client of the console: bearer token, JSON, errors as ApiError; a 401 signs out.
import { TrellisApiError } from '@trellis/client/src/errors';
import { currentToken, signOut } from './session';

export { TrellisApiError as ApiError };

type Query = Record<string, string | number | boolean | undefined | null>;

export interface RequestOptions {
  method?: 'GET' | 'POST' | 'PUT' | 'DELETE';
  body?: unknown;
  query?: Query;
  signal?: AbortSignal;
  headers?: Record<string, string>;
  /** Resolve with this response header instead of reading the body (for streams the caller then aborts). */
  readHeader?: string;
}

/** Builds `/api/v1<path>?query`, leaving out empty values. */
export function apiUrl(path: string, query: Query = {}): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query)) {
    if (value !== undefined && value !== null && value !== '') params.set(key, String(value));
  }
  const search = params.toString();
  return `/api/v1${path}${search ? `?${search}` : ''}`;
}

/** Calls the API; throws ApiError with the API's code and message for any non-2xx answer. */
export async function apiRequest<T>(path: string, options: RequestOptions = {}): Promise<T> {
  const token = currentToken();
  let res: Response;
  try {
    res = await fetch(apiUrl(path, options.query), {
      method: options.method ?? 'GET',
      signal: options.signal,
      headers: {
        ...(token ? { authorization: `Bearer ${token}` } : {}),
        ...(options.body !== undefined ? { 'content-type': 'application/json' } : {}),
        ...options.headers,
      },
      body: options.body === undefined ? undefined : JSON.stringify(options.body),
    });
  } catch (error) {
    if ((error as Error).name === 'AbortError') throw error;
    throw new TrellisApiError(0, 'NETWORK_ERROR', 'the API could not be reached; is Trellis running?');
  }
  if (res.ok && options.readHeader) return res.headers.get(options.readHeader) as T;
  if (res.status === 204) return undefined as T;
  const payload = (await res.json().catch(() => undefined)) as unknown;
  if (!res.ok) throw toApiError(res, payload);
  return payload as T;
}

/** Reads both error shapes: `{error: {code, message, details}}` and test sessions' `{status, error, message, code}`. */
function toApiError(res: Response, payload: unknown): TrellisApiError {
  const body = (payload ?? {}) as { error?: unknown; message?: unknown; code?: unknown };
  let error: TrellisApiError;
  if (body.error && typeof body.error === 'object') {
    const e = body.error as { code?: string; message?: string; details?: unknown };
    error = new TrellisApiError(res.status, e.code ?? 'HTTP_ERROR', e.message ?? res.statusText, e.details);
  } else if (typeof body.message === 'string') {
    error = new TrellisApiError(res.status, typeof body.code === 'string' ? body.code : 'HTTP_ERROR', body.message);
  } else {
    error = new TrellisApiError(res.status, 'HTTP_ERROR', `${res.status} ${res.statusText}`.trim());
  }
  if (res.status === 401) signOut(`Your session ended: ${error.message}. Sign in again.`);
  return error;
}

/** A readable line for any error: `CODE: message` for API errors. */
export function describeError(error: unknown): string {
  if (error instanceof TrellisApiError) return `${error.code}: ${error.message}`;
  if (error instanceof Error) return error.message;
  return String(error);
}
