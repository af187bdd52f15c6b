import { describeStatusChange, recordExecutionTransition, type Database, type ExecutionEvent, type StatusChange } from '@trellis/db';
import type { RecordStatusInput } from '@trellis/workflows';

/** Moves the execution row to a status and appends its event, in one statement; returns the events written. */
export function recordStatusChange(db: Database, input: RecordStatusInput): Promise<ExecutionEvent[]> {
  return recordExecutionTransition(db, { executionId: input.executionId, ...statusChangeOf(input) });
}

/** The row change and event a status input stands for (also written folded into node records: see runChain). */
export function statusChangeOf({ executionId: _, ...change }: RecordStatusInput): StatusChange {
  return describeStatusChange(change);
}
