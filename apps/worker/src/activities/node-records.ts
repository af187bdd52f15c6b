import {
  appendEvents,
  markNodeRunning,
  recordNodeCompletions,
  type NodeCompletions,
  recordNodeStarted,
  type Database,
  type DbOrTx,
  type ExecutionEvent,
  type NewEvent,
} from '@trellis/db';
import type { NodeDefinition, Usage } from '@trellis/definition';
import type { RunNodeInput } from '@trellis/workflows';
import { nodeInputOf } from './node-input';

/** One attempt of one node, as the records describe it. */
export interface NodeAttempt {
  executionId: string;
  node: Pick<NodeDefinition, 'id' | 'type'>;
  attempt: number;
  input: unknown;
  startedAt: Date;
  totalNodes: number;
}

/** An attempt of the node `input` runs, starting now. */
export function startAttempt(input: RunNodeInput, attempt: number): NodeAttempt {
  const { executionId, node, totalNodes } = input;
  return { executionId, node, attempt, input: nodeInputOf(input), startedAt: new Date(), totalNodes };
}

export interface NodeSuccess {
  output: unknown;
  branch?: 'true' | 'false';
  usage?: Usage;
  finishedAt: Date;
}

export type AttemptFailure = { code: string; message: string; details?: unknown };

const startedEvent = ({ node, attempt }: NodeAttempt): NewEvent => ({
  key: `node:${node.id}:started:${attempt}`,
  type: 'node.started',
  nodeId: node.id,
  status: 'running',
  message: attempt > 1 ? `node ${node.id} started (attempt ${attempt})` : `node ${node.id} started`,
  data: { node_type: node.type, attempt },
});

const attemptFailedEvent = ({ node, attempt }: NodeAttempt, failure: AttemptFailure): NewEvent => ({
  key: `node:${node.id}:attempt:${attempt}:failed`,
  type: 'node.attempt_failed',
  nodeId: node.id,
  level: 'warning',
  message: `node ${node.id} attempt ${attempt} failed: ${failure.message}`,
  data: { attempt, ...failure },
});

/** The attempt is running: node row, current nodes, `node.started`. Returns the events written. */
export function recordAttemptStarted(db: Database, attempt: NodeAttempt): Promise<ExecutionEvent[]> {
  return db.transaction(async (tx) => {
    await markAttemptRunning(tx, attempt);
    return appendEvents(tx, attempt.executionId, [startedEvent(attempt)]);
  });
}

/** The attempt failed (another may follow): `node.attempt_failed`, plus the start when it was not recorded yet. */
export function recordAttemptFailed(
  db: Database,
  attempt: NodeAttempt,
  failure: AttemptFailure,
  withStart: boolean,
): Promise<ExecutionEvent[]> {
  return db.transaction(async (tx) => {
    if (withStart) await markAttemptRunning(tx, attempt);
    return appendEvents(tx, attempt.executionId, [...(withStart ? [startedEvent(attempt)] : []), attemptFailedEvent(attempt, failure)]);
  });
}

/**
 * The node completed: final node row, progress, `node.completed` (preceded by `node.started` when the start
 * was not recorded separately), in one statement. Idempotent: a node already finished is left as it is.
 */
export function recordAttemptCompleted(
  db: Database,
  attempt: NodeAttempt,
  success: NodeSuccess,
  withStart: boolean,
): Promise<ExecutionEvent[]> {
  return recordAttemptsCompleted(db, [{ attempt, success }], withStart);
}

/**
 * Several completed attempts of one execution (a chain of nodes), in one statement like recordAttemptCompleted,
 * with the status changes `around` them (the run's start before, its completion after) in the same statement.
 */
export function recordAttemptsCompleted(
  db: Database,
  done: Array<{ attempt: NodeAttempt; success: NodeSuccess }>,
  withStart: boolean,
  around: Pick<NodeCompletions, 'before' | 'after' | 'reused'> = {},
): Promise<ExecutionEvent[]> {
  const first = done[0]!.attempt;
  return recordNodeCompletions(db, {
    ...around,
    executionId: first.executionId,
    totalNodes: first.totalNodes,
    nodes: done.map(({ attempt, success }) => ({
      nodeId: attempt.node.id,
      nodeType: attempt.node.type,
      attempt: attempt.attempt,
      ...(withStart ? { input: attempt.input } : {}),
      output: success.output,
      usage: success.usage ?? null,
      startedAt: attempt.startedAt,
      finishedAt: success.finishedAt,
    })),
    events: done.flatMap(({ attempt, success }) => [...(withStart ? [startedEvent(attempt)] : []), completedEvent(attempt, success)]),
  });
}

const completedEvent = ({ node, startedAt }: NodeAttempt, success: NodeSuccess): NewEvent => {
  const durationMs = success.finishedAt.getTime() - startedAt.getTime();
  return {
    key: `node:${node.id}:completed`,
    type: 'node.completed',
    nodeId: node.id,
    status: 'completed',
    message: `node ${node.id} completed in ${durationMs} ms`,
    data: { duration_ms: durationMs, usage: success.usage, branch: success.branch },
  };
};

async function markAttemptRunning(tx: DbOrTx, attempt: NodeAttempt): Promise<void> {
  const { executionId, node } = attempt;
  await recordNodeStarted(tx, {
    executionId,
    nodeId: node.id,
    nodeType: node.type,
    attempt: attempt.attempt,
    input: attempt.input,
    startedAt: attempt.startedAt,
  });
  await markNodeRunning(tx, { executionId, nodeId: node.id, totalNodes: attempt.totalNodes });
}
