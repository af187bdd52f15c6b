import { and, desc, eq, inArray, sql } from 'drizzle-orm';
import type { WorkflowDefinition } from '@trellis/core';
import type { DbOrTx } from '../client';
import { executions } from '../schema/executions';
import { nodeExecutions } from '../schema/node-executions';
import { workflowVersions } from '../schema/workflows';
import { executionFilterConditions, type Execution, type ExecutionFilters } from './executions';

/** The definition a workflow had at `version`, if that version was kept. */
export async function findWorkflowVersion(db: DbOrTx, workflowId: string, version: number): Promise<WorkflowDefinition | undefined> {
  const rows = await db
    .select({ definition: workflowVersions.definition })
    .from(workflowVersions)
    .where(and(eq(workflowVersions.workflowId, workflowId), eq(workflowVersions.version, version)));
  return rows[0]?.definition;
}

/** The owner's re-runs of an execution, newest first. */
export async function listReruns(db: DbOrTx, params: { executionId: string; ownerId: string; limit: number }): Promise<Execution[]> {
  return db
    .select()
    .from(executions)
    .where(and(eq(executions.rerunOf, params.executionId), eq(executions.ownerId, params.ownerId)))
    .orderBy(desc(executions.createdAt), desc(executions.id))
    .limit(params.limit);
}

export interface ReusedNodeRow {
  nodeId: string;
  nodeType: string;
  status: 'completed' | 'skipped';
  output?: unknown;
}

/**
 * Writes the rows of nodes a re-run reuses, marked `reused`, their inputs copied from the source run's rows; idempotent
 * (a node already recorded is left alone). Returns the ids written.
 */
export async function insertReusedNodes(
  db: DbOrTx,
  params: { executionId: string; sourceExecutionId: string; nodes: ReusedNodeRow[]; at: Date },
): Promise<string[]> {
  if (params.nodes.length === 0) return [];
  const rows = params.nodes.map((node) => ({
    executionId: params.executionId,
    nodeId: node.nodeId,
    nodeType: node.nodeType,
    status: node.status,
    attempt: 0,
    input: sql`(select s.input from node_executions s where s.execution_id = ${params.sourceExecutionId} and s.node_id = ${node.nodeId})`,
    output: node.status === 'completed' ? (node.output ?? null) : null,
    reused: true,
    startedAt: params.at,
    finishedAt: params.at,
    durationMs: 0,
  }));
  const written = await db.insert(nodeExecutions).values(rows).onConflictDoNothing().returning({ nodeId: nodeExecutions.nodeId });
  return written.map((row) => row.nodeId);
}

/**
 * Ids of the owner's executions among `ids`, or matching `filters`, oldest first, at most `limit` + 1 (so a caller can
 * tell the cap was passed). Never another owner's: the owner filter applies either way.
 */
export async function selectOwnedExecutionIds(
  db: DbOrTx,
  params: { filters: ExecutionFilters; ids?: string[]; limit: number },
): Promise<string[]> {
  const where = params.ids ? and(executionFilterConditions({ ...params.filters, includeTest: true }), inArray(executions.id, params.ids)) : executionFilterConditions(params.filters);
  const rows = await db.select({ id: executions.id }).from(executions).where(where).orderBy(executions.createdAt, executions.id).limit(params.limit + 1);
  return rows.map((row) => row.id);
}
