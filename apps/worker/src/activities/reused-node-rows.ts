import type { ReusedNodes } from '@trellis/db';
import type { ReusedRecords } from '@trellis/workflows';

/** A re-run's reused nodes as the completion statement writes them (see recordNodeCompletions). */
export function reusedNodesOf({ sourceExecutionId, nodes }: ReusedRecords): ReusedNodes {
  return {
    sourceExecutionId,
    at: new Date(),
    nodes: nodes.map((n) => ({
      nodeId: n.id,
      nodeType: n.type,
      status: n.status,
      ...(n.status === 'completed' ? { output: n.output } : {}),
    })),
  };
}
