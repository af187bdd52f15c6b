import { randomUUID } from 'node:crypto';
import { inArray } from 'drizzle-orm';
import { nodeExecutions } from '@trellis/db';
import { benchApi, chainDefinition } from '../api-client';
import { awaitRun, type BenchStack } from '../stack';
import { ratio, sleep, summarize, type Summary } from '../stats';

export interface LatencyResult {
  rate_per_second: number;
  seconds: number;
  platform: { post_response_ms: Summary; post_to_first_node_running_ms: Summary; errors: number };
  baseline: { start_response_ms: Summary; start_to_first_activity_running_ms: Summary; errors: number };
  /** Median ratios, platform / baseline. */
  ratio_response: number;
  ratio_first_running: number;
  first_running_target: string;
  first_running_met: boolean;
  /** POST /executions response times at a high open-loop rate (the runs complete afterwards, not timed). */
  burst: Burst;
  /** The same at half the rate, for context: how the answer time grows with load. */
  half_burst?: Burst;
}

/**
 * Scenario 3: starts at a steady open-loop rate (one every 1000/rate ms, not waiting for answers).
 * Platform: POST /executions response time, and POST → first node's recorded `started_at`.
 * Baseline: Temporal `workflow.start` response time, and start → its one activity's first line.
 */
export async function measureLatency(
  stack: BenchStack,
  options: { ratePerSecond: number; seconds: number; burstRatePerSecond: number; burstSeconds: number },
): Promise<LatencyResult> {
  const api = benchApi(stack.apiUrl, stack.tokenFor(`bench-lat-${randomUUID()}`));
  const workflowId = await api.createWorkflow('bench-three-nodes', chainDefinition(3));
  const count = Math.round(options.ratePerSecond * options.seconds);

  const posts: Array<{ id: string; sentAt: number; ms: number }> = [];
  const platformErrors = await steady(options.ratePerSecond, count, async () => {
    const sentAt = Date.now();
    const begin = performance.now();
    const id = await api.startExecution(workflowId);
    posts.push({ id, sentAt, ms: performance.now() - begin });
  });
  await Promise.all(posts.map((p) => awaitRun(stack, p.id)));
  const firstNodes = await stack.database.db
    .select({ executionId: nodeExecutions.executionId, startedAt: nodeExecutions.startedAt, nodeId: nodeExecutions.nodeId })
    .from(nodeExecutions)
    .where(
      inArray(
        nodeExecutions.executionId,
        posts.map((p) => p.id),
      ),
    );
  const firstStart = new Map<string, number>();
  for (const row of firstNodes) {
    const t = row.startedAt?.getTime();
    if (t !== undefined && t < (firstStart.get(row.executionId) ?? Infinity)) firstStart.set(row.executionId, t);
  }

  const starts: Array<{ ms: number; firstRunning: number }> = [];
  const baselineErrors = await steady(options.ratePerSecond, count, async () => {
    const sentAt = Date.now();
    const begin = performance.now();
    const handle = await stack.temporal.workflow.start('oneActivityWorkflow', {
      taskQueue: stack.baselineQueue,
      workflowId: `bench-lat-${randomUUID()}`,
    });
    const ms = performance.now() - begin;
    const activityStartedAt = (await handle.result()) as number;
    starts.push({ ms, firstRunning: activityStartedAt - sentAt });
  });

  const platform = {
    post_response_ms: summarize(posts.map((p) => p.ms)),
    post_to_first_node_running_ms: summarize(posts.flatMap((p) => (firstStart.has(p.id) ? [firstStart.get(p.id)! - p.sentAt] : []))),
    errors: platformErrors,
  };
  const baseline = {
    start_response_ms: summarize(starts.map((s) => s.ms)),
    start_to_first_activity_running_ms: summarize(starts.map((s) => s.firstRunning)),
    errors: baselineErrors,
  };
  const first = platform.post_to_first_node_running_ms;
  return {
    rate_per_second: options.ratePerSecond,
    seconds: options.seconds,
    platform,
    baseline,
    ratio_response: ratio(platform.post_response_ms.median, baseline.start_response_ms.median),
    ratio_first_running: ratio(first.median, baseline.start_to_first_activity_running_ms.median),
    first_running_target: 'p50 ≤ 50 ms, p99 ≤ 150 ms',
    first_running_met: first.median <= 50 && first.p99 <= 150,
    half_burst: await measureBurst(stack, workflowId, api, options.burstRatePerSecond / 2, options.burstSeconds),
    burst: await measureBurst(stack, workflowId, api, options.burstRatePerSecond, options.burstSeconds),
  };
}

interface Burst {
  rate_per_second: number;
  seconds: number;
  post_response_ms: Summary;
  errors: number;
  target: string;
  met: boolean;
}

/** POST /executions response times at `rate` starts/s; waits for every run to end before returning. */
async function measureBurst(
  stack: BenchStack,
  workflowId: string,
  api: ReturnType<typeof benchApi>,
  rate: number,
  seconds: number,
): Promise<Burst> {
  const ids: string[] = [];
  const times: number[] = [];
  const errors = await steady(rate, Math.round(rate * seconds), async () => {
    const begin = performance.now();
    ids.push(await api.startExecution(workflowId));
    times.push(performance.now() - begin);
  });
  await Promise.all(ids.map((id) => awaitRun(stack, id)));
  const post = summarize(times);
  return {
    rate_per_second: rate,
    seconds,
    post_response_ms: post,
    errors,
    target: 'p50 < 10 ms, p99 < 50 ms',
    met: post.median < 10 && post.p99 < 50,
  };
}

/** Fires `once` `count` times at a fixed rate without waiting for earlier calls; returns how many threw. */
async function steady(ratePerSecond: number, count: number, once: () => Promise<void>): Promise<number> {
  const interval = 1000 / ratePerSecond;
  const t0 = performance.now();
  let errors = 0;
  const calls: Promise<void>[] = [];
  for (let i = 0; i < count; i++) {
    await sleep(Math.max(0, t0 + i * interval - performance.now()));
    calls.push(once().catch(() => void errors++));
  }
  await Promise.all(calls);
  return errors;
}
