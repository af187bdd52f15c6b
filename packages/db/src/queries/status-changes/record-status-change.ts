import { and, eq, inArray, sql } from 'drizzle-orm';
import type { DbOrTx } from '../../client';
import { executions } from '../../schema/executions';
import { FRESH_COUNT, freshEvents, insertFreshEvents, writtenEvents } from '../event-statement';
import type { ExecutionEvent } from '../events';
import { statusesLeadingTo, type StatusChange } from './status-change';

/**
 * Moves the execution to `to` (when the transition table allows it from its current status; a terminal status
 * is never overwritten) and appends `event`, in one statement, once per event key. Returns the event when this
 * call wrote it: empty when the move was not allowed or an earlier attempt already recorded it.
 */
export async function recordExecutionTransition(db: DbOrTx, params: { executionId: string } & StatusChange): Promise<ExecutionEvent[]> {
  const { executionId, to } = params;
  const update = db
    .update(executions)
    .set({ ...params.patch, status: to, updatedAt: new Date(), lastSeq: sql`${executions.lastSeq} + ${FRESH_COUNT}` })
    // Gated on the event being new too: a retried write must not move the row again (e.g. paused back to running).
    .where(and(eq(executions.id, executionId), inArray(executions.status, statusesLeadingTo(to)), sql`exists (select 1 from fresh)`))
    .returning({ last_seq: executions.lastSeq });
  const result = await db.execute(sql`
    with ${freshEvents(executionId, [params.event])},
    execution as ${update}
    ${insertFreshEvents(executionId)}
  `);
  return writtenEvents(result);
}
