import type { ExecutionEvent } from '@trellis/db';

/** An event as WebSocket and SSE clients receive it. */
export function toEventMessage(event: ExecutionEvent) {
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
