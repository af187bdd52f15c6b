import { sql } from 'drizzle-orm';
import type { DbOrTx } from '../client';

/**
 * Deletes up to `batchSize` of the oldest executions finished before `finishedBefore`, with their node rows and
 * events (cascade); returns how many. One short statement per batch: rows another transaction holds are skipped,
 * not waited for, and live runs are never touched.
 */
export async function deleteFinishedExecutions(db: DbOrTx, finishedBefore: Date, batchSize: number): Promise<number> {
  const result = await db.execute(sql`
    delete from executions where id in (
      select id from executions
      where finished_at < ${finishedBefore.toISOString()}::timestamptz
        and status in ('completed', 'failed', 'stopped', 'cancelled', 'timed_out', 'terminated')
      order by finished_at
      limit ${batchSize}
      for update skip locked)
    returning id`);
  return (result as unknown as { rows: unknown[] }).rows.length;
}
