import type { ExecutionEvent, ExecutionStatus, NodeRecord } from '../../api/types';
import type { GraphNodeView } from '../../ui/graph/WorkflowGraph';
import { isLive } from '../../lib/format';

const FROM_EVENT: Record<string, string> = {
  'node.started': 'running',
  'node.attempt_failed': 'running',
  'node.completed': 'completed',
  'node.failed': 'failed',
  'node.skipped': 'skipped',
  'node.waiting': 'waiting',
};

/**
 * Each node's state: the latest node event wins, else its record, else pending. While the run is paused a node
 * that has not started shows as paused; once the run ended otherwise than completed, as "not run".
 */
export function nodeViews(
  nodeIds: string[],
  events: ExecutionEvent[],
  records: Map<string, NodeRecord> | undefined,
  runStatus: ExecutionStatus,
): Record<string, GraphNodeView> {
  const fromEvents = new Map<string, { state: string; retrying: boolean }>();
  for (const event of events) {
    const state = event.node_id ? FROM_EVENT[event.type] : undefined;
    if (state) fromEvents.set(event.node_id!, { state, retrying: event.type === 'node.attempt_failed' });
  }
  const views: Record<string, GraphNodeView> = {};
  for (const id of nodeIds) {
    const seen = fromEvents.get(id);
    let state = seen?.state ?? records?.get(id)?.status ?? 'pending';
    let stateLabel: string | undefined = seen?.retrying ? 'retrying' : undefined;
    if (state === 'pending' && runStatus === 'paused') state = 'paused';
    else if (state === 'pending' && !isLive(runStatus) && runStatus !== 'completed') [state, stateLabel] = ['skipped', 'not run'];
    views[id] = { state, stateLabel };
  }
  return views;
}
