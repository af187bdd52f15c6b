import { randomUUID } from 'node:crypto';
import { benchApi, chainDefinition } from '../api-client';
import { awaitRun, type BenchStack } from '../stack';
import { ratio, summarize, type Summary } from '../stats';

const TARGET_RATIO = 1.2;

export interface RerunOptions {
  /** Length of the chain re-run from its last node. */
  nodes: number;
  /** Measured pairs (a re-run and a fresh small run, interleaved); one warm-up pair is discarded. */
  runs: number;
}

export interface RerunResult {
  nodes: number;
  /** POST /executions/:id/rerun {from_node: last} → the run finished. */
  rerun_from_last_node_ms: Summary;
  /** POST /executions of the smallest workflow (input → output) → the run finished. */
  fresh_smallest_run_ms: Summary;
  ratio: number;
  target: string;
  met: boolean;
}

/** Re-running the last node of a long chain (every other node reused: no activities) against a fresh run of the smallest workflow. */
export async function measureRerun(stack: BenchStack, options: RerunOptions): Promise<RerunResult> {
  const token = stack.tokenFor(`bench-rerun-${randomUUID()}`);
  const api = benchApi(stack.apiUrl, token);
  const chainId = await api.createWorkflow('bench-rerun-chain', chainDefinition(options.nodes));
  const smallId = await api.createWorkflow('bench-rerun-smallest', chainDefinition(2));
  const source = await api.startExecution(chainId);
  await awaitRun(stack, source);
  const last = `n${options.nodes - 1}`;
  const reruns: number[] = [];
  const fresh: number[] = [];
  for (let i = 0; i <= options.runs; i++) {
    const rerunMs = await timed(async () => awaitRun(stack, await startRerun(stack.apiUrl, token, source, last)));
    const freshMs = await timed(async () => awaitRun(stack, await api.startExecution(smallId)));
    if (i === 0) continue;
    reruns.push(rerunMs);
    fresh.push(freshMs);
  }
  const rerun = summarize(reruns);
  const smallest = summarize(fresh);
  const r = ratio(rerun.median, smallest.median);
  return {
    nodes: options.nodes,
    rerun_from_last_node_ms: rerun,
    fresh_smallest_run_ms: smallest,
    ratio: r,
    target: `≤ ${TARGET_RATIO}× a fresh run of the smallest workflow`,
    met: r <= TARGET_RATIO,
  };
}

async function startRerun(baseUrl: string, token: string, id: string, fromNode: string): Promise<string> {
  const res = await fetch(`${baseUrl}/api/v1/executions/${id}/rerun`, {
    method: 'POST',
    headers: { Authorization: `Bearer ${token}`, 'Content-Type': 'application/json' },
    body: JSON.stringify({ from_node: fromNode }),
  });
  const body = (await res.json()) as { id: string };
  if (res.status !== 202) throw new Error(`rerun answered ${res.status}: ${JSON.stringify(body)}`);
  return body.id;
}

async function timed(run: () => Promise<void>): Promise<number> {
  const startedAt = performance.now();
  await run();
  return performance.now() - startedAt;
}
