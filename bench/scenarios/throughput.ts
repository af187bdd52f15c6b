import { randomUUID } from 'node:crypto';
import { sql } from 'drizzle-orm';
import { benchApi, chainDefinition } from '../api-client';
import { machineBusyCpuMs } from '../machine-cpu';
import { awaitRun, type BenchStack } from '../stack';
import { ratio, summarize, type Summary } from '../stats';

export interface LoopResult {
  started: number;
  completed: number;
  /** Completed executions / s over the window (first start → last completion). */
  per_second: number;
  /** Median of the per-slice rates when the window is cut into `slices` equal parts (by completion time). */
  per_second_median_of_slices: number;
  slices: number;
  end_to_end_ms: Summary;
  /** Busy CPU of the whole machine (every process) per completed run: steadier than the rate on a noisy box. */
  machine_cpu_ms_per_run: number;
}

export interface ThroughputResult {
  seconds: number;
  concurrency: number;
  platform: LoopResult & { lost: number; duplicated: number; not_completed: number };
  baseline: LoopResult;
  ratio: number;
  target: string;
  met: boolean;
  /** The platform's own rate and tail, held against absolute figures. */
  absolute_target: string;
  absolute_met: boolean;
}

/**
 * Scenario 2: `concurrency` closed-loop clients start executions for `seconds`, each waiting for its
 * run to finish before starting the next; platform (3-node workflow via POST /executions) then
 * baseline (one-activity Temporal workflow) in the same run. Enough clients to saturate both (the baseline's
 * latency is mostly task dispatch, so with few clients it measures waiting, not capacity).
 */
export async function measureThroughput(
  stack: BenchStack,
  options: { seconds: number; concurrency: number; slices: number },
): Promise<ThroughputResult> {
  const owner = `bench-tp-${randomUUID()}`;
  const api = benchApi(stack.apiUrl, stack.tokenFor(owner));
  const workflowId = await api.createWorkflow('bench-three-nodes', chainDefinition(3));
  const ids: string[] = [];
  const platform = await closedLoop(options, async () => {
    const id = await api.startExecution(workflowId);
    ids.push(id);
    await awaitRun(stack, id);
  });

  // Lost: a 202 whose row is missing or not completed. Duplicated: more rows, or node rows, than starts.
  const rows = await stack.database.db.execute(
    sql`select status, count(*)::int as n from executions where owner_id = ${owner} group by status`,
  );
  const counts = new Map(rowsOf<{ status: string; n: number }>(rows).map((r) => [r.status, Number(r.n)]));
  const total = [...counts.values()].reduce((a, b) => a + b, 0);
  const nodeRows = await stack.database.db.execute(
    sql`select count(*)::int as n from node_executions ne join executions e on e.id = ne.execution_id where e.owner_id = ${owner}`,
  );
  const nodeCount = Number(rowsOf<{ n: number }>(nodeRows)[0]!.n);
  const uniqueIds = new Set(ids).size;
  const completedRows = counts.get('completed') ?? 0;

  const baseline = await closedLoop(options, async () => {
    await stack.temporal.workflow.execute('oneActivityWorkflow', {
      taskQueue: stack.baselineQueue,
      workflowId: `bench-tp-${randomUUID()}`,
    });
  });
  const r = ratio(platform.per_second, baseline.per_second);
  const lost = Math.max(0, uniqueIds - completedRows);
  const duplicated = ids.length - uniqueIds + Math.max(0, total - uniqueIds) + Math.max(0, nodeCount - 3 * uniqueIds);
  return {
    seconds: options.seconds,
    concurrency: options.concurrency,
    platform: {
      ...platform,
      lost,
      duplicated,
      not_completed: total - completedRows,
    },
    baseline,
    ratio: r,
    target: '≥ 0.9× baseline',
    met: r >= 0.9,
    absolute_target: '≥ 100 completed/s, end-to-end p99 < 1 s, none lost or duplicated',
    absolute_met: platform.per_second >= 100 && platform.end_to_end_ms.p99 < 1000 && lost === 0 && duplicated === 0,
  };
}

// pg's QueryResult and PGlite's Results both carry `rows`.
const rowsOf = <T>(result: unknown): T[] => (result as { rows: T[] }).rows;

async function closedLoop(
  options: { seconds: number; concurrency: number; slices: number },
  once: () => Promise<void>,
): Promise<LoopResult> {
  const cpu0 = machineBusyCpuMs();
  const t0 = performance.now();
  const deadline = t0 + options.seconds * 1000;
  const latencies: number[] = [];
  const finishedAt: number[] = [];
  let started = 0;
  const client = async () => {
    while (performance.now() < deadline) {
      const begin = performance.now();
      started++;
      await once();
      const end = performance.now();
      latencies.push(end - begin);
      finishedAt.push(end - t0);
    }
  };
  await Promise.all(Array.from({ length: options.concurrency }, client));
  const cpuMs = machineBusyCpuMs() - cpu0;
  const elapsed = Math.max(...finishedAt) / 1000;
  const slice = options.seconds / options.slices;
  const sliceRates = Array.from(
    { length: options.slices },
    (_, i) => finishedAt.filter((t) => t >= i * slice * 1000 && t < (i + 1) * slice * 1000).length / slice,
  );
  return {
    started,
    completed: latencies.length,
    per_second: Math.round((latencies.length / elapsed) * 10) / 10,
    per_second_median_of_slices: summarize(sliceRates).median,
    slices: options.slices,
    end_to_end_ms: summarize(latencies),
    machine_cpu_ms_per_run: Math.round((cpuMs / Math.max(1, latencies.length)) * 100) / 100,
  };
}
