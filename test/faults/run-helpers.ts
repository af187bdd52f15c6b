import { findExecution, listEvents, type Database, type Execution, type ExecutionEvent } from '@trellis/db';
import { isTerminal } from '@trellis/definition';
import { call, poll } from './http';

/** Graph nodes for the fault tests; LLM nodes use the worker's default provider (the loopback wire server). */
export const graph = {
  input: (id = 'in') => ({ id, type: 'input', config: {} }),
  output: (id = 'out') => ({ id, type: 'output', config: {} }),
  transform: (id: string, expression: string) => ({ id, type: 'transform', config: { expression } }),
  /** `model` picks the wire server's behaviour: slow-<ms>, hang, flaky-<key>. */
  llm: (id: string, model: string) => ({ id, type: 'llm', config: { model, prompt: `node ${id}: {{ input.topic }}` } }),
  /** Edges a → b → c … in order. */
  chain: (...ids: string[]) => ids.slice(1).map((target, i) => ({ source: ids[i]!, target })),
};

/** Saves a workflow through the API; returns its id. */
export async function saveWorkflow(baseUrl: string, token: string, definition: unknown): Promise<string> {
  const reply = await call(baseUrl, 'post', '/api/v1/workflows', { token, json: { name: 'faults', definition } });
  if (reply.status !== 201) throw new Error(`save workflow: ${reply.status} ${JSON.stringify(reply.body)}`);
  return reply.body.id as string;
}

/** Starts an execution through the API; returns its id. */
export async function startExecution(
  baseUrl: string,
  token: string,
  workflowId: string,
  inputData: unknown = { topic: 'faults' },
): Promise<string> {
  const reply = await call(baseUrl, 'post', '/api/v1/executions', { token, json: { workflow_id: workflowId, input_data: inputData } });
  if (reply.status !== 202) throw new Error(`start: ${reply.status} ${JSON.stringify(reply.body)}`);
  return reply.body.id as string;
}

/** Waits for the first stored event of the execution that matches. */
export async function waitForEvent(
  db: Database,
  id: string,
  match: (event: ExecutionEvent) => boolean,
  timeoutMs = 60_000,
): Promise<ExecutionEvent> {
  const events = await poll(
    () => listEvents(db, { executionId: id, limit: 100_000 }),
    (all) => all.some(match),
    timeoutMs,
  );
  return events.find(match)!;
}

/** Waits until the execution's row is terminal. */
export async function waitForTerminal(db: Database, id: string, timeoutMs = 120_000): Promise<Execution> {
  return (await poll(
    () => findExecution(db, id),
    (row) => !!row && isTerminal(row.status),
    timeoutMs,
    250,
  ))!;
}

export const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

export const seconds = (ms: number) => `${(ms / 1000).toFixed(1)} s`;
