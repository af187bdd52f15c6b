import { acquireLease, deleteFinishedExecutions, type Database } from '@trellis/db';
import type { Logger } from 'pino';
import { startLeasedJob, type LeasedJob } from './leased-job';

export interface RetentionOptions {
  db: Database;
  log: Logger;
  /** Runs that ended longer ago than this are deleted with their node rows and events. */
  retentionDays: number;
  intervalMs: number;
  /** Runs deleted per statement (default 500): each batch is its own short transaction. */
  batchSize?: number;
  /** The lease that lets one replica at a time delete (default `retention`). */
  leaseName?: string;
}

/**
 * RETENTION_DAYS: every interval, one replica deletes finished runs older than the retention, oldest first, in
 * batches, pausing between them so live traffic is never queued behind a long delete.
 */
export function startRetention(options: RetentionOptions): LeasedJob<{ skipped: boolean; deleted: number }> {
  const leaseName = options.leaseName ?? 'retention';
  const batchSize = options.batchSize ?? 500;
  const leaseMs = Math.max(options.intervalMs, 60_000);
  const pass = async ({ holder, stopped }: { holder: string; stopped: () => boolean }) => {
    let deleted = 0;
    const cutoff = new Date(Date.now() - options.retentionDays * 86_400_000);
    for (;;) {
      // Renewed before each batch: a long pass keeps the lease, a dead holder loses it within leaseMs.
      if (stopped() || !(await acquireLease(options.db, { name: leaseName, holder, ttlMs: leaseMs })))
        return { skipped: deleted === 0, deleted };
      const batch = await deleteFinishedExecutions(options.db, cutoff, batchSize);
      deleted += batch;
      if (batch < batchSize) break;
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    if (deleted > 0) options.log.info({ deleted, finishedBefore: cutoff.toISOString() }, 'retention deleted finished runs');
    return { skipped: false, deleted };
  };
  return startLeasedJob({ db: options.db, log: options.log, name: 'retention', leaseName, intervalMs: options.intervalMs, pass });
}
