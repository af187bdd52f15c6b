import { defaultPayloadConverter, type Payload, type WorkflowHandle } from '@temporalio/client';
import type { TimelineItem } from './timeline-item';

type TemporalHistory = Awaited<ReturnType<WorkflowHandle['fetchHistory']>>;
/** One event of a run's Temporal history, as `fetchHistory()` returns it. */
export type TemporalHistoryEvent = NonNullable<TemporalHistory['events']>[number];

type Entry = Omit<TimelineItem, 'timestamp' | 'source'>;
type Long = { toString(): string } | number | null | undefined;

interface ActivityInfo {
  type: string;
  activityId: string;
  nodeId?: string;
  /** Every node of a chain run as one local activity (nodeId is its first). */
  nodeIds?: string[];
}

/** What earlier events told us that later ones only reference by event id. */
interface Seen {
  activities: Map<string, ActivityInfo>;
  attempts: Map<string, number>;
  updates: Map<string, string>;
}

/**
 * Turns a run's Temporal history into timeline entries: workflow start and end, activities and local
 * activities (with attempt, type and, for nodes, the node id), updates, signals, cancellation and timers.
 * Workflow-task bookkeeping and other markers (patches) are left out.
 */
export function temporalTimelineItems(events: TemporalHistoryEvent[]): TimelineItem[] {
  const seen: Seen = { activities: new Map(), attempts: new Map(), updates: new Map() };
  const items: TimelineItem[] = [];
  for (const event of events) {
    const entry = describe(event, seen);
    if (entry) items.push({ timestamp: isoTime(event.eventTime), source: 'temporal', ...entry });
  }
  return items;
}

function describe(event: TemporalHistoryEvent, seen: Seen): Entry | undefined {
  const id = String(event.eventId);
  return (
    describeWorkflow(event) ??
    describeActivity(event, id, seen) ??
    describeLocalActivity(event) ??
    describeMessage(event, id, seen) ??
    describeTimer(event)
  );
}

function describeWorkflow(event: TemporalHistoryEvent): Entry | undefined {
  const started = event.workflowExecutionStartedEventAttributes;
  if (started) {
    const type = started.workflowType?.name ?? 'workflow';
    const queue = started.taskQueue?.name ?? '';
    return {
      event: 'WorkflowExecutionStarted',
      status: 'running',
      message: `workflow ${type} started on task queue ${queue}`,
      data: { workflow_type: type, task_queue: queue, attempt: started.attempt ?? 1 },
    };
  }
  const completed = event.workflowExecutionCompletedEventAttributes;
  if (completed) {
    // graphWorkflow's result says whether the run completed or was stopped.
    const result = decode(completed.result?.payloads?.[0]) as { status?: unknown } | undefined;
    const status = typeof result?.status === 'string' ? result.status : 'completed';
    const message = status === 'completed' ? 'workflow completed' : `workflow completed (execution ${status})`;
    return { event: 'WorkflowExecutionCompleted', status, message };
  }
  const failed = event.workflowExecutionFailedEventAttributes;
  if (failed) {
    const reason = failed.failure?.message ?? 'unknown failure';
    return { event: 'WorkflowExecutionFailed', status: 'failed', message: `workflow failed: ${reason}`, data: { error: reason } };
  }
  if (event.workflowExecutionCanceledEventAttributes) {
    return { event: 'WorkflowExecutionCanceled', status: 'cancelled', message: 'workflow cancelled' };
  }
  const terminated = event.workflowExecutionTerminatedEventAttributes;
  if (terminated) {
    const reason = terminated.reason || 'no reason given';
    return { event: 'WorkflowExecutionTerminated', status: 'terminated', message: `workflow terminated: ${reason}`, data: { reason } };
  }
  if (event.workflowExecutionTimedOutEventAttributes) {
    return { event: 'WorkflowExecutionTimedOut', status: 'timed_out', message: 'workflow timed out' };
  }
  if (event.workflowExecutionContinuedAsNewEventAttributes) {
    return { event: 'WorkflowExecutionContinuedAsNew', message: 'workflow continued as new' };
  }
  if (event.workflowExecutionCancelRequestedEventAttributes) {
    return { event: 'WorkflowExecutionCancelRequested', message: 'cancellation requested' };
  }
  return undefined;
}

function describeActivity(event: TemporalHistoryEvent, id: string, seen: Seen): Entry | undefined {
  const scheduled = event.activityTaskScheduledEventAttributes;
  if (scheduled) {
    const input = decode(scheduled.input?.payloads?.[0]) as { node?: { id?: unknown } } | undefined;
    const info: ActivityInfo = {
      type: scheduled.activityType?.name ?? 'activity',
      activityId: scheduled.activityId ?? '',
      ...(typeof input?.node?.id === 'string' ? { nodeId: input.node.id } : {}),
    };
    seen.activities.set(id, info);
    return activityEntry('ActivityTaskScheduled', info, `${label(info)} scheduled`);
  }
  const started = event.activityTaskStartedEventAttributes;
  if (started) {
    const attempt = started.attempt ?? 1;
    seen.attempts.set(id, attempt);
    const info = activityOf(seen, started.scheduledEventId);
    return activityEntry('ActivityTaskStarted', info, `${label(info)} started (attempt ${attempt})`, { attempt });
  }
  const completed = event.activityTaskCompletedEventAttributes;
  if (completed) {
    const info = activityOf(seen, completed.scheduledEventId);
    const attempt = seen.attempts.get(String(completed.startedEventId));
    return activityEntry('ActivityTaskCompleted', info, `${label(info)} completed`, attempt ? { attempt } : {});
  }
  const failed = event.activityTaskFailedEventAttributes;
  if (failed) {
    const info = activityOf(seen, failed.scheduledEventId);
    const attempt = seen.attempts.get(String(failed.startedEventId));
    const reason = failed.failure?.message ?? 'unknown failure';
    return activityEntry('ActivityTaskFailed', info, `${label(info)} failed: ${reason}`, {
      ...(attempt ? { attempt } : {}),
      error: reason,
    });
  }
  const timedOut = event.activityTaskTimedOutEventAttributes;
  if (timedOut) {
    const info = activityOf(seen, timedOut.scheduledEventId);
    const attempt = seen.attempts.get(String(timedOut.startedEventId));
    const reason = timedOut.failure?.message ?? 'timeout';
    return activityEntry('ActivityTaskTimedOut', info, `${label(info)} timed out: ${reason}`, {
      ...(attempt ? { attempt } : {}),
      error: reason,
    });
  }
  const cancelRequested = event.activityTaskCancelRequestedEventAttributes;
  if (cancelRequested) {
    const info = activityOf(seen, cancelRequested.scheduledEventId);
    return activityEntry('ActivityTaskCancelRequested', info, `${label(info)} cancellation requested`);
  }
  const canceled = event.activityTaskCanceledEventAttributes;
  if (canceled) {
    const info = activityOf(seen, canceled.scheduledEventId);
    return activityEntry('ActivityTaskCanceled', info, `${label(info)} cancelled`);
  }
  return undefined;
}

/** The Core SDK's marker for a local activity's outcome: its data names the type and attempt, its result the node. */
const LOCAL_ACTIVITY_MARKER = 'core_local_activity';

function describeLocalActivity(event: TemporalHistoryEvent): Entry | undefined {
  const marker = event.markerRecordedEventAttributes;
  if (marker?.markerName !== LOCAL_ACTIVITY_MARKER) return undefined;
  const data = decode(marker.details?.data?.payloads?.[0]) as
    { activity_type?: unknown; activity_id?: unknown; attempt?: unknown } | undefined;
  const result = decode(marker.details?.result?.payloads?.[0]) as { nodeId?: unknown; nodeIds?: unknown } | undefined;
  const nodeIds = Array.isArray(result?.nodeIds) ? result.nodeIds.filter((id): id is string => typeof id === 'string') : [];
  const nodeId = typeof result?.nodeId === 'string' ? result.nodeId : nodeIds[0];
  const info: ActivityInfo = {
    type: typeof data?.activity_type === 'string' ? data.activity_type : 'activity',
    activityId: String(data?.activity_id ?? ''),
    ...(nodeId ? { nodeId } : {}),
    ...(nodeIds.length > 0 ? { nodeIds } : {}),
  };
  const attempt = typeof data?.attempt === 'number' ? { attempt: data.attempt } : {};
  if (marker.failure) {
    const reason = marker.failure.message ?? 'unknown failure';
    return activityEntry('LocalActivityFailed', info, `local ${label(info)} failed: ${reason}`, { ...attempt, local: true, error: reason });
  }
  return activityEntry('LocalActivityCompleted', info, `local ${label(info)} completed`, { ...attempt, local: true });
}

function describeMessage(event: TemporalHistoryEvent, id: string, seen: Seen): Entry | undefined {
  const accepted = event.workflowExecutionUpdateAcceptedEventAttributes;
  if (accepted) {
    const name = accepted.acceptedRequest?.input?.name ?? 'update';
    const updateId = accepted.acceptedRequest?.meta?.updateId ?? accepted.protocolInstanceId ?? '';
    seen.updates.set(id, name);
    return { event: 'WorkflowExecutionUpdateAccepted', message: `update ${name} accepted`, data: { update: name, update_id: updateId } };
  }
  const completed = event.workflowExecutionUpdateCompletedEventAttributes;
  if (completed) {
    const name = seen.updates.get(String(completed.acceptedEventId)) ?? 'update';
    const failure = completed.outcome?.failure?.message;
    return {
      event: 'WorkflowExecutionUpdateCompleted',
      message: failure ? `update ${name} failed: ${failure}` : `update ${name} completed`,
      data: { update: name, update_id: completed.meta?.updateId ?? '', ...(failure ? { error: failure } : {}) },
    };
  }
  const signaled = event.workflowExecutionSignaledEventAttributes;
  if (signaled) {
    const name = signaled.signalName ?? 'signal';
    return { event: 'WorkflowExecutionSignaled', message: `signal ${name} received`, data: { signal: name } };
  }
  return undefined;
}

function describeTimer(event: TemporalHistoryEvent): Entry | undefined {
  const started = event.timerStartedEventAttributes;
  if (started) {
    const timeout = started.startToFireTimeout;
    const ms = timeout ? Number(timeout.seconds ?? 0) * 1000 + Math.floor((timeout.nanos ?? 0) / 1e6) : 0;
    return {
      event: 'TimerStarted',
      message: `timer ${started.timerId} started (${ms} ms)`,
      data: { timer_id: started.timerId, duration_ms: ms },
    };
  }
  const fired = event.timerFiredEventAttributes;
  if (fired) return { event: 'TimerFired', message: `timer ${fired.timerId} fired`, data: { timer_id: fired.timerId } };
  const canceled = event.timerCanceledEventAttributes;
  if (canceled) return { event: 'TimerCanceled', message: `timer ${canceled.timerId} cancelled`, data: { timer_id: canceled.timerId } };
  return undefined;
}

function activityOf(seen: Seen, scheduledEventId: Long): ActivityInfo {
  return seen.activities.get(String(scheduledEventId)) ?? { type: 'activity', activityId: '' };
}

function label(info: ActivityInfo): string {
  if (info.nodeIds && info.nodeIds.length > 1) return `activity ${info.type} for nodes ${info.nodeIds.join(', ')}`;
  return info.nodeId ? `activity ${info.type} for node ${info.nodeId}` : `activity ${info.type}`;
}

function activityEntry(event: string, info: ActivityInfo, message: string, extra: Record<string, unknown> = {}): Entry {
  return {
    event,
    ...(info.nodeId ? { node_id: info.nodeId } : {}),
    message,
    data: { activity_type: info.type, activity_id: info.activityId, ...(info.nodeIds ? { node_ids: info.nodeIds } : {}), ...extra },
  };
}

/** Decodes a JSON payload; undefined when it is not one (e.g. encrypted by a codec). */
function decode(payload: Payload | null | undefined): unknown {
  if (!payload) return undefined;
  try {
    return defaultPayloadConverter.fromPayload(payload);
  } catch {
    return undefined;
  }
}

function isoTime(time: { seconds?: Long; nanos?: number | null } | null | undefined): string {
  if (!time) return new Date(0).toISOString();
  return new Date(Number(time.seconds ?? 0) * 1000 + Math.floor((time.nanos ?? 0) / 1e6)).toISOString();
}
