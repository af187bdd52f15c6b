import type { ExecutionEvent } from '@trellis/db';
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
