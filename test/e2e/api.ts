import type { E2eStack } from './e2e-stack';

/** Calls the stack's HTTP API as `user` (test setup only; the browser does the rest). */
export async function api<T>(stack: E2eStack, user: string, method: string, path: string, body?: unknown): Promise<T> {
  const res = await fetch(`${stack.baseUrl}/api/v1${path}`, {
    method,
    headers: { authorization: `Bearer ${stack.tokenFor(user)}`, ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await res.text();
  if (!res.ok) throw new Error(`${method} ${path}: ${res.status} ${text}`);
  return (text ? JSON.parse(text) : undefined) as T;
}

/** Saves a workflow as `user`; returns its id. */
export async function createWorkflow(stack: E2eStack, user: string, name: string, definition: unknown): Promise<string> {
  return (await api<{ id: string }>(stack, user, 'POST', '/workflows', { name, definition })).id;
}

/** Starts a run as `user` and, with `sync`, waits for its end; returns the execution. */
export async function startRun(stack: E2eStack, user: string, workflowId: string, input: unknown, mode: 'async' | 'sync' = 'async') {
  return api<{ id: string; status: string }>(stack, user, 'POST', '/executions', { workflow_id: workflowId, input_data: input, mode });
}

export const GREETING_DEFINITION = {
  nodes: [
    { id: 'in', type: 'input', config: {} },
    { id: 'greet', type: 'transform', config: { expression: '{"greeting": "Hello, " & input.name & "!"}' } },
    { id: 'out', type: 'output', config: {} },
  ],
  edges: [
    { source: 'in', target: 'greet' },
    { source: 'greet', target: 'out' },
  ],
};
