import { WorkflowNotFoundError, type Client } from '@temporalio/client';
import type { ExecutionStatus } from '@trellis/definition';
import {
  acquireLease,
  createEventAnnouncer,
  describeStatusChange,
  listLiveExecutionsAfter,
  saveLeaseCursor,
  recordExecutionTransition,
  temporalWorkflowIdOf,
  type Database,
  type EventAnnouncer,
  type Execution,
  type LiveCursor,
} from '@trellis/db';
import type { Logger } from 'pino';
import { startLeasedJob, type LeasedJob } from './leased-job';

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
  /** Live rows checked per pass (default 200); the walk continues after the last one on the next pass. */
  batchSize?: number;
  /** The lease that lets one replica at a time reconcile (default `reconciler`; tests sharing a database use their own). */
  leaseName?: string;
}

/** What one pass did: `skipped` when another replica holds the lease. */
export interface ReconcilePass {
  skipped: boolean;
  checked: number;
  repaired: number;
  /** True when this pass reached the last live row (the next starts from the first). */
  wrapped: boolean;
}

type Repair = { status: ExecutionStatus; error?: { code: string; message: string }; output?: unknown; message: string };

/**
 * Temporal is the source of truth for a run; this loop finds live execution rows whose run has ended
 * (completed, failed, terminated or timed out outside Trellis, e.g. from the Temporal UI/CLI) or never
 * existed, and repairs the row and its events. It uses describe (consistent), not list visibility.
 * Each pass checks the next `batchSize` live rows in creation order, so every live row is checked within
 * ceil(live / batchSize) passes however long it has sat untouched; a lease lets one replica at a time do it,
 * and keeps the cursor, so the replica that takes over continues the walk.
 */
export function startReconciler(options: ReconcilerOptions): LeasedJob<ReconcilePass> {
  const leaseName = options.leaseName ?? 'reconciler';
  // Renewed every pass; a holder that died is replaced once three intervals passed without a renewal.
  const leaseMs = Math.max(options.intervalMs * 3, 5_000);
  const batchSize = options.batchSize ?? 200;
  const announcer =
    options.announcer ??
    createEventAnnouncer(options.db, { onError: (error) => options.log.warn({ err: error }, 'event announcement failed') });
  const pass = async ({ holder, stopped }: { holder: string; stopped: () => boolean }): Promise<ReconcilePass> => {
    const lease = await acquireLease(options.db, { name: leaseName, holder, ttlMs: leaseMs });
    if (!lease) return { skipped: true, checked: 0, repaired: 0, wrapped: false };
    let repaired = 0;
    const rows = await listLiveExecutionsAfter(options.db, {
      cursor: parseCursor(lease.cursor),
      updatedBefore: new Date(Date.now() - options.intervalMs / 2),
      limit: batchSize,
    });
    for (const row of rows) {
      if (stopped()) break;
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
    const wrapped = rows.length < batchSize;
    const last = rows.at(-1);
    const cursor = wrapped || !last ? null : JSON.stringify({ createdAt: last.createdAt.toISOString(), id: last.id });
    await saveLeaseCursor(options.db, { name: leaseName, holder, cursor });
    return { skipped: false, checked: rows.length, repaired, wrapped };
  };
  const job = startLeasedJob({ db: options.db, log: options.log, name: 'reconcile', leaseName, intervalMs: options.intervalMs, pass });
  return {
    runOnce: job.runOnce,
    stop: async () => {
      await job.stop();
      if (!options.announcer) await announcer.close();
    },
  };
}

function parseCursor(text: string | null): LiveCursor | undefined {
  if (!text) return undefined;
  const { createdAt, id } = JSON.parse(text) as { createdAt: string; id: string };
  return { createdAt: new Date(createdAt), id };
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
      return {
        status: 'failed',
        error: { code: 'WORKFLOW_LOST', message: 'Temporal has no record of this run' },
        message: 'the Temporal run no longer exists',
      };
    }
    if (Date.now() - row.createdAt.getTime() < options.lostStartAfterMs) return undefined;
    return {
      status: 'failed',
      error: { code: 'START_LOST', message: 'the run was never started in Temporal' },
      message: 'no Temporal run exists for this execution',
    };
  }
  switch (description.status.name) {
    case 'TERMINATED':
      return {
        status: 'terminated',
        error: { code: 'TERMINATED', message: 'terminated in Temporal' },
        message: 'run terminated in Temporal',
      };
    case 'TIMED_OUT':
      return {
        status: 'timed_out',
        error: { code: 'TEMPORAL_TIMEOUT', message: 'the run hit its Temporal timeout' },
        message: 'run timed out in Temporal',
      };
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
  const change = describeStatusChange({
    status: repair.status,
    eventKey: `reconcile:${repair.status}`,
    eventType: `execution.${repair.status}`,
    message: repair.message,
    error: repair.error,
    output: repair.output,
    level: repair.status === 'completed' || repair.status === 'stopped' ? 'info' : 'error',
    data: { reconciled: true, ...(repair.error ? { error: repair.error } : {}) },
  });
  const written = await recordExecutionTransition(db, { executionId: row.id, ...change });
  announcer.announce(row.id, written);
  return written.length > 0;
}
