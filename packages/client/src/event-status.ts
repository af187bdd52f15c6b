import type { ExecutionEvent, ExecutionStatus } from './types';

/** The execution's status an `execution.*` event carries; undefined for node events (they carry their node's). */
export function executionStatusOf(event: ExecutionEvent): ExecutionStatus | undefined {
  return event.type.startsWith('execution.') ? (event.status as ExecutionStatus | undefined) : undefined;
}
