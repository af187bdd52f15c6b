import { proxyLocalActivities } from '@temporalio/workflow';
import { reuseWritesStart } from './graph-paths';
import type { GraphRun } from './graph-run';
import { RECORD_ACTIVITY_OPTIONS } from './node-activity-options';
import { reusedBranch, type RerunActivities, type ReusedNode } from './rerun-definitions';
import type { StatusWriter } from './status-writer';

/**
 * A re-run starts with the nodes it reuses settled as they ended in the run it re-runs: nothing executes for them.
 * Their records are written by one local activity, which carries the run's start too (REUSE_WITH_START_PATCH).
 */
export async function reuseRecorded(run: GraphRun, writer: StatusWriter, reuse: Record<string, ReusedNode>): Promise<void> {
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
  if (!reuseWritesStart()) await writer.writeStart();
  const start = writer.takeStart();
  try {
    await proxyLocalActivities<RerunActivities>(RECORD_ACTIVITY_OPTIONS).recordReusedNodes({
      ...run.ref,
      sourceExecutionId: run.input.reusedFrom ?? '',
      nodes,
      totalNodes: state.total,
      ...(start ? { start } : {}),
    });
  } finally {
    writer.startWritten();
  }
}
