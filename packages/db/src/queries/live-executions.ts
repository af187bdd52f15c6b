import { and, asc, count, gt, inArray, lt, or, eq, type SQL } from 'drizzle-orm';
import { LIVE_STATUSES, type ExecutionStatus } from '@trellis/definition';
import type { DbOrTx } from '../client';
import { executions } from '../schema/executions';
import type { Execution } from './executions';

/** A position in the walk over live executions: the last row seen, in (created_at, id) order. */
export interface LiveCursor {
  createdAt: Date;
  id: string;
}

export interface LiveExecutionsAfterParams {
  /** Where the walk stands; from the first live row when absent. */
  cursor?: LiveCursor;
  /** Only rows not updated since then. */
  updatedBefore: Date;
  limit: number;
}

/**
 * Up to `limit` live executions after `cursor` in (created_at, id) order not updated since `updatedBefore`; the
 * reconciler walks them all across passes (executions_live_idx keeps this small).
 */
export async function listLiveExecutionsAfter(db: DbOrTx, params: LiveExecutionsAfterParams): Promise<Execution[]> {
  const { cursor, limit } = params;
  const after: SQL | undefined = cursor
    ? or(gt(executions.createdAt, cursor.createdAt), and(eq(executions.createdAt, cursor.createdAt), gt(executions.id, cursor.id)))
    : undefined;
  return db
    .select()
    .from(executions)
    .where(and(inArray(executions.status, [...LIVE_STATUSES]), lt(executions.updatedAt, params.updatedBefore), after))
    .orderBy(asc(executions.createdAt), asc(executions.id))
    .limit(limit);
}

/** Live executions per status across all owners (metrics); reads only the live-run index's rows. */
export async function countLiveExecutionsByStatus(db: DbOrTx): Promise<Array<{ status: ExecutionStatus; count: number }>> {
  return db
    .select({ status: executions.status, count: count() })
    .from(executions)
    .where(inArray(executions.status, [...LIVE_STATUSES]))
    .groupBy(executions.status);
}
