import { randomUUID } from 'node:crypto';
import { and, count, eq, inArray } from 'drizzle-orm';
import { executions, findExecution, listNodeExecutions } from '@trellis/db';
import { benchApi } from '../api-client';
import { openHeapProbe } from '../heap';
import type { BenchStack } from '../stack';
import { sleep, summarize, type Summary } from '../stats';

const MB = 2 ** 20;
const PER_WAIT_TARGET_MB = 0.2;
const ANSWER_TO_NEXT_TARGET_MS = 100;

export interface HumanWaitsOptions {
  /** Runs held waiting for an answer at once. */
  executions: number;
  /** Clients starting runs in parallel. */
  concurrency: number;
  /** Waits answered one at a time, each timed from the POST to its next node running. */
  answers: number;
}

export interface HumanWaitsResult {
  executions: number;
  start_to_all_waiting_ms: number;
  /** Activities in flight in the worker while every run waits (a wait holds none). */
  activities_in_flight_while_waiting: number;
  cached_while_waiting: number;
  heap_before_mb: number;
  heap_after_mb: number;
  /** Worker heap growth (main thread + workflow threads, after GC) per waiting run. */
  per_wait_mb: number;
  heap_target: string;
  heap_met: boolean;
  /** POST …/answer → the next node's row started (an llm node: its start is recorded when it begins). */
  answer_to_next_running_ms: Summary;
  answer_response_ms: Summary;
  answer_target: string;
  answer_met: boolean;
}

/** 1,000 runs waiting on a human node at once: no activity slots, worker heap per wait; then answer → next node latency. */
export async function measureHumanWaits(stack: BenchStack, options: HumanWaitsOptions): Promise<HumanWaitsResult> {
  const user = `bench-human-${randomUUID()}`;
  const token = stack.tokenFor(user);
  const api = benchApi(stack.apiUrl, token);
  const probe = await openHeapProbe();
  try {
    const workflowId = await api.createWorkflow('bench-human-waits', waitingDefinition());
    // Warm-up: the same start → wait → answer path, so its code is in the "before" figure.
    for (const id of await startAll(api, workflowId, 3, 3)) {
      await untilWaiting(stack, [id]);
      await answer(stack.apiUrl, token, id);
    }
    const heapBefore = await heapMb(probe);
    const startedAt = performance.now();
    const ids = await startAll(api, workflowId, options.executions, options.concurrency);
    await untilWaiting(stack, ids);
    const startToWaitingMs = Math.round(performance.now() - startedAt);
    await sleep(1_000);
    const status = stack.worker.getStatus();
    const heapAfter = await heapMb(probe);
    const perWait = Math.round(((heapAfter - heapBefore) / ids.length) * 1000) / 1000;

    const toNext: number[] = [];
    const responses: number[] = [];
    for (const id of ids.slice(0, options.answers)) {
      const sentAt = Date.now();
      const reply = await answer(stack.apiUrl, token, id);
      responses.push(reply);
      const next = await nextNodeStartedAt(stack, id);
      toNext.push(next - sentAt);
    }
    await cancelAll(stack.apiUrl, token, ids.slice(options.answers), options.concurrency);
    const answerToNext = summarize(toNext);
    return {
      executions: ids.length,
      start_to_all_waiting_ms: startToWaitingMs,
      activities_in_flight_while_waiting: status.numInFlightActivities,
      cached_while_waiting: status.numCachedWorkflows,
      heap_before_mb: heapBefore,
      heap_after_mb: heapAfter,
      per_wait_mb: perWait,
      heap_target: `≤ ${PER_WAIT_TARGET_MB} MB worker heap per waiting run, no activity slot held`,
      heap_met: perWait <= PER_WAIT_TARGET_MB && status.numInFlightActivities === 0,
      answer_to_next_running_ms: answerToNext,
      answer_response_ms: summarize(responses),
      answer_target: `answer → next node running p50 ≤ ${ANSWER_TO_NEXT_TARGET_MS} ms`,
      answer_met: answerToNext.median <= ANSWER_TO_NEXT_TARGET_MS,
    };
  } finally {
    probe.close();
  }
}

/** input → ask (human) → next (an llm node of the loopback provider) → output. */
function waitingDefinition() {
  return {
    nodes: [
      { id: 'in', type: 'input', config: {} },
      { id: 'ask', type: 'human', config: { prompt: 'Go on?' } },
      { id: 'next', type: 'llm', config: { provider: 'wire', model: 'slow-10', prompt: 'say {{ nodes.ask }}' } },
      { id: 'out', type: 'output', config: {} },
    ],
    edges: [
      { source: 'in', target: 'ask' },
      { source: 'ask', target: 'next' },
      { source: 'next', target: 'out' },
    ],
  };
}

async function startAll(api: ReturnType<typeof benchApi>, workflowId: string, total: number, concurrency: number): Promise<string[]> {
  const ids: string[] = [];
  let next = 0;
  await Promise.all(
    Array.from({ length: Math.min(concurrency, total) }, async () => {
      while (next++ < total) ids.push(await api.startExecution(workflowId));
    }),
  );
  return ids;
}

async function untilWaiting(stack: BenchStack, ids: string[]): Promise<void> {
  const deadline = Date.now() + 600_000;
  for (;;) {
    const [row] = await stack.database.db
      .select({ n: count() })
      .from(executions)
      .where(and(inArray(executions.id, ids), eq(executions.status, 'waiting')));
    if (Number(row?.n ?? 0) >= ids.length) return;
    if (Date.now() > deadline) throw new Error('human_waits: runs did not all reach their wait');
    await sleep(250);
  }
}

/** Answers `id`'s wait; returns the response time in ms. */
async function answer(baseUrl: string, token: string, id: string): Promise<number> {
  const startedAt = performance.now();
  const res = await fetch(`${baseUrl}/api/v1/executions/${id}/nodes/ask/answer`, {
    method: 'POST',
    headers: { Authorization: `Bearer ${token}`, 'Content-Type': 'application/json' },
    body: JSON.stringify({ answer: 'yes' }),
  });
  if (res.status !== 200) throw new Error(`answer ${id}: ${res.status} ${await res.text()}`);
  return Math.round((performance.now() - startedAt) * 10) / 10;
}

/** When the node after the wait started (its row's started_at, written by the worker as the llm activity begins). */
async function nextNodeStartedAt(stack: BenchStack, id: string): Promise<number> {
  const deadline = Date.now() + 60_000;
  for (;;) {
    const next = (await listNodeExecutions(stack.database.db, id)).find((n) => n.nodeId === 'next');
    if (next?.startedAt) return next.startedAt.getTime();
    if (Date.now() > deadline || !(await findExecution(stack.database.db, id)))
      throw new Error(`human_waits: node next of ${id} never started`);
    await sleep(5);
  }
}

async function cancelAll(baseUrl: string, token: string, ids: string[], concurrency: number): Promise<void> {
  let next = 0;
  await Promise.all(
    Array.from({ length: Math.min(concurrency, ids.length) }, async () => {
      while (next < ids.length) {
        await fetch(`${baseUrl}/api/v1/executions/${ids[next++]}/cancel`, {
          method: 'POST',
          headers: { Authorization: `Bearer ${token}` },
        });
      }
    }),
  );
}

async function heapMb(probe: Awaited<ReturnType<typeof openHeapProbe>>): Promise<number> {
  const heap = await probe.usedAfterGc();
  const threads = heap.threads.filter((t) => t.url.includes('workflow-worker-thread')).reduce((sum, t) => sum + t.used, 0);
  return Math.round(((heap.main + threads) / MB) * 10) / 10;
}
