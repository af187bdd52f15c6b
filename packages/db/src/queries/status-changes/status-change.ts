import { EXECUTION_STATUSES, canTransition, isTerminal, type ExecutionStatus, type StatusChangeRequest } from '@trellis/definition';
import type { EventLevel } from '../../schema/execution-events';
import type { NewExecution } from '../executions';
import type { NewEvent } from '../events';

/** The execution columns a status change may set besides its status. */
export type ExecutionPatch = Partial<
  Pick<
    NewExecution,
    | 'outputData'
    | 'error'
    | 'usage'
    | 'currentNodes'
    | 'progress'
    | 'completedNodes'
    | 'totalNodes'
    | 'message'
    | 'temporalRunId'
    | 'startedAt'
    | 'finishedAt'
  >
>;

/** A move of an execution to `to`, with the columns it sets and the event that records it (one per key). */
export interface StatusChange {
  to: ExecutionStatus;
  patch: ExecutionPatch;
  event: NewEvent;
}

/** What a status change says; describeStatusChange turns it into the row's columns and its event. */
export interface StatusChangeParams extends StatusChangeRequest {
  /** The event's level when not the default (error for failed and timed_out, info otherwise). */
  level?: EventLevel;
  /** The event's data when not the default (the error, else the usage). */
  data?: unknown;
}

/** The row change and event a status change stands for: a run's start sets started_at, its end finished_at. */
export function describeStatusChange(params: StatusChangeParams, now = new Date()): StatusChange {
  const { status, error, usage } = params;
  return {
    to: status,
    patch: {
      ...(params.runId ? { temporalRunId: params.runId } : {}),
      ...(params.output !== undefined ? { outputData: params.output } : {}),
      ...(error ? { error } : {}),
      ...(usage ? { usage } : {}),
      ...(status === 'running' && params.eventType === 'execution.started' ? { startedAt: now } : {}),
      ...(isTerminal(status) ? { finishedAt: now, currentNodes: [] } : {}),
      message: params.message,
    },
    event: {
      key: params.eventKey,
      type: params.eventType,
      status,
      level: params.level ?? (status === 'failed' || status === 'timed_out' ? 'error' : 'info'),
      message: params.message,
      data: params.data !== undefined ? params.data : error ? { error } : usage ? { usage } : null,
    },
  };
}

/** Statuses from which `to` may be reached, per the one transition table. */
export function statusesLeadingTo(to: ExecutionStatus): ExecutionStatus[] {
  return EXECUTION_STATUSES.filter((from) => canTransition(from, to));
}
