// What a re-run from a node keeps: every node not downstream of where it starts keeps its recorded result.
import type { EdgeDefinition, NodeRecord } from '../../api/types';

/** Where a re-run starts: a node id, "failed" (the failed nodes), or the whole run (undefined). */
export type RerunStart = string | undefined;

/** The nodes a re-run from `start` runs again: the start node(s) and everything downstream. */
export function nodesToRun(start: RerunStart, edges: EdgeDefinition[], records: Map<string, NodeRecord> | undefined): Set<string> {
  const starts =
    start === 'failed' ? [...(records?.values() ?? [])].filter((r) => r.status === 'failed').map((r) => r.node_id) : start ? [start] : [];
  const run = new Set(starts);
  const queue = [...starts];
  while (queue.length) {
    const node = queue.shift()!;
    for (const edge of edges) {
      if (edge.source === node && !run.has(edge.target)) {
        run.add(edge.target);
        queue.push(edge.target);
      }
    }
  }
  return run;
}

/** The recorded outputs a re-run from `start` reuses (completed nodes outside what runs again), by node id. */
export function reusedOutputs(
  start: RerunStart,
  edges: EdgeDefinition[],
  records: Map<string, NodeRecord> | undefined,
): Record<string, unknown> {
  if (!start || !records) return {};
  const run = nodesToRun(start, edges, records);
  const outputs: Record<string, unknown> = {};
  for (const record of records.values()) {
    if (record.status === 'completed' && !run.has(record.node_id)) outputs[record.node_id] = record.output;
  }
  return outputs;
}

/** The outputs the person changed (only these are sent as `node_outputs`); unknown ids are kept so the API names them. */
export function changedOutputs(edited: Record<string, unknown>, recorded: Record<string, unknown>): Record<string, unknown> | undefined {
  const changed = Object.entries(edited).filter(
    ([id, value]) => !(id in recorded) || JSON.stringify(value) !== JSON.stringify(recorded[id]),
  );
  return changed.length ? Object.fromEntries(changed) : undefined;
}
