import { randomUUID } from 'node:crypto';
import { loadavg } from 'node:os';
import { and, count, eq, inArray } from 'drizzle-orm';
import { executions, nodeExecutions } from '@trellis/db';
import { benchApi } from '../api-client';
import { temporalChildRssMb } from '../environment';
import { openHeapProbe, type HeapProbe } from '../heap';
import { postgresServerMemoryMb, processMemoryMb } from '../process-memory';
import { awaitRun, type BenchStack } from '../stack';
import { sleep } from '../stats';

const MB = 2 ** 20;
const IDLE_TARGET_MB = 2048;
const PER_EXECUTION_TARGET_MB = 1.5;

export interface MemoryOptions {
  /** Executions started, paused and held at once. */
  executions: number;
  /** Clients starting (then pausing) and later resuming executions in parallel. */
  concurrency: number;
  /** How long the wire LLM takes to answer, so a pause lands while the node runs. */
  llmDelayMs: number;
  /** Take a heap snapshot of the workflow thread even when the target is met. */
  profile: boolean;
}

type HeapFigures = { main_mb: number; workflow_threads_mb: number[] };

export interface MemoryResult {
  idle: {
    bench_process_rss_mb: number;
    bench_process_pss_mb: number | null;
    temporal_server_rss_mb: number | null;
    /** Summed over the server's processes; null under PGlite (it lives in the bench process). */
    postgres: { processes: number; rss_sum_mb: number; pss_sum_mb: number } | null;
    /** Bench process RSS + Temporal RSS + Postgres PSS sum. */
    total_mb: number;
    target: string;
    met: boolean;
  };
  paused: {
    executions: number;
    paused: number;
    /** Runs that ended before their pause landed (the LLM delay was too short for this machine). */
    not_paused: number;
    start_and_pause_ms: number;
    heap_before: HeapFigures;
    heap_after: HeapFigures;
    /** Heap growth of this whole process (workflow threads + main thread) per paused execution. */
    per_execution_mb: number;
    per_execution_workflow_thread_mb: number;
    per_execution_main_thread_mb: number;
    bench_process_rss_growth_mb: number;
    temporal_server_rss_growth_mb: number | null;
    /** `evicted`: runs removed from the cache between the first start and the end of the hold, other than by completing. */
    cache: { max_cached_workflows: number; cached_before: number; cached_while_held: number; lowest_while_held: number; evicted: number };
    resume_to_all_completed_ms: number;
    completed_after_resume: number;
    target: string;
    met: boolean;
    /** Largest constructors by self size in the workflow thread's heap while the executions were held. */
    heap_profile?: Array<{ constructor: string; count: number; bytes: number }>;
  };
  load_average_after: number[];
}

/**
 * Scenario 6: (a) idle RSS of the whole stack; (b) N executions paused while their LLM node runs and
 * held by the one Trellis worker: worker heap per execution, cache evictions, then resume all.
 */
export async function measureMemory(stack: BenchStack, options: MemoryOptions): Promise<MemoryResult> {
  const token = stack.tokenFor(`bench-mem-${randomUUID()}`);
  const api = benchApi(stack.apiUrl, token);
  const control = controlClient(stack.apiUrl, token);
  const probe = await openHeapProbe();
  try {
    // Warm-up: the same start → pause → resume path, so code and connections are in the "before" figure.
    const warmId = await api.createWorkflow('bench-memory-warmup', pausableDefinition('slow-50'));
    await Promise.all(
      [1, 2, 3].map(async () => {
        const id = await api.startExecution(warmId);
        await control.pauseOnceRunning(id);
        await control.act(id, 'resume');
        await awaitRun(stack, id);
      }),
    );
    await settle(stack);
    const idle = await idleFootprint(stack);

    const cachedBefore = stack.worker.getStatus().numCachedWorkflows;
    // Every run leaving the cache from here on, whatever the reason (capacity, a timed-out task, completion).
    let removed = 0;
    let lastCount = cachedBefore;
    const watch = stack.worker.numRunningWorkflowInstances$.subscribe((n) => {
      if (n < lastCount) removed += lastCount - n;
      lastCount = n;
    });
    const heapBefore = await heapFigures(probe);
    const rssBefore = { bench: process.memoryUsage().rss / MB, temporal: temporalChildRssMb() };

    const workflowId = await api.createWorkflow('bench-memory-paused', pausableDefinition(`slow-${options.llmDelayMs}`));
    const ids: string[] = [];
    let notPaused = 0;
    const startedAt = performance.now();
    await inParallel(options.executions, options.concurrency, async () => {
      const id = await api.startExecution(workflowId);
      ids.push(id);
      if (!(await control.pauseOnceRunning(id))) notPaused++;
    });
    const startAndPauseMs = Math.round(performance.now() - startedAt);
    // Held means: paused, and the LLM calls in flight at the pause have finished (nodes in flight finish).
    await waitFor(
      async () =>
        (await countWhere(stack, ids, 'paused')) + notPaused >= ids.length && (await llmNodesDone(stack, ids)) >= ids.length - notPaused,
    );
    await settle(stack);
    const held = stack.worker.getStatus().numCachedWorkflows;
    const heapAfter = await heapFigures(probe);
    const rssAfter = { bench: process.memoryUsage().rss / MB, temporal: temporalChildRssMb() };
    let lowest = held;
    for (let i = 0; i < 20; i++) {
      await sleep(250);
      lowest = Math.min(lowest, stack.worker.getStatus().numCachedWorkflows);
    }
    watch.unsubscribe();
    const paused = await countWhere(stack, ids, 'paused');

    const perExecution = (a: number, b: number) => Math.round(((b - a) / ids.length) * 1000) / 1000;
    const threadsBefore = sum(heapBefore.workflow_threads_mb);
    const threadsAfter = sum(heapAfter.workflow_threads_mb);
    const perExecutionMb = perExecution(heapBefore.main_mb + threadsBefore, heapAfter.main_mb + threadsAfter);
    // Runs that ended before their pause left the cache by completing; any other removal is an eviction.
    const evicted = Math.max(0, removed - notPaused);
    const met = perExecutionMb <= PER_EXECUTION_TARGET_MB && evicted === 0;
    const heapProfile = !met || options.profile ? await profileLargestThread(probe) : undefined;

    const resumedAt = performance.now();
    const toResume = await pausedIds(stack, ids);
    await inParallel(toResume.length, options.concurrency, async (i) => void (await control.act(toResume[i]!, 'resume')));
    await waitFor(async () => (await countWhere(stack, toResume, 'completed')) >= toResume.length, 600_000);
    const resumeMs = Math.round(performance.now() - resumedAt);

    return {
      idle,
      paused: {
        executions: ids.length,
        paused,
        not_paused: notPaused,
        start_and_pause_ms: startAndPauseMs,
        heap_before: heapBefore,
        heap_after: heapAfter,
        per_execution_mb: perExecutionMb,
        per_execution_workflow_thread_mb: perExecution(threadsBefore, threadsAfter),
        per_execution_main_thread_mb: perExecution(heapBefore.main_mb, heapAfter.main_mb),
        bench_process_rss_growth_mb: Math.round(rssAfter.bench - rssBefore.bench),
        temporal_server_rss_growth_mb: stack.ownDevServer ? rssAfter.temporal - rssBefore.temporal : null,
        cache: {
          max_cached_workflows: stack.workerLimits.maxCachedWorkflows,
          cached_before: cachedBefore,
          cached_while_held: held,
          lowest_while_held: lowest,
          evicted,
        },
        resume_to_all_completed_ms: resumeMs,
        completed_after_resume: await countWhere(stack, toResume, 'completed'),
        target: `≤ ${PER_EXECUTION_TARGET_MB} MB worker heap per paused execution, no cache evictions`,
        met,
        ...(heapProfile ? { heap_profile: heapProfile } : {}),
      },
      load_average_after: loadavg().map((x) => +x.toFixed(2)),
    };
  } finally {
    probe.close();
  }
}

/** input → llm (the loopback `wire` provider; its model name sets the delay) → output. */
function pausableDefinition(model: string) {
  return {
    nodes: [
      { id: 'in', type: 'input', config: {} },
      { id: 'gen', type: 'llm', config: { provider: 'wire', model, prompt: 'say ok' } },
      { id: 'out', type: 'output', config: {} },
    ],
    edges: [
      { source: 'in', target: 'gen' },
      { source: 'gen', target: 'out' },
    ],
  };
}

/** RSS of every part of the stack while nothing runs. */
async function idleFootprint(stack: BenchStack): Promise<MemoryResult['idle']> {
  const bench = processMemoryMb(process.pid);
  const benchRss = bench?.rss ?? Math.round(process.memoryUsage().rss / MB);
  const temporal = stack.ownDevServer ? temporalChildRssMb() : null;
  const postgres = (await postgresServerMemoryMb(stack.database)) ?? null;
  const total = Math.round(benchRss + (temporal ?? 0) + (postgres?.pss_sum_mb ?? 0));
  return {
    bench_process_rss_mb: benchRss,
    bench_process_pss_mb: bench?.pss ?? null,
    temporal_server_rss_mb: temporal,
    postgres,
    total_mb: total,
    target: `≤ ${IDLE_TARGET_MB} MB (2 GiB)`,
    met: total <= IDLE_TARGET_MB,
  };
}

async function heapFigures(probe: HeapProbe): Promise<HeapFigures> {
  const heap = await probe.usedAfterGc();
  const mb = (bytes: number) => Math.round((bytes / MB) * 10) / 10;
  return {
    main_mb: mb(heap.main),
    workflow_threads_mb: heap.threads.filter((t) => t.url.includes('workflow-worker-thread')).map((t) => mb(t.used)),
  };
}

/** Snapshot of the workflow thread holding the most heap (Trellis's; the baseline worker's sits idle). */
async function profileLargestThread(probe: HeapProbe) {
  const heap = await probe.usedAfterGc();
  const largest = heap.threads.filter((t) => t.url.includes('workflow-worker-thread')).sort((a, b) => b.used - a.used)[0];
  return largest ? probe.snapshotByConstructor(largest.id, 15) : undefined;
}

/** Waits until the worker runs no activations or activities (the stack is at rest). */
async function settle(stack: BenchStack): Promise<void> {
  await waitFor(async () => {
    const s = stack.worker.getStatus();
    return s.numInFlightActivities === 0 && s.numInFlightWorkflowActivations === 0;
  });
  await sleep(1_000);
}

function controlClient(baseUrl: string, token: string) {
  const headers = { Authorization: `Bearer ${token}` };
  const act = async (id: string, action: 'pause' | 'resume') => {
    const res = await fetch(`${baseUrl}/api/v1/executions/${id}/${action}`, { method: 'POST', headers });
    const body = (await res.json()) as { error?: { code: string; details?: { current_status?: string } } };
    if (res.status === 200) return { ok: true as const };
    if (res.status === 409) return { ok: false as const, current: body.error?.details?.current_status };
    throw new Error(`POST ${action} answered ${res.status}: ${JSON.stringify(body)}`);
  };
  return {
    act,
    /** Pauses as soon as the row is `running` (a pending run cannot pause); false when the run had already ended. */
    async pauseOnceRunning(id: string): Promise<boolean> {
      const deadline = Date.now() + 120_000;
      for (;;) {
        const answer = await act(id, 'pause');
        if (answer.ok) return true;
        if (answer.current !== 'pending') return false;
        if (Date.now() > deadline) throw new Error(`execution ${id} still pending after 120 s`);
        await sleep(50);
      }
    },
  };
}

async function countWhere(stack: BenchStack, ids: string[], status: 'paused' | 'completed'): Promise<number> {
  const [row] = await stack.database.db
    .select({ n: count() })
    .from(executions)
    .where(and(inArray(executions.id, ids), eq(executions.status, status)));
  return Number(row?.n ?? 0);
}

async function llmNodesDone(stack: BenchStack, ids: string[]): Promise<number> {
  const [row] = await stack.database.db
    .select({ n: count() })
    .from(nodeExecutions)
    .where(and(inArray(nodeExecutions.executionId, ids), eq(nodeExecutions.nodeId, 'gen'), eq(nodeExecutions.status, 'completed')));
  return Number(row?.n ?? 0);
}

async function pausedIds(stack: BenchStack, ids: string[]): Promise<string[]> {
  const rows = await stack.database.db
    .select({ id: executions.id })
    .from(executions)
    .where(and(inArray(executions.id, ids), eq(executions.status, 'paused')));
  return rows.map((r) => r.id);
}

/** Runs `task(0..total-1)` with at most `concurrency` at once. */
async function inParallel(total: number, concurrency: number, task: (i: number) => Promise<void>): Promise<void> {
  let next = 0;
  await Promise.all(
    Array.from({ length: Math.min(concurrency, total) }, async () => {
      while (next < total) await task(next++);
    }),
  );
}

async function waitFor(check: () => Promise<boolean>, timeoutMs = 300_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`memory scenario: condition not reached within ${timeoutMs} ms`);
    await sleep(250);
  }
}

const sum = (xs: number[]) => xs.reduce((a, b) => a + b, 0);
