import { existsSync, readFileSync } from 'node:fs';
import { setPriority } from 'node:os';
import { join } from 'node:path';
import { Worker } from 'node:worker_threads';
import type { ExpressionContext } from '@trellis/definition';
import { ExpressionError, ExpressionLimitError, NodeExecutionError } from '../errors';
import type { ExpressionEvaluator } from '../expression-evaluator';
import { DEFAULT_EXPRESSION_LIMITS, type ExpressionLimits } from '../expression-limits';
import { parseSegments } from '../template';
import type { ThreadData, ThreadFailure, ThreadReply, ThreadRequest } from './thread-messages';

/** How the worker's sandbox runs: threads, each thread's heap, and the limits of one evaluation. */
export interface ExpressionPoolOptions {
  /** Evaluations that can run at once; a runaway holds one thread until it is killed. */
  threads: number;
  /** Old-generation heap of each thread in MB; past it the thread dies and the evaluation fails with limit `memory`. */
  maxHeapMb: number;
  limits: ExpressionLimits;
}

/** An evaluator that runs in worker threads and can be closed. */
export interface ExpressionPool extends ExpressionEvaluator {
  /** Threads killed or lost so far (time or memory limits); each was replaced. */
  replacedThreads(): number;
  /** Stops every thread; evaluations still waiting fail with a plain (retryable) error. */
  close(): Promise<void>;
}

/** Pool defaults: two threads (a runaway leaves the other serving) with 128 MB of heap each. */
export const DEFAULT_EXPRESSION_POOL: ExpressionPoolOptions = { threads: 2, maxHeapMb: 128, limits: DEFAULT_EXPRESSION_LIMITS };

/** Past the time limit a thread gets this long to stop on JSONata's own check before it is killed. */
const KILL_GRACE_MS = 100;
/** An evaluation running this long has its thread's CPU priority lowered (nice 19), so it yields to the worker's own threads. */
const SLOW_MS = 100;
const LOW_PRIORITY = 19;
/**
 * The time limit counts the thread's CPU time where Linux reports it: an evaluation starved by a busy machine has
 * not used its budget and gets the rest, up to this many times the limit in wall-clock time.
 */
const STARVED_WALL_FACTOR = 10;
/** Linux reports thread CPU time in clock ticks of 10 ms (USER_HZ). */
const MS_PER_CLOCK_TICK = 10;

/**
 * The thread's entry: the compiled build (`npm run build`) puts sandbox-thread.js beside this code; run from
 * sources, the thread loads sandbox-thread.ts through tsx.
 */
function threadEntry(): { script: string; eval: boolean } {
  const compiled = join(__dirname, 'sandbox-thread.js');
  if (existsSync(compiled)) return { script: compiled, eval: false };
  const source = join(__dirname, 'sandbox-thread.ts');
  return {
    script: `require(${JSON.stringify(require.resolve('tsx/cjs/api'))}).require(${JSON.stringify(source)}, ${JSON.stringify(source)});`,
    eval: true,
  };
}

interface Job {
  request: ThreadRequest;
  resolve(value: unknown): void;
  reject(error: Error): void;
}

interface Slot {
  thread?: Worker;
  ready: boolean;
  /** The thread's Linux thread id, when it has one. */
  tid?: number;
  job?: Job;
  killTimer?: NodeJS.Timeout;
  slowTimer?: NodeJS.Timeout;
  /** When the current job was handed to the thread, and the thread's CPU time then. */
  startedAt?: number;
  cpuAtStart?: number;
  /** Its priority was lowered for a slow evaluation and could not be raised again (that needs privileges). */
  lowered?: boolean;
  exitError?: Error & { code?: string };
}

/**
 * Evaluates expressions and templates in a small pool of worker threads. Each thread has a capped heap, and an
 * evaluation that has used `limits.timeoutMs` of CPU (plus a short grace; wall-clock time where Linux does not report
 * a thread's CPU time, and never more than STARVED_WALL_FACTOR times the limit) is ended by terminating its thread,
 * which a fresh one replaces: a runaway costs one thread for its time budget and never blocks the caller's thread.
 * Past SLOW_MS a thread runs at the lowest CPU priority (Linux), so on a busy machine a runaway gets only the CPU
 * that nothing else wants.
 */
export function createExpressionPool(options: ExpressionPoolOptions = DEFAULT_EXPRESSION_POOL): ExpressionPool {
  const { limits } = options;
  const slots: Slot[] = Array.from({ length: options.threads }, () => ({ ready: false }));
  const queue: Job[] = [];
  let replaced = 0;
  let closed = false;

  const entry = threadEntry();
  const spawn = (slot: Slot) => {
    const thread = new Worker(entry.script, {
      eval: entry.eval,
      workerData: { limits } satisfies ThreadData,
      resourceLimits: { maxOldGenerationSizeMb: options.maxHeapMb },
    });
    Object.assign(slot, { thread, ready: false, tid: undefined, lowered: false, exitError: undefined });
    thread.unref();
    thread.on('message', (reply: ThreadReply) => slot.thread === thread && onReply(slot, reply));
    thread.on('error', (error) => slot.thread === thread && (slot.exitError = error));
    thread.on('exit', () => slot.thread === thread && onExit(slot));
  };

  const onReply = (slot: Slot, reply: ThreadReply) => {
    if ('ready' in reply) Object.assign(slot, { ready: true, tid: reply.tid });
    else {
      const job = release(slot);
      if (reply.ok) job?.resolve(reply.value);
      else job?.reject(toNodeError(reply.error));
      // A thread left at low priority would slow every later evaluation: replace it.
      if (slot.lowered) recycle(slot);
    }
    pump();
  };

  /** CPU time the thread has spent on its current job; undefined where /proc does not say. */
  const cpuSpent = (slot: Slot): number | undefined => {
    const now = threadCpuMs(slot.tid);
    return now === undefined || slot.cpuAtStart === undefined ? undefined : now - slot.cpuAtStart;
  };

  const onDeadline = (slot: Slot) => {
    const spent = cpuSpent(slot);
    const waited = Date.now() - (slot.startedAt ?? 0);
    if (spent !== undefined && spent < limits.timeoutMs && waited < limits.timeoutMs * STARVED_WALL_FACTOR) {
      slot.killTimer = setTimeout(() => onDeadline(slot), limits.timeoutMs - spent + KILL_GRACE_MS);
      return;
    }
    kill(slot);
  };

  const onSlow = (slot: Slot) => {
    const spent = cpuSpent(slot);
    // Waiting for a core is not running long: only a thread that has used the CPU gets its priority lowered.
    if (spent !== undefined && spent < SLOW_MS / 2) {
      if (Date.now() - (slot.startedAt ?? 0) < limits.timeoutMs) slot.slowTimer = setTimeout(() => onSlow(slot), SLOW_MS);
      return;
    }
    lowerPriority(slot);
  };

  const lowerPriority = (slot: Slot) => {
    if (slot.tid === undefined) return;
    try {
      setPriority(slot.tid, LOW_PRIORITY);
      slot.lowered = true;
    } catch {
      // Not permitted here: the wall-clock kill still bounds the evaluation.
    }
  };

  const recycle = (slot: Slot) => {
    try {
      setPriority(slot.tid!, 0);
      slot.lowered = false;
      return;
    } catch {
      // Raising a priority needs privileges; a fresh thread starts at normal priority.
    }
    const thread = slot.thread!;
    slot.thread = undefined;
    void thread.terminate();
    if (!closed) spawn(slot);
  };

  const onExit = (slot: Slot) => {
    const { exitError, ready } = slot;
    const job = release(slot);
    slot.thread = undefined;
    if (exitError?.code === 'ERR_WORKER_OUT_OF_MEMORY') {
      job?.reject(
        new ExpressionLimitError(`expression limit: evaluation needed more than ${options.maxHeapMb} MB of heap`, {
          limit: 'memory',
          max: options.maxHeapMb,
        }),
      );
    } else {
      job?.reject(new Error(`expression thread stopped: ${exitError?.message ?? 'exited'}`));
    }
    if (!ready && !job) {
      // It never started (e.g. its code failed to load): fail what waits rather than respawning in a loop.
      for (const waiting of queue.splice(0))
        waiting.reject(new Error(`expression thread failed to start: ${exitError?.message ?? 'exited'}`));
      return;
    }
    replaced++;
    if (!closed) spawn(slot);
    pump();
  };

  const kill = (slot: Slot) => {
    const job = release(slot);
    const thread = slot.thread!;
    slot.thread = undefined;
    void thread.terminate();
    replaced++;
    job?.reject(
      new ExpressionLimitError(`expression limit: evaluation ran past ${limits.timeoutMs} ms`, { limit: 'time', max: limits.timeoutMs }),
    );
    if (!closed) spawn(slot);
  };

  const release = (slot: Slot): Job | undefined => {
    const job = slot.job;
    clearTimeout(slot.killTimer);
    clearTimeout(slot.slowTimer);
    slot.job = undefined;
    slot.killTimer = undefined;
    slot.slowTimer = undefined;
    slot.thread?.unref();
    return job;
  };

  const pump = () => {
    while (queue.length > 0 && !closed) {
      const slot = slots.find((candidate) => candidate.ready && candidate.thread && !candidate.job);
      if (!slot) {
        for (const idle of slots) if (!idle.thread) spawn(idle);
        return;
      }
      const job = queue.shift()!;
      slot.job = job;
      slot.thread!.ref();
      slot.startedAt = Date.now();
      slot.cpuAtStart = threadCpuMs(slot.tid);
      slot.killTimer = setTimeout(() => onDeadline(slot), limits.timeoutMs + KILL_GRACE_MS);
      slot.slowTimer = setTimeout(() => onSlow(slot), SLOW_MS);
      try {
        slot.thread!.postMessage(job.request);
      } catch (error) {
        // Data structured cloning cannot copy (never the case for JSON from Temporal): fail this job only.
        release(slot)?.reject(new Error(`cannot send the context to an expression thread: ${(error as Error).message}`));
      }
    }
  };

  const submit = (request: ThreadRequest) =>
    new Promise<unknown>((resolve, reject) => {
      if (closed) return reject(new Error('expression pool is closed'));
      queue.push({ request, resolve, reject });
      pump();
    });

  for (const slot of slots) spawn(slot);
  return {
    evaluate: (source: string, context: ExpressionContext) => submit({ kind: 'expression', source, context }),
    render: async (template: string, context: ExpressionContext) =>
      (await submit({ kind: 'template', segments: parseSegments(template), context })) as string,
    replacedThreads: () => replaced,
    async close() {
      closed = true;
      for (const job of queue.splice(0)) job.reject(new Error('expression pool is closed'));
      const threads = slots.map((slot) => slot.thread).filter((thread) => thread !== undefined);
      for (const slot of slots) release(slot)?.reject(new Error('expression pool is closed'));
      for (const slot of slots) slot.thread = undefined;
      await Promise.all(threads.map((thread) => thread.terminate()));
    },
  };
}

function toNodeError(failure: ThreadFailure): Error {
  const details = failure.details ?? {};
  if (failure.code === 'EXPRESSION_LIMIT') return new ExpressionLimitError(failure.message, details as ExpressionLimitError['details']);
  if (failure.code === 'EXPRESSION_ERROR') return new ExpressionError(failure.message, details as ExpressionError['details']);
  if (failure.code.startsWith('SANDBOX')) return new Error(failure.message);
  return new NodeExecutionError(failure.code as NodeExecutionError['code'], failure.message, false, details);
}

/** CPU time (user + system) a thread of this process has used, in ms, from /proc (Linux); undefined elsewhere. */
function threadCpuMs(tid: number | undefined): number | undefined {
  if (tid === undefined) return undefined;
  try {
    const stat = readFileSync(`/proc/self/task/${tid}/stat`, 'utf8');
    // Fields after the parenthesised name start at field 3 (state); utime and stime are fields 14 and 15.
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return (Number(fields[11]) + Number(fields[12])) * MS_PER_CLOCK_TICK;
  } catch {
    return undefined;
  }
}
