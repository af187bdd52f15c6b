import { WorkflowNotFoundError, type Client } from '@temporalio/client';
import type { ExecutionStatus } from '@trellis/core';
import {
  appendEvents,
  createEventAnnouncer,
  listLiveExecutions,
  temporalWorkflowIdOf,
  transitionExecution,
  type Database,
  type EventAnnouncer,
  type Execution,
} from '@trellis/db';
import type { Logger } from 'pino';

export interface ReconcilerOptions {
  db: Database;
  temporal: Client;
  log: Logger;
  /** Announces the repaired rows' events after commit; the reconciler makes (and closes) its own when absent. */
  announcer?: EventAnnouncer;
  /** How often to look (default 10 s, so a drift is repaired well within 30 s). */
  intervalMs: number;
  /** A pending row with no Temporal run this old was never started: fail it. */
  lostStartAfterMs: number;
  batchSize?: number;
}

type Repair = { status: ExecutionStatus; error?: { code: string; message: string }; output?: unknown; message: string };

/**
 * Temporal is the source of truth for a run; this loop finds live execution rows whose run has ended
 * (completed, failed, terminated or timed out outside Trellis, e.g. from the Temporal UI/CLI) or never
 * existed, and repairs the row and its events. It uses describe (consistent), not list visibility.
 */
export function startReconciler(options: ReconcilerOptions): { stop(): Promise<void>; runOnce(): Promise<number> } {
  let stopped = false;
  let current: Promise<number> = Promise.resolve(0);
  const announcer =
    options.announcer ??
    createEventAnnouncer(options.db, { onError: (error) => options.log.warn({ err: error }, 'event announcement failed') });
  const runOnce = async (): Promise<number> => {
    let repaired = 0;
    const rows = await listLiveExecutions(options.db, new Date(Date.now() - options.intervalMs / 2), options.batchSize ?? 200);
    for (const row of rows) {
      if (stopped) break;
      try {
        const repair = await diagnose(options, row);
        if (repair && (await apply(options.db, announcer, row, repair))) {
          repaired++;
          options.log.warn({ executionId: row.id, status: repair.status }, 'reconciled execution with Temporal');
        }
      } catch (error) {
        options.log.warn({ executionId: row.id, err: error }, 'reconcile check failed; will retry');
      }
    }
    return repaired;
  };
  const timer = setInterval(() => {
    current = current.then(runOnce).catch(() => 0);
  }, options.intervalMs);
  timer.unref();
  return {
    runOnce: () => (current = current.then(runOnce)),
    stop: async () => {
      stopped = true;
      clearInterval(timer);
      await current.catch(() => undefined);
      if (!options.announcer) await announcer.close();
    },
  };
}

async function diagnose(options: ReconcilerOptions, row: Execution): Promise<Repair | undefined> {
  const handle = options.temporal.workflow.getHandle(temporalWorkflowIdOf(row));
  let description;
  try {
    description = await handle.describe();
  } catch (error) {
    if (!(error instanceof WorkflowNotFoundError)) throw error;
    if (row.status !== 'pending') {
      // It ran once (its activities wrote the row), but Temporal no longer knows it (e.g. a wiped dev server).
      return { status: 'failed', error: { code: 'WORKFLOW_LOST', message: 'Temporal has no record of this run' }, message: 'the Temporal run no longer exists' };
    }
    if (Date.now() - row.createdAt.getTime() < options.lostStartAfterMs) return undefined;
    return { status: 'failed', error: { code: 'START_LOST', message: 'the run was never started in Temporal' }, message: 'no Temporal run exists for this execution' };
  }
  switch (description.status.name) {
    case 'TERMINATED':
      return { status: 'terminated', error: { code: 'TERMINATED', message: 'terminated in Temporal' }, message: 'run terminated in Temporal' };
    case 'TIMED_OUT':
      return { status: 'timed_out', error: { code: 'TEMPORAL_TIMEOUT', message: 'the run hit its Temporal timeout' }, message: 'run timed out in Temporal' };
    case 'CANCELLED':
      return { status: 'cancelled', message: 'run cancelled in Temporal' };
    case 'FAILED': {
      const message = await handle.result().then(
        () => 'failed',
        (error: Error) => (error.cause instanceof Error ? error.cause.message : error.message),
      );
      return { status: 'failed', error: { code: 'WORKFLOW_FAILED', message }, message: `run failed in Temporal: ${message}` };
    }
    case 'COMPLETED': {
      const result = (await handle.result()) as { status?: ExecutionStatus; output?: unknown } | undefined;
      const status = result?.status === 'stopped' ? 'stopped' : 'completed';
      return { status, output: result?.output, message: `run ${status} in Temporal` };
    }
    default:
      return undefined;
  }
}

async function apply(db: Database, announcer: EventAnnouncer, row: Execution, repair: Repair): Promise<boolean> {
  const written = await db.transaction(async (tx) => {
    const updated = await transitionExecution(tx, row.id, repair.status, {
      finishedAt: new Date(),
      currentNodes: [],
      message: repair.message,
      ...(repair.error ? { error: repair.error } : {}),
      ...(repair.output !== undefined ? { outputData: repair.output } : {}),
    });
    if (!updated) return undefined;
    return appendEvents(tx, row.id, [
      {
        key: `reconcile:${repair.status}`,
        type: `execution.${repair.status}`,
        status: repair.status,
        level: repair.status === 'completed' || repair.status === 'stopped' ? 'info' : 'error',
        message: repair.message,
        data: { reconciled: true, ...(repair.error ? { error: repair.error } : {}) },
      },
    ]);
  });
  if (written) announcer.announce(row.id, written);
  return written !== undefined;
}
