import { randomUUID } from 'node:crypto';
import { findExecution } from '@trellis/db';
import { benchApi, chainDefinition } from '../api-client';
import { awaitRun, type BenchStack } from '../stack';
import { ratio, summarize, type Summary } from '../stats';

export interface NodeOverheadResult {
  nodes: number;
  runs: number;
  baseline_ms: Summary;
  baseline_per_node_ms: number;
  /** Every node a regular activity (`activity: "regular"`): the like-for-like comparison. */
  regular: ChainVariant & { target: string; met: boolean };
  /** Cheap nodes as local activities (the default). */
  local: ChainVariant & { speedup_vs_baseline: number; target: string; met: boolean };
  /** Median scheduled → started gap (ms) in the last baseline run's history: Temporal's own dispatch cost here. */
  baseline_dispatch_ms: { activity_task: number; workflow_task: number };
}

interface ChainVariant {
  platform_ms: Summary;
  platform_per_node_ms: number;
  /** Median platform run / median baseline run. */
  ratio: number;
}

/**
 * Scenario 1: a linear chain through the platform (POST → completed), once with every node a regular activity and
 * once with cheap nodes as local activities, vs the same number of sequential no-op activities in plain Temporal.
 */
export async function measureNodeOverhead(stack: BenchStack, options: { nodes: number; runs: number }): Promise<NodeOverheadResult> {
  const api = benchApi(stack.apiUrl, stack.tokenFor('bench-nodes'));
  const regularId = await api.createWorkflow('bench-chain-regular', chainDefinition(options.nodes, 'regular'));
  const localId = await api.createWorkflow('bench-chain-local', chainDefinition(options.nodes, 'local'));
  const runs = { regular: [] as number[], local: [] as number[], baseline: [] as number[] };
  let lastBaselineId = '';
  const platformRun = async (workflowId: string) => {
    const started = performance.now();
    const id = await api.startExecution(workflowId);
    await awaitRun(stack, id);
    const row = await findExecution(stack.database.db, id);
    if (row?.status !== 'completed') throw new Error(`platform run ended ${row?.status}`);
    return performance.now() - started;
  };
  // Interleave the three so all see the same machine load; run 0 of each warms up.
  for (let run = 0; run <= options.runs; run++) {
    const regular = await platformRun(regularId);
    const local = await platformRun(localId);
    const started = performance.now();
    lastBaselineId = `bench-chain-${randomUUID()}`;
    await stack.temporal.workflow.execute('chainWorkflow', {
      taskQueue: stack.baselineQueue,
      workflowId: lastBaselineId,
      args: [options.nodes],
    });
    if (run === 0) continue;
    runs.regular.push(regular);
    runs.local.push(local);
    runs.baseline.push(performance.now() - started);
  }
  const b = summarize(runs.baseline);
  const variant = (samples: number[]): ChainVariant => {
    const p = summarize(samples);
    return { platform_ms: p, platform_per_node_ms: perNode(p.median, options.nodes), ratio: ratio(p.median, b.median) };
  };
  const regular = variant(runs.regular);
  const local = variant(runs.local);
  const speedup = ratio(b.median, local.platform_ms.median);
  return {
    nodes: options.nodes,
    runs: options.runs,
    baseline_ms: b,
    baseline_per_node_ms: perNode(b.median, options.nodes),
    regular: { ...regular, target: '≤ 1.15× baseline', met: regular.ratio <= 1.15 },
    local: { ...local, speedup_vs_baseline: speedup, target: '≥ 10× faster than baseline', met: speedup >= 10 },
    baseline_dispatch_ms: await dispatchGaps(stack, lastBaselineId),
  };
}

const perNode = (ms: number, nodes: number) => Math.round((ms / nodes) * 10) / 10;

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
