import { sql, type SQL } from 'drizzle-orm';
import type { NewEvent } from './events';

export interface ReusedNodeRow {
  nodeId: string;
  nodeType: string;
  status: 'completed' | 'skipped';
  output?: unknown;
}

/** Nodes a re-run reuses: written as they ended in the run it re-runs, nothing executes for them. */
export interface ReusedNodes {
  /** The run re-run: each reused row's input is copied from its row there. */
  sourceExecutionId: string;
  nodes: ReusedNodeRow[];
  at: Date;
}

/**
 * The `reused_node` CTE of a completion statement (see recordNodeCompletions): the rows, marked `reused`, with
 * their inputs copied from the source run's rows; a node already recorded is left alone. Returns the ids written.
 */
export function insertReusedNodes(executionId: string, reused: ReusedNodes): SQL {
  const rows = reused.nodes.map((n) => ({
    node_id: n.nodeId,
    node_type: n.nodeType,
    status: n.status,
    output: n.status === 'completed' ? (n.output ?? null) : null,
  }));
  const at = reused.at.toISOString();
  return sql`reused_node as (
      insert into node_executions
        (execution_id, node_id, node_type, status, attempt, input, output, reused, started_at, finished_at, duration_ms)
      select ${executionId}, r.node_id, r.node_type, r.status, 0, s.input, nullif(r.output, 'null'::jsonb), true,
        ${at}::timestamptz, ${at}::timestamptz, 0
      from jsonb_to_recordset(${JSON.stringify(rows)}::jsonb) as r(node_id text, node_type text, status text, output jsonb)
      left join node_executions s on s.execution_id = ${reused.sourceExecutionId} and s.node_id = r.node_id
      on conflict (execution_id, node_id) do nothing
      returning node_id
    )`;
}

/** A `node.reused` event per reused node. */
export function reusedEvents(reused: ReusedNodes): NewEvent[] {
  const { sourceExecutionId } = reused;
  return reused.nodes.map((n) => ({
    key: `node:${n.nodeId}:reused`,
    type: 'node.reused',
    nodeId: n.nodeId,
    status: n.status,
    message: `node ${n.nodeId} reused from execution ${sourceExecutionId}`,
    data: { rerun_of: sourceExecutionId },
  }));
}
