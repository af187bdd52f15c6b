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
 * Each node's state: the latest node event wins, else its record, else pending; a re-run's reused nodes are labelled so. While the run is paused a node
 * that has not started shows as paused; once the run ended otherwise than completed, as "not run".
 */
export function nodeViews(
  nodeIds: string[],
  events: ExecutionEvent[],
  records: Map<string, NodeRecord> | undefined,
  runStatus: ExecutionStatus,
): Record<string, GraphNodeView> {
  const fromEvents = new Map<string, { state: string; label?: string }>();
  for (const event of events) {
    if (!event.node_id) continue;
    // A re-run's reused node settled as it ended in the run re-run: its state, marked reused.
    if (event.type === 'node.reused') fromEvents.set(event.node_id, { state: event.status ?? 'completed', label: 'reused' });
    const state = FROM_EVENT[event.type];
    if (state) fromEvents.set(event.node_id, { state, label: event.type === 'node.attempt_failed' ? 'retrying' : undefined });
  }
  const views: Record<string, GraphNodeView> = {};
  for (const id of nodeIds) {
    const seen = fromEvents.get(id);
    const record = records?.get(id);
    let state = seen?.state ?? record?.status ?? 'pending';
    let stateLabel: string | undefined = seen ? seen.label : record?.reused ? 'reused' : undefined;
    if (state === 'pending' && runStatus === 'paused') state = 'paused';
    else if (state === 'pending' && !isLive(runStatus) && runStatus !== 'completed') [state, stateLabel] = ['skipped', 'not run'];
    views[id] = { state, stateLabel };
  }
  return views;
}
