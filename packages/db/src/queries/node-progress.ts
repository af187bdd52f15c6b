import { eq, sql, type SQL } from 'drizzle-orm';
import type { DbOrTx } from '../client';
import { executions } from '../schema/executions';

/** Column updates (by field name) of an execution row whose nodes finished. */
export type NodeProgressColumns = Partial<Record<'currentNodes' | 'completedNodes' | 'totalNodes' | 'progress', SQL>>;

/**
 * The one progress computation: `finished` (a text[] of node ids) leaves the current nodes, and `settled` of them
 * (completed or skipped; a failed node does not count) count towards progress against `totalNodes`, stored too
 * when given (the row's total_nodes otherwise).
 */
export function nodeProgressColumns(params: { finished: SQL; settled: SQL; totalNodes?: number }): NodeProgressColumns {
  const { finished, settled, totalNodes } = params;
  const total = totalNodes === undefined ? sql`${executions.totalNodes}` : sql`${totalNodes}`;
  return {
    currentNodes: sql`${executions.currentNodes} - ${finished}`,
    completedNodes: sql`${executions.completedNodes} + ${settled}`,
    ...(totalNodes === undefined ? {} : { totalNodes: total }),
    progress: sql`least(1.0, (${executions.completedNodes} + ${settled})::real / greatest(${total}, 1))`,
  };
}

/** Adds a node to the execution's current nodes. */
export async function markNodeRunning(db: DbOrTx, params: { executionId: string; nodeId: string; totalNodes: number }): Promise<void> {
  const { nodeId } = params;
  await db
    .update(executions)
    .set({
      currentNodes: sql`(${executions.currentNodes} - ${nodeId}::text) || jsonb_build_array(${nodeId}::text)`,
      totalNodes: params.totalNodes,
      message: `running ${nodeId}`,
      updatedAt: new Date(),
    })
    .where(eq(executions.id, params.executionId));
}

export interface NodesDoneParams {
  executionId: string;
  nodeIds: string[];
  /** Completed or skipped: counted towards progress. */
  settled: boolean;
  totalNodes?: number;
}

/** Takes nodes off the current nodes and counts settled ones towards progress. Call once per node: the caller guards against double counting. */
export async function markNodesDone(db: DbOrTx, params: NodesDoneParams): Promise<void> {
  const { nodeIds } = params;
  await db
    .update(executions)
    .set({
      ...nodeProgressColumns({
        finished: sql`array[${sql.join(
          nodeIds.map((nodeId) => sql`${nodeId}`),
          sql`, `,
        )}]::text[]`,
        settled: sql`${params.settled ? nodeIds.length : 0}`,
        totalNodes: params.totalNodes,
      }),
      updatedAt: new Date(),
    })
    .where(eq(executions.id, params.executionId));
}
