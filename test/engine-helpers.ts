import { createHash } from 'node:crypto';
import { appendFileSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { historyToJSON } from '@temporalio/common/lib/proto-utils';
import request from 'supertest';
import { findExecution, listNodeExecutions, temporalWorkflowIdOf, type Execution } from '@trellis/db';
import { isTerminal } from '@trellis/definition';
import { waitFor, type TestStack } from './stack';

export const HISTORY_FIXTURES_DIR = join(__dirname, 'fixtures', 'histories');
/** `<sha256>  <path under HISTORY_FIXTURES_DIR>` per fixture: they are added, never rewritten (history-fixtures.int.test.ts). */
export const HISTORY_FIXTURES_MANIFEST = join(__dirname, 'fixtures', 'histories.sha256');

/** The manifest as path → SHA-256. */
export function readFixtureManifest(): Map<string, string> {
  const lines = readFileSync(HISTORY_FIXTURES_MANIFEST, 'utf8').split('\n').filter(Boolean);
  return new Map(
    lines.map((line) => {
      const [hash, file] = line.split(/\s+/, 2);
      return [file!, hash!];
    }),
  );
}

/**
 * Saves a run's Temporal history as a new replay fixture (only when UPDATE_HISTORY_FIXTURES=1); `id` names an
 * execution, or else a Temporal workflow. See writeHistoryFixture.
 */
export async function saveHistoryFixture(stack: TestStack, id: string, name: string): Promise<void> {
  if (process.env.UPDATE_HISTORY_FIXTURES !== '1') return;
  const row = await findExecution(stack.database.db, id);
  const handle = stack.deps.temporal.workflow.getHandle(row ? temporalWorkflowIdOf(row) : id);
  // The row can be terminal while the run's last workflow task is still open (local activities write it).
  await handle.result().catch(() => undefined);
  writeHistoryFixture(name, historyToJSON(await handle.fetchHistory()));
}

/**
 * Where new fixtures go: a folder named for the newest patch that changed commands. The next such patch names a new
 * folder, so the histories of every earlier code stay beside it.
 */
const CURRENT_FIXTURES_FOLDER = 'chain-records';

/** Writes `<name>.json` into the current folder and lists it in the manifest, unless it exists: a fixture is never overwritten. */
export function writeHistoryFixture(name: string, json: string): void {
  const file = `${CURRENT_FIXTURES_FOLDER}/${name}.json`;
  const path = join(HISTORY_FIXTURES_DIR, file);
  if (existsSync(path)) return;
  mkdirSync(dirname(path), { recursive: true });
  writeFileSync(path, json);
  appendFileSync(HISTORY_FIXTURES_MANIFEST, `${createHash('sha256').update(json).digest('hex')}  ${file}\n`);
}

/** A Temporal handle on the execution's run (its workflow id is stored with the row). */
export async function runHandle(stack: TestStack, executionId: string) {
  const row = await findExecution(stack.database.db, executionId);
  if (!row) throw new Error(`execution ${executionId} not found`);
  return stack.deps.temporal.workflow.getHandle(temporalWorkflowIdOf(row));
}

/** Saves a workflow as `user` through the HTTP API; returns its id. */
export async function saveWorkflow(stack: TestStack, user: string, definition: unknown, name = 'engine'): Promise<string> {
  const saved = await request(stack.app)
    .post('/api/v1/workflows')
    .set('Authorization', `Bearer ${stack.tokenFor(user)}`)
    .send({ name, definition });
  if (saved.status !== 201) throw new Error(`create workflow: ${saved.status} ${JSON.stringify(saved.body)}`);
  return saved.body.id as string;
}

/** Saves a workflow and starts one execution of it through the HTTP API; returns the execution id. */
export async function startRun(
  stack: TestStack,
  user: string,
  definition: unknown,
  inputData: unknown = {},
  extra: Record<string, unknown> = {},
): Promise<string> {
  const workflowId = await saveWorkflow(stack, user, definition);
  const started = await request(stack.app)
    .post('/api/v1/executions')
    .set('Authorization', `Bearer ${stack.tokenFor(user)}`)
    .send({ workflow_id: workflowId, input_data: inputData, ...extra });
  if (started.status !== 202) throw new Error(`start: ${started.status} ${JSON.stringify(started.body)}`);
  return started.body.id as string;
}

export function control(stack: TestStack, user: string, id: string, action: string) {
  return request(stack.app)
    .post(`/api/v1/executions/${id}/${action}`)
    .set('Authorization', `Bearer ${stack.tokenFor(user)}`);
}

export async function waitForStatus(stack: TestStack, id: string, status: Execution['status'] | 'terminal', timeoutMs = 30_000) {
  return (await waitFor(
    () => findExecution(stack.database.db, id),
    (row) => (status === 'terminal' ? !!row && isTerminal(row.status) : row?.status === status),
    timeoutMs,
  ))!;
}

export async function nodesById(stack: TestStack, id: string) {
  return Object.fromEntries((await listNodeExecutions(stack.database.db, id)).map((n) => [n.nodeId, n]));
}

export function llm(id: string, model: string, extra: Record<string, unknown> = {}) {
  return { id, type: 'llm', config: { provider: 'wire', model, prompt: `node ${id}: {{ input.topic }}` }, ...extra };
}
