import type { z } from 'zod';
import type { NodeExecution } from '@trellis/db';
import type { ExecutionDetail, NodeRecord } from '../openapi/responses';

type NodeSummary = z.infer<typeof ExecutionDetail>['nodes'][number];

/** A node as GET /executions/{id} lists it: status, duration and usage. */
export function toNodeSummary(node: NodeExecution): NodeSummary {
  return { node_id: node.nodeId, node_type: node.nodeType, status: node.status, duration_ms: node.durationMs, usage: node.usage };
}

/** A node's full record as GET /executions/{id}/nodes answers it. */
export function toNodeRecord(node: NodeExecution): z.infer<typeof NodeRecord> {
  return {
    node_id: node.nodeId,
    node_type: node.nodeType,
    status: node.status,
    attempts: node.attempt,
    input: node.input,
    output: node.output,
    error: node.error,
    usage: node.usage,
    started_at: node.startedAt?.toISOString() ?? null,
    finished_at: node.finishedAt?.toISOString() ?? null,
    duration_ms: node.durationMs,
    answered_by: node.answeredBy,
    answered_at: node.answeredAt?.toISOString() ?? null,
    reused: node.reused,
  };
}
