import type { ReusedNodeRow } from '@trellis/db';
import type { ReusedRecords } from '@trellis/workflows';

/** The rows of a re-run's reused nodes, as recordReusedNodes writes them. */
export function reusedNodeRows(nodes: ReusedRecords['nodes']): ReusedNodeRow[] {
  return nodes.map((n) => ({
    nodeId: n.id,
    nodeType: n.type,
    status: n.status,
    ...(n.status === 'completed' ? { output: n.output } : {}),
  }));
}
