import { and, desc, eq, getTableColumns, inArray, isNull, sql } from 'drizzle-orm';
import type { WorkflowDefinition } from '@trellis/definition';
import type { DbOrTx } from '../client';
import { executions } from '../schema/executions';
import { workflows, workflowVersions } from '../schema/workflows';
import { executionFilterConditions, type Execution, type ExecutionFilters } from './executions';

/** A node row of a run, as a re-run plans from it. */
export interface RecordedNodeRow {
  nodeId: string;
  status: string;
  output: unknown;
}

/** What a re-run starts from: the run, the workflow version it will run, and the run's node rows. */
export interface RerunSource {
  execution: Execution;
  /** The workflow's current version and name, when `latest` was asked for and the workflow still exists. */
  latest?: { version: number; name: string };
  /** The definition of the version asked for (the run's own by default), if that version was kept. */
  definition?: WorkflowDefinition;
  nodes: RecordedNodeRow[];
}

/**
 * The owner's execution with everything a re-run of it needs, in one query: the definition of `version` (a number,
 * `latest` for the workflow's current one, or the execution's own when absent) and the execution's node rows.
 * Undefined when the execution is not the owner's.
 */
export async function findRerunSource(
  db: DbOrTx,
  params: { executionId: string; ownerId: string; version?: number | 'latest' },
): Promise<RerunSource | undefined> {
  const latest = params.version === 'latest';
  const version = latest ? workflows.version : typeof params.version === 'number' ? sql`${params.version}` : executions.workflowVersion;
  const rows = await db
    .select({
      execution: getTableColumns(executions),
      latestVersion: workflows.version,
      latestName: workflows.name,
      definition: workflowVersions.definition,
      nodes: sql<
        RecordedNodeRow[]
      >`(select coalesce(json_agg(json_build_object('nodeId', n.node_id, 'status', n.status, 'output', n.output)), '[]'::json)
        from node_executions n where n.execution_id = ${executions.id})`,
    })
    .from(executions)
    .leftJoin(
      workflows,
      latest
        ? and(eq(workflows.id, executions.workflowId), eq(workflows.ownerId, params.ownerId), isNull(workflows.deletedAt))
        : sql`false`,
    )
    .leftJoin(workflowVersions, and(eq(workflowVersions.workflowId, executions.workflowId), eq(workflowVersions.version, version)))
    .where(and(eq(executions.id, params.executionId), eq(executions.ownerId, params.ownerId)));
  const row = rows[0];
  if (!row) return undefined;
  return {
    execution: row.execution,
    ...(row.latestVersion !== null && row.latestName !== null ? { latest: { version: row.latestVersion, name: row.latestName } } : {}),
    ...(row.definition ? { definition: row.definition } : {}),
    nodes: row.nodes,
  };
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

/**
 * Ids of the owner's executions among `ids`, or matching `filters`, oldest first, at most `limit` + 1 (so a caller can
 * tell the cap was passed). Never another owner's: the owner filter applies either way.
 */
export async function selectOwnedExecutionIds(
  db: DbOrTx,
  params: { filters: ExecutionFilters; ids?: string[]; limit: number },
): Promise<string[]> {
  const where = params.ids
    ? and(executionFilterConditions({ ...params.filters, includeTest: true }), inArray(executions.id, params.ids))
    : executionFilterConditions(params.filters);
  const rows = await db
    .select({ id: executions.id })
    .from(executions)
    .where(where)
    .orderBy(executions.createdAt, executions.id)
    .limit(params.limit + 1);
  return rows.map((row) => row.id);
}
