import { proxyLocalActivities } from '@temporalio/workflow';
import type { RecordStatusInput } from './activity-types';
import { reuseWritePath, type GraphPaths } from './graph-paths';
import type { GraphRun } from './graph-run';
import { RECORD_ACTIVITY_OPTIONS } from './node-activity-options';
import { reusedBranch, type RerunActivities, type ReusedNode, type ReusedRecords } from './rerun-contract';
import type { StatusWriter } from './status-writer';

/**
 * A re-run starts with the nodes it reuses settled as they ended in the run it re-runs: nothing executes for them.
 * Their records go with the run's start, written by the first chain or on their own (see reuseWritePath).
 */
export async function reuseRecorded(
  run: GraphRun,
  writer: StatusWriter,
  paths: GraphPaths,
  reuse: Record<string, ReusedNode>,
): Promise<void> {
  const { state, results, outputs } = run;
  const nodes = Object.entries(reuse).map(([id, reused]) => ({ id, type: run.node(id).type, ...reused }));
  for (const node of nodes) {
    if (node.status === 'skipped') {
      state.markSkipped(node.id);
      results[node.id] = { status: 'skipped' };
      continue;
    }
    state.markCompleted(node.id, reusedBranch(node.type, node.output));
    outputs[node.id] = node.output;
    results[node.id] = { status: 'completed', output: node.output, durationMs: 0 };
  }
  const records: ReusedRecords = { sourceExecutionId: run.input.reusedFrom ?? '', nodes };
  const path = reuseWritePath(paths);
  if (path === 'with-start') return writer.holdReuse(records);
  if (path === 'own-activity-after-start') await writer.writeStart();
  const start = writer.takeStart();
  try {
    await writeReusedNodes(run, records, start);
  } finally {
    writer.startWritten();
  }
}

/** Writes a re-run's reused nodes in a local activity of their own, with the run's start when given. */
export function writeReusedNodes(run: GraphRun, records: ReusedRecords, start: RecordStatusInput | undefined): Promise<void> {
  return proxyLocalActivities<RerunActivities>(RECORD_ACTIVITY_OPTIONS).recordReusedNodes({
    ...run.ref,
    ...records,
    totalNodes: run.state.total,
    ...(start ? { start } : {}),
  });
}
