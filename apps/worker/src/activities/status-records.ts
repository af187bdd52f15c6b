import { isTerminal } from '@trellis/core';
import { recordExecutionTransition, type Database, type ExecutionEvent, type StatusChange } from '@trellis/db';
import type { RecordStatusInput } from '@trellis/workflows';

/** Moves the execution row to a status and appends its event, in one statement; returns the events written. */
export function recordStatusChange(db: Database, input: RecordStatusInput): Promise<ExecutionEvent[]> {
  return recordExecutionTransition(db, { executionId: input.executionId, ...statusChangeOf(input) });
}

/** The row change and event a status input stands for (also written folded into node records: see runChain). */
export function statusChangeOf(input: RecordStatusInput): StatusChange {
  const now = new Date();
  return {
    to: input.status,
    patch: {
      ...(input.runId ? { temporalRunId: input.runId } : {}),
      ...(input.output !== undefined ? { outputData: input.output } : {}),
      ...(input.error ? { error: input.error } : {}),
      ...(input.usage ? { usage: input.usage } : {}),
      ...(input.status === 'running' && input.eventType === 'execution.started' ? { startedAt: now } : {}),
      ...(isTerminal(input.status) ? { finishedAt: now, currentNodes: [] } : {}),
      message: input.message,
    },
    event: {
      key: input.eventKey,
      type: input.eventType,
      status: input.status,
      level: input.status === 'failed' || input.status === 'timed_out' ? 'error' : 'info',
      message: input.message,
      data: input.error ? { error: input.error } : input.usage ? { usage: input.usage } : null,
    },
  };
}
