import type { WebSocket } from 'ws';
import { toEventMessage } from '../events/event-dto';
import { followExecution } from '../events/follow-execution';
import type { ApiDeps } from '../services/deps';
import { sendJson } from './send-json';

/**
 * `/ws/:execution_id`: sends every stored event after `afterSeq`, then live ones in seq order, each once,
 * through the terminal event. The socket then stays open but quiet; the client closes it.
 */
export function streamExecution(
  socket: WebSocket,
  deps: ApiDeps,
  options: { executionId: string; afterSeq: number; maxBufferedBytes: number },
): void {
  const stop = followExecution(deps.database.db, deps.hub, {
    executionId: options.executionId,
    afterSeq: options.afterSeq,
    onEvent: (event) => sendJson(socket, toEventMessage(event), options.maxBufferedBytes),
  });
  socket.once('close', stop);
}
