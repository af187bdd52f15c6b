import { asc, eq, sql } from 'drizzle-orm';
import type { NodeStatus, Usage } from '@trellis/definition';
import type { DbOrTx } from '../client';
import type { StoredError } from '../schema/executions';
import { nodeExecutions } from '../schema/node-executions';

export type NodeExecution = typeof nodeExecutions.$inferSelect;

export interface NodeStartedParams {
  executionId: string;
  nodeId: string;
  nodeType: string;
  attempt: number;
  input: unknown;
  startedAt: Date;
}

/** Records a node attempt starting; a later attempt replaces an earlier one's row. */
export async function recordNodeStarted(db: DbOrTx, params: NodeStartedParams): Promise<void> {
  const values = {
    executionId: params.executionId,
    nodeId: params.nodeId,
    nodeType: params.nodeType,
    status: 'running' as NodeStatus,
    attempt: params.attempt,
    input: params.input ?? null,
    startedAt: params.startedAt,
    output: null,
    error: null,
    finishedAt: null,
    durationMs: null,
  };
  await db
    .insert(nodeExecutions)
    .values(values)
    .onConflictDoUpdate({
      target: [nodeExecutions.executionId, nodeExecutions.nodeId],
      set: values,
      // Never let a stale retry move a finished node back to running.
      setWhere: sql`${nodeExecutions.status} not in ('completed', 'skipped') and ${nodeExecutions.attempt} <= ${params.attempt}`,
    });
}

export interface NodeFinishedParams {
  executionId: string;
  nodeId: string;
  nodeType: string;
  status: Extract<NodeStatus, 'completed' | 'failed' | 'skipped'>;
  attempt: number;
  /** Recorded too when the attempt's start was not written separately. */
  input?: unknown;
  output?: unknown;
  error?: StoredError | null;
  usage?: Usage | null;
  startedAt?: Date | null;
  finishedAt: Date;
}

/** Records a node's final state; idempotent (a completed node never changes again). True when this call wrote it. */
export async function recordNodeFinished(db: DbOrTx, params: NodeFinishedParams): Promise<boolean> {
  const durationMs = params.startedAt ? params.finishedAt.getTime() - params.startedAt.getTime() : null;
  const values = {
    executionId: params.executionId,
    nodeId: params.nodeId,
    nodeType: params.nodeType,
    status: params.status,
    attempt: params.attempt,
    ...(params.input !== undefined ? { input: params.input } : {}),
    output: params.output ?? null,
    error: params.error ?? null,
    usage: params.usage ?? null,
    finishedAt: params.finishedAt,
    durationMs,
  };
  const written = await db
    .insert(nodeExecutions)
    .values({ ...values, startedAt: params.startedAt ?? null })
    .onConflictDoUpdate({
      target: [nodeExecutions.executionId, nodeExecutions.nodeId],
      set: values,
      setWhere: sql`${nodeExecutions.status} not in ('completed', 'skipped', 'failed')`,
    })
    .returning({ nodeId: nodeExecutions.nodeId });
  return written.length > 0;
}

/** Every node row of an execution, in start order. */
export async function listNodeExecutions(db: DbOrTx, executionId: string): Promise<NodeExecution[]> {
  return db
    .select()
    .from(nodeExecutions)
    .where(eq(nodeExecutions.executionId, executionId))
    .orderBy(asc(nodeExecutions.startedAt), asc(nodeExecutions.nodeId));
}
