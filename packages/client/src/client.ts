import { TrellisApiError } from './errors';
import { followExecution, type FollowOptions } from './follow';
import type {
  ControlResult,
  CreateWorkflowParams,
  Execution,
  ExecutionDetail,
  ExecutionEvent,
  ExecutionPage,
  ListExecutionsParams,
  NodeRecord,
  Page,
  StartExecutionParams,
  UpdateWorkflowParams,
  Workflow,
} from './types';

export interface ClientOptions {
  /** e.g. http://localhost:3000 */
  baseUrl: string;
  token: string;
  fetch?: typeof fetch;
}

type Query = Record<string, string | number | boolean | undefined | string[]>;

/** A typed Trellis API client: workflows, executions and their control actions, and live events. */
export function createTrellisClient(options: ClientOptions) {
  const base = options.baseUrl.replace(/\/$/, '');
  const doFetch = options.fetch ?? fetch;

  async function call<T>(
    method: string,
    path: string,
    init: { body?: unknown; query?: Query; headers?: Record<string, string> } = {},
  ): Promise<T> {
    const url = new URL(`${base}/api/v1${path}`);
    for (const [key, value] of Object.entries(init.query ?? {})) {
      if (value !== undefined) url.searchParams.set(key, Array.isArray(value) ? value.join(',') : String(value));
    }
    const res = await doFetch(url, {
      method,
      headers: {
        authorization: `Bearer ${options.token}`,
        ...(init.body !== undefined ? { 'content-type': 'application/json' } : {}),
        ...init.headers,
      },
      body: init.body === undefined ? undefined : JSON.stringify(init.body),
    });
    if (res.status === 204) return undefined as T;
    const payload = (await res.json().catch(() => ({}))) as { error?: { code: string; message: string; details?: unknown } };
    if (!res.ok) {
      throw new TrellisApiError(
        res.status,
        payload.error?.code ?? 'HTTP_ERROR',
        payload.error?.message ?? res.statusText,
        payload.error?.details,
      );
    }
    return payload as T;
  }

  const control = (action: 'pause' | 'resume' | 'stop' | 'cancel') => (id: string) =>
    call<ControlResult>('POST', `/executions/${encodeURIComponent(id)}/${action}`);

  return {
    workflows: {
      create: (body: CreateWorkflowParams) => call<Workflow>('POST', '/workflows', { body }),
      get: (id: string) => call<Workflow>('GET', `/workflows/${encodeURIComponent(id)}`),
      list: (query: { page?: number; size?: number } = {}) => call<Page<Workflow>>('GET', '/workflows', { query }),
      update: (id: string, body: UpdateWorkflowParams) => call<Workflow>('PUT', `/workflows/${encodeURIComponent(id)}`, { body }),
      delete: (id: string) => call<void>('DELETE', `/workflows/${encodeURIComponent(id)}`),
    },
    executions: {
      start: ({ idempotencyKey, ...body }: StartExecutionParams) =>
        call<Execution>('POST', '/executions', { body, headers: idempotencyKey ? { 'idempotency-key': idempotencyKey } : undefined }),
      list: (query: ListExecutionsParams = {}) => call<ExecutionPage>('GET', '/executions', { query: query as Query }),
      /** Every execution matching the filters, newest first, page by page through `next_cursor`. */
      async *all(query: Omit<ListExecutionsParams, 'page' | 'cursor'> = {}): AsyncGenerator<Execution> {
        let cursor: string | undefined;
        do {
          const page: ExecutionPage = await call<ExecutionPage>('GET', '/executions', { query: { ...query, cursor } as Query });
          yield* page.items;
          cursor = page.next_cursor ?? undefined;
        } while (cursor);
      },
      get: (id: string) => call<ExecutionDetail>('GET', `/executions/${encodeURIComponent(id)}`),
      nodes: (id: string) => call<{ items: NodeRecord[] }>('GET', `/executions/${encodeURIComponent(id)}/nodes`),
      pause: control('pause'),
      resume: control('resume'),
      stop: control('stop'),
      cancel: control('cancel'),
      /**
       * Follows the execution's events over WebSocket from `since` (default 0) until its terminal event,
       * reconnecting and resuming from the last seq seen, so no event is missed or repeated.
       */
      follow: (id: string, follow: Omit<FollowOptions, 'url' | 'token'> = {}): Promise<ExecutionEvent[]> =>
        followExecution({ ...follow, url: `${base.replace(/^http/, 'ws')}/ws/${encodeURIComponent(id)}`, token: options.token }),
    },
  };
}

export type TrellisClient = ReturnType<typeof createTrellisClient>;
