import type { z } from 'zod';
import type { ExecutionEvent } from '@trellis/db';
import type { LogEntry, TimelineItem } from '../openapi/responses';
import type { ExecutionEventMessage } from './event-messages';

/** The one mapping from a stored event row to its JSON: WebSocket, Server-Sent Events, logs and the timeline use it. */
export function toEventMessage(event: ExecutionEvent): ExecutionEventMessage {
  return {
    type: event.type,
    execution_id: event.executionId,
    seq: event.seq,
    ...(event.status ? { status: event.status } : {}),
    ...(event.nodeId ? { node_id: event.nodeId } : {}),
    level: event.level,
    message: event.message,
    timestamp: event.createdAt.toISOString(),
    ...(event.data != null ? { data: event.data } : {}),
  };
}

// A feed hands the same event object to every follower, so each event is serialized once.
const serialized = new WeakMap<ExecutionEvent, string>();

/** toEventMessage as JSON text, computed once per event object. */
export function eventMessageJson(event: ExecutionEvent): string {
  let json = serialized.get(event);
  if (json === undefined) serialized.set(event, (json = JSON.stringify(toEventMessage(event))));
  return json;
}

/** The event as an entry of `GET /executions/{id}/logs`: the same message under the log's field names. */
export function toLogEntry(event: ExecutionEvent): z.infer<typeof LogEntry> {
  const message = toEventMessage(event);
  return {
    seq: message.seq,
    timestamp: message.timestamp,
    level: message.level,
    message: message.message,
    node_id: message.node_id ?? null,
    event: message.type,
    data: message.data ?? null,
  };
}

/** The event as a platform entry of the execution's timeline (`GET /executions/{id}/history`). */
export function toPlatformTimelineItem(event: ExecutionEvent): z.infer<typeof TimelineItem> {
  const { type, status, node_id, message, timestamp, data } = toEventMessage(event);
  return {
    timestamp,
    source: 'platform',
    event: type,
    ...(status ? { status } : {}),
    ...(node_id ? { node_id } : {}),
    message,
    ...(data !== undefined ? { data } : {}),
  };
}
