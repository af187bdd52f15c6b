import { randomUUID } from 'node:crypto';
import { findExecution } from '@trellis/db';
import { benchApi, chainDefinition } from '../api-client';
import type { BenchStack } from '../stack';
import { ratio, summarize, type Summary } from '../stats';

export interface NodeOverheadResult {
  nodes: number;
  runs: number;
  platform_ms: Summary;
  baseline_ms: Summary;
  platform_per_node_ms: number;
  baseline_per_node_ms: number;
  /** Median platform run / median baseline run. */
  ratio: number;
  /** Median scheduled → started gap (ms) in the last baseline run's history: Temporal's own dispatch cost here. */
  baseline_dispatch_ms: { activity_task: number; workflow_task: number };
  target: string;
  met: boolean;
}

/** Scenario 1: a linear chain through the platform (POST → completed) vs the same number of sequential no-op activities in plain Temporal. */
export async function measureNodeOverhead(stack: BenchStack, options: { nodes: number; runs: number }): Promise<NodeOverheadResult> {
  const api = benchApi(stack.apiUrl, stack.tokenFor('bench-nodes'));
  const workflowId = await api.createWorkflow('bench-chain', chainDefinition(options.nodes));
  const platform: number[] = [];
  const baseline: number[] = [];
  let lastBaselineId = '';
  // Alternate platform and baseline runs so both see the same machine load; run 0 of each warms up.
  for (let run = 0; run <= options.runs; run++) {
    let started = performance.now();
    const id = await api.startExecution(workflowId);
    await stack.temporal.workflow.getHandle(id).result();
    const row = await findExecution(stack.database.db, id);
    if (row?.status !== 'completed') throw new Error(`platform run ended ${row?.status}`);
    if (run > 0) platform.push(performance.now() - started);

    started = performance.now();
    lastBaselineId = `bench-chain-${randomUUID()}`;
    await stack.temporal.workflow.execute('chainWorkflow', { taskQueue: stack.baselineQueue, workflowId: lastBaselineId, args: [options.nodes] });
    if (run > 0) baseline.push(performance.now() - started);
  }
  const p = summarize(platform);
  const b = summarize(baseline);
  const r = ratio(p.median, b.median);
  return {
    nodes: options.nodes,
    runs: options.runs,
    platform_ms: p,
    baseline_ms: b,
    platform_per_node_ms: Math.round((p.median / options.nodes) * 10) / 10,
    baseline_per_node_ms: Math.round((b.median / options.nodes) * 10) / 10,
    ratio: r,
    baseline_dispatch_ms: await dispatchGaps(stack, lastBaselineId),
    target: '≤ 1.15× baseline',
    met: r <= 1.15,
  };
}

/** Median gaps between *TaskScheduled and the matching *TaskStarted event in one workflow's history. */
async function dispatchGaps(stack: BenchStack, workflowId: string) {
  const history = await stack.temporal.workflow.getHandle(workflowId).fetchHistory();
  const gaps = { activity_task: [] as number[], workflow_task: [] as number[] };
  let scheduled: { kind: keyof typeof gaps; at: number } | undefined;
  for (const event of history.events ?? []) {
    const at = Number(event.eventTime?.seconds ?? 0) * 1000 + (event.eventTime?.nanos ?? 0) / 1e6;
    if (event.activityTaskScheduledEventAttributes) scheduled = { kind: 'activity_task', at };
    else if (event.workflowTaskScheduledEventAttributes) scheduled = { kind: 'workflow_task', at };
    else if (scheduled && (event.activityTaskStartedEventAttributes || event.workflowTaskStartedEventAttributes)) {
      gaps[scheduled.kind].push(at - scheduled.at);
      scheduled = undefined;
    }
  }
  return { activity_task: summarize(gaps.activity_task).median, workflow_task: summarize(gaps.workflow_task).median };
}
